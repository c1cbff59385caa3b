package io.mpgov.catalog;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/**
 * Health "aws": can mpgov reach AWS and its Private Marketplace (DescribeEntity of the experience)?
 * Asked at most every 30 seconds, so probes cost AWS almost nothing.
 */
@Component("aws")
class PrivateMarketplaceHealth implements HealthIndicator {

    private static final Duration FRESH = Duration.ofSeconds(30);

    private final CatalogPort catalog;
    private final CatalogSettings settings;
    private volatile Health last;
    private volatile Instant checkedAt = Instant.MIN;

    PrivateMarketplaceHealth(CatalogPort catalog, CatalogSettings settings) {
        this.catalog = catalog;
        this.settings = settings;
    }

    @Override
    public Health health() {
        if (last == null || Instant.now().isAfter(checkedAt.plus(FRESH))) {
            last = check();
            checkedAt = Instant.now();
        }
        return last;
    }

    private Health check() {
        try {
            int products = catalog.allowedProducts().size();
            return Health.up().withDetail("privateMarketplace", settings.getExperienceId()).withDetail("allowedProducts", products).build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("privateMarketplace", String.valueOf(settings.getExperienceId()))
                    .withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
    }
}
