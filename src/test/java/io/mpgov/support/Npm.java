package io.mpgov.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The npm packages a test pins in a folder of its own (package.json + package-lock.json), installed with
 * {@code npm ci}. Without npm the test is skipped with a message, except under CI=true, where it fails.
 */
public final class Npm {

    public static final boolean CI = "true".equalsIgnoreCase(System.getenv("CI"));

    /** What a command printed (stdout and stderr) and how it ended. */
    public record Run(int exit, String output) {}

    private Npm() {}

    /** {@code npm ci} in {@code folder}; {@code purpose} says what the packages are for when npm is missing. */
    public static void install(Path folder, String purpose) throws IOException, InterruptedException {
        boolean npm;
        try {
            npm = run(folder, List.of("npm", "--version")).exit() == 0;
        } catch (IOException e) {
            npm = false;
        }
        if (!npm) {
            String reason = "no npm on the PATH: install Node.js (with npm) to " + purpose;
            if (CI) {
                fail("CI=true: " + reason);
            }
            Assumptions.abort("Skipped: " + reason + "; CI=true makes this a failure.");
        }
        Run install = run(folder, List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"));
        assertThat(install.exit())
                .as("npm ci in %s: %s", folder, install.output())
                .isZero();
    }

    /** Runs a command in {@code folder}, at most 3 minutes. */
    public static Run run(Path folder, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not end within 3 minutes: " + output);
        }
        return new Run(process.exitValue(), output);
    }
}
