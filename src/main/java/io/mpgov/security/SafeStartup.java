package io.mpgov.security;

import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start, before any database or port is opened, on a configuration that would leave mpgov open:
 * <ul>
 *   <li>neither the {@code demo} nor the {@code aws} profile: a jar or image started without a word must not
 *   come up as the demo (users with password "demo", the unauthenticated sandbox), nor half configured;</li>
 *   <li>the {@code aws} profile without an administrator: Camunda would offer its first-admin setup page
 *   ({@code /camunda/app/admin/default/setup}) to whoever opens it first, and without a password it takes
 *   the user id as the password;</li>
 *   <li>the {@code aws} profile with the AWS sandbox switched on: production would talk to the emulator,
 *   which answers anyone on its port, instead of AWS.</li>
 * </ul>
 * Runs after the configuration files are read, so profiles chosen in them count.
 */
final class SafeStartup implements EnvironmentPostProcessor, Ordered {

    static final String DEMO = "demo";
    static final String AWS = "aws";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<String> active = Arrays.asList(environment.getActiveProfiles());
        if (!active.contains(DEMO) && !active.contains(AWS)) {
            throw new Refusal(
                    "mpgov was started without the profile that says where it runs (active profiles: "
                            + (active.isEmpty() ? "none" : String.join(", ", active)) + ").",
                    "Choose one: 'demo' (H2, the built-in AWS sandbox, demo users with password 'demo' — what "
                            + "./mvnw spring-boot:run starts) with --spring.profiles.active=demo, or 'aws' (PostgreSQL, real AWS) "
                            + "with SPRING_PROFILES_ACTIVE=aws; see the README, 'Pointing it at real AWS'.");
        }
        if (active.contains(AWS)) {
            Binder binder = Binder.get(environment);
            if (binder.bind("mpgov.sandbox.enabled", Boolean.class).orElse(false)) {
                throw new Refusal(
                        "The 'aws' profile talks to AWS, but mpgov.sandbox.enabled=true would start the AWS sandbox "
                                + "and point every AWS client at it.",
                        "Remove MPGOV_SANDBOX_ENABLED / mpgov.sandbox.enabled from the 'aws' configuration; the sandbox is the demo profile's.");
            }
            boolean admin = !binder.bind("camunda.bpm.admin-user.id", String.class)
                            .orElse("")
                            .isBlank()
                    && !binder.bind("camunda.bpm.admin-user.password", String.class)
                            .orElse("")
                            .isBlank();
            if (!admin) {
                throw new Refusal(
                        "The 'aws' profile needs an administrator: without camunda.bpm.admin-user.id and "
                                + "camunda.bpm.admin-user.password, Camunda's first-admin setup page (/camunda/app/admin/default/setup) "
                                + "is open to the first visitor, and a missing password would be the user id.",
                        "Set CAMUNDA_BPM_ADMINUSER_ID and CAMUNDA_BPM_ADMINUSER_PASSWORD (from a secret store, not the command line).");
            }
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Why mpgov did not start, and what to do: printed as Spring Boot's "APPLICATION FAILED TO START". */
    static final class Refusal extends IllegalStateException {

        final String description;
        final String action;

        Refusal(String description, String action) {
            super(description + " " + action);
            this.description = description;
            this.action = action;
        }
    }

    static final class Analyzer extends AbstractFailureAnalyzer<Refusal> {

        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, Refusal cause) {
            return new FailureAnalysis(cause.description, cause.action, cause);
        }
    }
}
