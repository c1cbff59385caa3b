package io.mpgov.sandbox;

import io.mpgov.aws.AwsEndpoint;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/**
 * Starts the AWS sandbox inside the application (the embedded default and the tests) and points
 * every AWS client at it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "mpgov.sandbox.enabled", havingValue = "true")
class SandboxConfiguration {

    @ConfigurationProperties("mpgov.sandbox")
    record SandboxProperties(@DefaultValue("127.0.0.1") String host, @DefaultValue("4566") int port,
                             @DefaultValue("true") boolean seedDemo,
                             @DefaultValue("2s") Duration changeSetPreparing,
                             @DefaultValue("3s") Duration changeSetApplying) {
    }

    @Bean
    Sandbox sandbox(SandboxProperties properties) {
        Sandbox sandbox = new Sandbox(Clock.systemUTC());
        sandbox.knobs().changeSetPreparingMillis = properties.changeSetPreparing().toMillis();
        sandbox.knobs().changeSetApplyingMillis = properties.changeSetApplying().toMillis();
        if (properties.seedDemo()) {
            sandbox.seedDemo();
        }
        return sandbox;
    }

    @Bean(destroyMethod = "close")
    SandboxServer sandboxServer(Sandbox sandbox, SandboxProperties properties) {
        return SandboxServer.start(properties.host(), properties.port(), sandbox);
    }

    @Bean
    AwsEndpoint sandboxEndpoint(SandboxServer server) {
        return new AwsEndpoint(server.baseUri());
    }
}
