package io.mpgov.usage;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Usage facts ({@code mpgov.usage.*}).
 *
 * @param spendCache how long one Cost Explorer answer (all Marketplace spend of the window) is reused; each query
 *                   costs USD 0.01 and Cost Explorer refreshes its data about once a day
 */
@ConfigurationProperties("mpgov.usage")
public record UsageSettings(@DefaultValue("PT6H") Duration spendCache) {

    public UsageSettings {
        if (spendCache == null || spendCache.isNegative()) {
            throw new IllegalArgumentException(
                    "mpgov.usage.spend-cache must be zero (no cache) or more, not " + spendCache);
        }
    }
}
