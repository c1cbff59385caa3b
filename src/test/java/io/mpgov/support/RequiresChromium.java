package io.mpgov.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Browser tests need Debian's Chromium and ChromeDriver, which the build installs when it can
 * (src/test/browser/install-chromium.sh). Under CI=true they always run, so a missing browser fails
 * loudly; elsewhere they are skipped with a message saying what to install.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresChromium.Condition.class)
public @interface RequiresChromium {

    Path CHROMIUM = Path.of(System.getenv().getOrDefault("MPGOV_CHROMIUM", "/usr/bin/chromium"));
    Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("MPGOV_CHROMEDRIVER", "/usr/bin/chromedriver"));

    class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                return ConditionEvaluationResult.enabled("CI=true: browser tests must run");
            }
            if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
                return ConditionEvaluationResult.enabled("Chromium at " + CHROMIUM);
            }
            return ConditionEvaluationResult.disabled(
                    "Skipped: no Chromium at " + CHROMIUM + " or no ChromeDriver at " + CHROMEDRIVER
                            + ". Install them (sudo apt-get install chromium chromium-driver, or bash src/test/browser/install-chromium.sh as root),"
                            + " or set MPGOV_CHROMIUM / MPGOV_CHROMEDRIVER; CI=true makes this a failure.");
        }
    }
}
