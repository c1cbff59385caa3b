package io.mpgov;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The boundaries the house style promises, read from the compiled main code: AWS specifics live in the
 * adapters, the AWS sandbox is a leaf that the product does not reach into, and the feature packages
 * depend on each other without cycles.
 */
class ModuleBoundariesTest {

    static JavaClasses main;

    @BeforeAll
    static void read() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.mpgov");
    }

    @Test
    void onlyAdaptersTalkToAwsThroughTheSdk() {
        ArchRule rule = noClasses().that().haveSimpleNameNotEndingWith("Adapter")
                .and().doNotHaveSimpleName("AwsClients")
                // the Cost Explorer half of the usage adapter: one cached query for a whole review
                .and().doNotHaveSimpleName("CostExplorerSpend")
                .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk.services..")
                .because("delegates call one port; AWS specifics live in adapters");
        rule.check(main);
    }

    @Test
    void nothingOfTheProductDependsOnTheSandbox() {
        noClasses().that().resideOutsideOfPackage("io.mpgov.sandbox..")
                .should().dependOnClassesThat().resideInAPackage("io.mpgov.sandbox..")
                .because("the emulator is reached only through its own Spring wiring, never called by the product")
                .check(main);
    }

    @Test
    void theSandboxIsALeafWiredInThroughTheAwsEndpointAlone() {
        classes().that().resideInAPackage("io.mpgov.sandbox..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("io.mpgov..").or(resideInAPackage("io.mpgov.sandbox.."))
                        // the one wiring point: the sandbox tells the product's AWS clients where it listens
                        .or(name("io.mpgov.aws.AwsEndpoint")))
                .check(main);
    }

    @Test
    void theFeaturePackagesDependOnEachOtherWithoutCycles() {
        // Read from bytecode: compile-time constants (process keys, variable names) are inlined and not seen here.
        slices().matching("io.mpgov.(*)..").should().beFreeOfCycles().check(main);
    }
}
