package io.mpgov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The models in processes/ pass bpmnlint 11 with bpmnlint:recommended and Camunda 7.24 compatibility, as
 * README promises: the linter, pinned in src/test/bpmnlint/package-lock.json, is installed with npm from its
 * registry and run on every model. Without Node.js and npm the test is skipped with a message, except under
 * CI=true, where it fails.
 */
class BpmnLintTest {

    static final Path LINT = Path.of("src/test/bpmnlint").toAbsolutePath();
    static final boolean CI = "true".equalsIgnoreCase(System.getenv("CI"));

    record Run(int exit, String output) {}

    static Run run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .directory(LINT.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not end within 3 minutes: " + output);
        }
        return new Run(process.exitValue(), output);
    }

    @BeforeAll
    static void installTheLinter() throws Exception {
        boolean npm;
        try {
            npm = run(List.of("npm", "--version")).exit() == 0;
        } catch (IOException e) {
            npm = false;
        }
        if (!npm) {
            String reason = "no npm on the PATH: install Node.js (with npm) to lint the models";
            if (CI) {
                fail("CI=true: " + reason);
            }
            Assumptions.abort("Skipped: " + reason + "; CI=true makes this a failure.");
        }
        Run install = run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"));
        assertThat(install.exit())
                .as("npm ci in %s: %s", LINT, install.output())
                .isZero();
    }

    static Run lint(List<Path> models) throws Exception {
        List<String> command = new ArrayList<>(List.of("npx", "--no-install", "bpmnlint"));
        models.forEach(m -> command.add(m.toAbsolutePath().toString()));
        return run(command);
    }

    @Test
    void everyModelPassesBpmnlint() throws Exception {
        List<Path> models;
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            models = files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
        }
        assertThat(models).hasSizeGreaterThanOrEqualTo(6);

        Run lint = lint(models);

        assertThat(lint.exit()).as("bpmnlint on %s:%n%s", models, lint.output()).isZero();
    }

    @Test
    void theLinterRefusesAModelWithAnElementConnectedToNothing() throws Exception {
        Path broken = Files.createTempFile("mpgov-broken-", ".bpmn");
        Files.writeString(
                broken,
                Files.readString(Path.of("processes/catalog-change.bpmn"))
                        .replaceFirst(
                                "</bpmn:process>", "<bpmn:task id=\"Task_Orphan\" name=\"Orphan\" /></bpmn:process>"));

        Run lint = lint(List.of(broken));

        assertThat(lint.exit()).as(lint.output()).isNotZero();
        assertThat(lint.output()).contains("Task_Orphan", "no-disconnected");
    }
}
