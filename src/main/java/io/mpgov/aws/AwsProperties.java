package io.mpgov.aws;

import java.net.URI;
import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How mpgov reaches AWS ({@code mpgov.aws.*}). With no endpoint the SDK's own endpoints and the default
 * credentials chain are used: that is real AWS.
 *
 * @param region          region of the License Manager and SES calls; blank (an unset {@code AWS_REGION} on the
 *                        aws profile) means the default
 * @param endpoint        one base URL for every service (the AWS sandbox); empty for real AWS
 * @param apiCallTimeout  whole call, retries included
 * @param attemptTimeout  one HTTP attempt
 * @param maxAttempts     attempts per call, the first included
 */
@ConfigurationProperties("mpgov.aws")
public record AwsProperties(
        @DefaultValue(AwsProperties.DEFAULT_REGION) String region,
        URI endpoint,
        @DefaultValue("30s") Duration apiCallTimeout,
        @DefaultValue("10s") Duration attemptTimeout,
        @DefaultValue("5") int maxAttempts) {

    static final String DEFAULT_REGION = "us-east-1";
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");

    public AwsProperties {
        region = region == null || region.isBlank() ? DEFAULT_REGION : region.trim();
        if (!REGION.matcher(region).matches()) {
            throw new IllegalArgumentException(
                    "mpgov.aws.region must be an AWS region such as us-east-1, not '" + region + "'");
        }
        positive("api-call-timeout", apiCallTimeout);
        positive("attempt-timeout", attemptTimeout);
        if (maxAttempts < 1) {
            throw new IllegalArgumentException(
                    "mpgov.aws.max-attempts must be at least 1 (the first attempt), not " + maxAttempts);
        }
    }

    private static void positive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("mpgov.aws." + name + " must be positive, not " + value);
        }
    }
}
