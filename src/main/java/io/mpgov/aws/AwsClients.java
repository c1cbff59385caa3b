package io.mpgov.aws;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;

/**
 * Applies what every AWS client of mpgov shares: region, credentials, endpoint, timeouts and the
 * standard retry strategy with backoff. Each feature builds its own client through this.
 */
@Component
public class AwsClients {

    /**
     * Marketplace Catalog and Marketplace Agreement exist in us-east-1 only (botocore's endpoints list no
     * other region): their clients stay there whatever mpgov.aws.region or the platform's AWS_REGION says.
     */
    public static final Region MARKETPLACE_REGION = Region.US_EAST_1;

    private final AwsProperties properties;
    private final Optional<URI> endpoint;
    private final AwsCredentialsProvider credentials;
    private final AwsCallMetrics metrics;

    /** Without a meter registry (tests of one adapter): the calls are counted nowhere that matters. */
    public AwsClients(AwsProperties properties, ObjectProvider<AwsEndpoint> sandbox) {
        this(properties, sandbox, new SimpleMeterRegistry());
    }

    @Autowired
    public AwsClients(AwsProperties properties, ObjectProvider<AwsEndpoint> sandbox, MeterRegistry registry) {
        this.properties = properties;
        this.metrics = new AwsCallMetrics(registry);
        AwsEndpoint override = sandbox.getIfAvailable();
        this.endpoint = Optional.ofNullable(override != null ? override.uri() : properties.endpoint());
        // The sandbox accepts any signature; real AWS gets the default chain (env, profile, IMDS, IRSA…).
        this.credentials = override != null
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create("sandbox", "sandbox"))
                : DefaultCredentialsProvider.builder().build();
    }

    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder) {
        return build(builder, Region.of(properties.region()), UnaryOperator.identity());
    }

    /** For the Marketplace Catalog and Agreement clients: pinned to {@link #MARKETPLACE_REGION}. */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C buildInMarketplaceRegion(B builder) {
        return build(builder, MARKETPLACE_REGION, UnaryOperator.identity());
    }

    /** For clients whose service has errors the standard strategy does not retry (License Manager's RateLimitExceeded). */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(
            B builder, UnaryOperator<StandardRetryStrategy.Builder> retry) {
        return build(builder, Region.of(properties.region()), retry);
    }

    /** For clients that need another region (Organizations is global) or extra retryable errors. */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(
            B builder, Region region, UnaryOperator<StandardRetryStrategy.Builder> retry) {
        RetryStrategy strategy = retry.apply(
                        AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(properties.maxAttempts()))
                .build();
        builder.region(region)
                .credentialsProvider(credentials)
                .httpClientBuilder(ApacheHttpClient.builder()
                        .connectionTimeout(properties.attemptTimeout())
                        .socketTimeout(properties.attemptTimeout())
                        .maxConnections(64))
                // on top of what the caller set already (a test's interceptor), not instead of it
                .overrideConfiguration(builder.overrideConfiguration().toBuilder()
                        .addExecutionInterceptor(metrics)
                        .apiCallTimeout(properties.apiCallTimeout())
                        .apiCallAttemptTimeout(properties.attemptTimeout())
                        .retryStrategy(strategy)
                        .build());
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /**
     * Cost Explorer has one endpoint per partition: its endpoint rules send every commercial region to
     * {@code ce.us-east-1.amazonaws.com}, signed for us-east-1. Pinned to it, whatever {@code AWS_REGION} or
     * {@code mpgov.aws.region} say.
     */
    public CostExplorerClient costExplorer(UnaryOperator<StandardRetryStrategy.Builder> retry) {
        return build(CostExplorerClient.builder(), Region.US_EAST_1, retry);
    }
}
