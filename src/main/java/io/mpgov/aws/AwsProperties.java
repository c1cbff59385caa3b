package io.mpgov.aws;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * How mpgov reaches AWS. With no endpoint the SDK's own endpoints and the default credentials chain
 * are used: that is real AWS.
 *
 * @param region          region of the Marketplace Catalog, License Manager and SES calls
 * @param endpoint        one base URL for every service (the AWS sandbox); empty for real AWS
 * @param apiCallTimeout  whole call, retries included
 * @param attemptTimeout  one HTTP attempt
 * @param maxAttempts     attempts per call, the first included
 */
@ConfigurationProperties("mpgov.aws")
public record AwsProperties(
        @DefaultValue("us-east-1") String region,
        URI endpoint,
        @DefaultValue("30s") Duration apiCallTimeout,
        @DefaultValue("10s") Duration attemptTimeout,
        @DefaultValue("5") int maxAttempts) {
}
