package io.mpgov;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.mpgov.support.ReadmeSection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules of mpgov (the packages under {@code io.mpgov}) and what each may depend on, as declared in
 * its {@code package-info.java}: verified by Spring Modulith on the compiled code, and on the sources too —
 * compile-time constants (process keys, variable names) are inlined in bytecode, so only the sources show
 * that a module uses another's contract class. The README's picture of the modules is generated here.
 */
class ModuleBoundariesTest {

    private static final Path SOURCES = Path.of("src/main/java/io/mpgov");
    private static final Pattern MENTION = Pattern.compile("\\bio\\.mpgov\\.([a-z]+)\\b");

    static ApplicationModules modules;
    static JavaClasses main;

    @BeforeAll
    static void read() {
        modules = ApplicationModules.of(MpgovApplication.class);
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.mpgov");
    }

    @Test
    void theModulesDependOnlyOnWhatTheyDeclareWithoutCycles() {
        modules.verify();
    }

    @Test
    void theSourcesDependOnlyOnWhatTheModulesDeclare() {
        Map<String, Set<String>> used = sourceDependencies();
        Map<String, Set<String>> declared = declaredDependencies();
        assertThat(used.keySet())
                .as("every module has a package-info.java with @ApplicationModule")
                .isEqualTo(declared.keySet());
        used.forEach((module, uses) -> assertThat(uses)
                .as("what %s's sources use of other modules", module)
                .isSubsetOf(declared.get(module)));
        declared.forEach((module, allowed) ->
                assertThat(allowed).as("%s declares only what it uses", module).isSubsetOf(used.get(module)));
    }

    @Test
    void everyModuleSaysInItsPackageInfoWhatLivesThere() throws IOException {
        for (String module : declaredDependencies().keySet()) {
            String info = Files.readString(SOURCES.resolve(module).resolve("package-info.java"));
            assertThat(info).as(module).startsWith("/**");
            ApplicationModule declaration;
            try {
                declaration =
                        Class.forName("io.mpgov." + module + ".package-info").getAnnotation(ApplicationModule.class);
            } catch (ClassNotFoundException e) {
                throw new AssertionError(module + " has no compiled package-info", e);
            }
            assertThat(declaration).as(module).isNotNull();
            assertThat(declaration.displayName()).as(module).isNotBlank();
        }
    }

    @Test
    void onlyAdaptersTalkToAwsThroughTheSdk() {
        noClasses()
                .that()
                .haveSimpleNameNotEndingWith("Adapter")
                .and()
                .doNotHaveSimpleName("AwsClients")
                // the Cost Explorer half of the usage adapter: one cached query for a whole review
                .and()
                .doNotHaveSimpleName("CostExplorerSpend")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("software.amazon.awssdk.services..")
                .because("delegates call one port; AWS specifics live in adapters")
                .check(main);
    }

    @Test
    void onlyTheDemoWiringReachesTheSandbox() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.mpgov.sandbox..")
                .and()
                .resideOutsideOfPackage("io.mpgov.demo..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.mpgov.sandbox..")
                .because("the emulator is started by the demo profile's wiring alone, never called by the product")
                .check(main);
    }

    @Test
    void theSandboxIsALeafThatImportsNothingOfMpgov() {
        classes()
                .that()
                .resideInAPackage("io.mpgov.sandbox..")
                .should()
                .onlyDependOnClassesThat(
                        resideOutsideOfPackage("io.mpgov..").or(resideInAPackage("io.mpgov.sandbox..")))
                .check(main);
    }

    /** The access module uses Camunda's internal classes only where its Javadoc names the use (and why). */
    @Test
    void securityNamesEachInternalCamundaClassItUses() throws IOException {
        String info = Files.readString(SOURCES.resolve("security").resolve("package-info.java"));
        Set<String> unnamed = new TreeSet<>();
        try (Stream<Path> files = Files.list(SOURCES.resolve("security"))) {
            for (Path file : files.toList()) {
                Matcher internal = Pattern.compile("import org\\.camunda\\.bpm\\.engine\\.impl\\.([\\w.]+);")
                        .matcher(Files.readString(file));
                while (internal.find()) {
                    String used = internal.group(1);
                    boolean named = info.contains("{@code " + used + "}")
                            || info.contains(" " + used + "}")
                            || used.matches("cmd\\.\\w+Cmd") && info.contains("{@code cmd.*Cmd}");
                    if (!named) {
                        unnamed.add(used + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(unnamed)
                .as("internal Camunda classes security uses without naming them")
                .isEmpty();
    }

    /** Writes the picture of the modules in docs/development.md; under CI a stale picture fails instead, so what landed is true. */
    @Test
    void theReadmeShowsTheModulesAsTheyAre() throws IOException {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
        ReadmeSection.keep(Path.of("docs/development.md"), "modules", ModuleBoundariesTest.class, mermaid());
    }

    private static String mermaid() {
        StringBuilder graph = new StringBuilder("```mermaid\nflowchart LR\n");
        modules.stream()
                .sorted()
                .forEach(m -> graph.append("  ")
                        .append(m.getName())
                        .append("[\"")
                        .append(m.getDisplayName())
                        .append("<br/><code>")
                        .append(m.getName())
                        .append("</code>\"]\n"));
        declaredDependencies()
                .forEach((module, targets) -> targets.forEach(target -> graph.append("  ")
                        .append(module)
                        .append(" --> ")
                        .append(target)
                        .append('\n')));
        return graph.append("```\n").toString();
    }

    private static Map<String, Set<String>> declaredDependencies() {
        Map<String, Set<String>> declared = new TreeMap<>();
        modules.forEach(module -> {
            try {
                Class<?> info = Class.forName(module.getBasePackage().getName() + ".package-info");
                declared.put(
                        module.getName(),
                        new TreeSet<>(List.of(
                                info.getAnnotation(ApplicationModule.class).allowedDependencies())));
            } catch (ClassNotFoundException e) {
                declared.put(module.getName(), null);
            }
        });
        return declared;
    }

    private static Map<String, Set<String>> sourceDependencies() {
        Map<String, Set<String>> used = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(SOURCES)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                String module = dir.getFileName().toString();
                Set<String> uses = new TreeSet<>();
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path file :
                            files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        Matcher mention = MENTION.matcher(Files.readString(file));
                        while (mention.find()) {
                            uses.add(mention.group(1));
                        }
                    }
                }
                uses.remove(module);
                used.put(module, uses);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return used;
    }
}
