package io.mpgov.support;

import io.mpgov.aws.AwsClients;
import io.mpgov.aws.AwsEndpoint;
import io.mpgov.aws.AwsProperties;
import java.net.URI;
import java.time.Duration;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/** mpgov's AWS clients as the application builds them, for adapter tests: pointed at a sandbox (or at AWS's own endpoints when {@code endpoint} is null). */
public final class SandboxClients {

    private SandboxClients() {}

    public static AwsClients at(URI endpoint, String region, int maxAttempts) {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        if (endpoint != null) {
            beans.registerSingleton("sandbox", new AwsEndpoint(endpoint));
        }
        return new AwsClients(
                new AwsProperties(region, null, Duration.ofSeconds(20), Duration.ofSeconds(5), maxAttempts),
                beans.getBeanProvider(AwsEndpoint.class));
    }
}
