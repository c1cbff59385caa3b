package io.mpgov.catalog;

import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health "aws": can mpgov reach AWS and read what each governed Private Marketplace allows (its
 * Experience, then its procurement policy)? A shape mpgov cannot read is DOWN, not an empty PMP.
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
        if (settings.governedExperienceIds().isEmpty()) {
            return Health.down()
                    .withDetail("error", "No Private Marketplace experience configured (mpgov.catalog.experience-id)")
                    .build();
        }
        try {
            java.util.Map<String, Integer> allowed = new java.util.LinkedHashMap<>();
            for (String experienceId : settings.governedExperienceIds()) {
                allowed.put(experienceId, catalog.allowedProducts(experienceId).size());
            }
            return Health.up()
                    .withDetail("privateMarketplace", settings.primaryExperienceId())
                    .withDetail("allowedProducts", allowed.getOrDefault(settings.primaryExperienceId(), 0))
                    .withDetail("allowedProductsByExperience", allowed)
                    .build();
        } catch (RuntimeException e) {
            return Health.down()
                    .withDetail("privateMarketplace", String.valueOf(settings.primaryExperienceId()))
                    .withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage())
                    .build();
        }
    }
}
