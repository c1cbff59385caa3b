package io.mpgov;

import static org.assertj.core.api.Assertions.assertThat;

import io.mpgov.support.Npm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
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

    @BeforeAll
    static void installTheLinter() throws Exception {
        Npm.install(LINT, "lint the models");
    }

    static Npm.Run lint(List<Path> models) throws Exception {
        List<String> command = new ArrayList<>(List.of("npx", "--no-install", "bpmnlint"));
        models.forEach(m -> command.add(m.toAbsolutePath().toString()));
        return Npm.run(LINT, command);
    }

    @Test
    void everyModelPassesBpmnlint() throws Exception {
        List<Path> models;
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            models = files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
        }
        assertThat(models).hasSizeGreaterThanOrEqualTo(6);

        Npm.Run lint = lint(models);

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

        Npm.Run lint = lint(List.of(broken));

        assertThat(lint.exit()).as(lint.output()).isNotZero();
        assertThat(lint.output()).contains("Task_Orphan", "no-disconnected");
    }
}
