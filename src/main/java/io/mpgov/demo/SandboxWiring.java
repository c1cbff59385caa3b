package io.mpgov.demo;

import io.mpgov.aws.AwsEndpoint;
import io.mpgov.events.EventSettings;
import io.mpgov.sandbox.Sandbox;
import io.mpgov.sandbox.SandboxServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the AWS sandbox inside the application (the embedded default and the tests) and points
 * every AWS client at it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "mpgov.sandbox.enabled", havingValue = "true")
class SandboxWiring {

    private static final Logger log = LoggerFactory.getLogger(SandboxWiring.class);

    /**
     * The in-process AWS sandbox ({@code mpgov.sandbox.*}).
     *
     * @param enabled            start it (the demo profile); this wiring exists only then, and the aws profile refuses it
     * @param host               the loopback address it listens on
     * @param port               its port; 0: a free one
     * @param seedDemo           seed the demo organization when there is no saved state
     * @param stateFile          where the emulated account is kept across restarts; blank: nowhere
     * @param changeSetPreparing how long an emulated change set stays PREPARING
     * @param changeSetApplying  how long it then stays APPLYING
     */
    @ConfigurationProperties("mpgov.sandbox")
    record SandboxProperties(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("127.0.0.1") String host,
            @DefaultValue("4566") int port,
            @DefaultValue("true") boolean seedDemo,
            String stateFile,
            @DefaultValue("2s") Duration changeSetPreparing,
            @DefaultValue("3s") Duration changeSetApplying) {

        SandboxProperties {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException(
                        "mpgov.sandbox.host must name the address the sandbox listens on, not be blank");
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException(
                        "mpgov.sandbox.port must be a TCP port (0: a free one), not " + port);
            }
            if (changeSetPreparing == null
                    || changeSetPreparing.isNegative()
                    || changeSetApplying == null
                    || changeSetApplying.isNegative()) {
                throw new IllegalArgumentException(
                        "mpgov.sandbox.change-set-preparing and change-set-applying must be zero or more, not "
                                + changeSetPreparing + " and " + changeSetApplying);
            }
        }

        /** Where the state is kept across restarts; none when blank. */
        Path statePath() {
            return stateFile == null || stateFile.isBlank() ? null : Path.of(stateFile);
        }
    }

    /** With a state file, the account outlives restarts as the H2 file database does. */
    @Bean
    Sandbox sandbox(SandboxProperties properties) {
        Sandbox sandbox = new Sandbox(Clock.systemUTC());
        sandbox.knobs().changeSetPreparingMillis =
                properties.changeSetPreparing().toMillis();
        sandbox.knobs().changeSetApplyingMillis = properties.changeSetApplying().toMillis();
        Path state = properties.statePath();
        if (state != null && Files.exists(state)) {
            sandbox.load(state);
            log.info("AWS sandbox state loaded from {}", state);
        } else if (properties.seedDemo()) {
            sandbox.seedDemo();
        }
        return sandbox;
    }

    @Bean
    SandboxServer sandboxServer(Sandbox sandbox, SandboxProperties properties) {
        return SandboxServer.start(properties.host(), properties.port(), sandbox);
    }

    @Bean
    DisposableBean sandboxShutdown(SandboxServer server, Sandbox sandbox, SandboxProperties properties) {
        return () -> {
            server.close();
            Path state = properties.statePath();
            if (state != null) {
                sandbox.save(state);
                log.info("AWS sandbox state saved to {}", state);
            }
        };
    }

    /** The sandbox's EventBridge delivers Private Marketplace events to this application's /api/events. */
    @Bean
    ApplicationListener<WebServerInitializedEvent> sandboxEventTarget(Sandbox sandbox, EventSettings events) {
        return event -> sandbox.deliverEventsTo(
                URI.create("http://127.0.0.1:" + event.getWebServer().getPort() + "/api/events"), events.secret());
    }

    @Bean
    AwsEndpoint sandboxEndpoint(SandboxServer server) {
        return new AwsEndpoint(server.baseUri());
    }
}
