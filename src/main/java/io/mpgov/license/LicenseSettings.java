package io.mpgov.license;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * License distribution ({@code mpgov.license.*}). Read as {@code licenseSettings} by the
 * license-reconciliation model's timer ({@code ${licenseSettings.reconciliationCycle}}).
 *
 * @param reconciliationCycle when the full reconciliation runs (a Camunda timer cycle: cron or ISO 8601 repeat),
 *                            catching what events missed, e.g. suspended accounts, which AWS does not announce
 * @param callsPerSecond      client-side pace per License Manager write operation (AWS allows about 20); 0: unpaced
 * @param batchSize           grant writes per job
 * @param parallelism         grant calls in flight across all jobs of this node
 * @param ouGrants            an entitled OU gets one grant to the OU (needs the organization linked in License
 *                            Manager); false: one grant per account in it
 */
@ConfigurationProperties("mpgov.license")
public record LicenseSettings(
        @DefaultValue("0 0 2 * * ?") String reconciliationCycle,
        @DefaultValue("18") double callsPerSecond,
        @DefaultValue("25") int batchSize,
        @DefaultValue("12") int parallelism,
        @DefaultValue("true") boolean ouGrants) {

    public LicenseSettings {
        if (reconciliationCycle == null || reconciliationCycle.isBlank()) {
            throw new IllegalArgumentException(
                    "mpgov.license.reconciliation-cycle must be a Camunda timer cycle " + "(cron or R/PT…), not blank");
        }
        if (!(callsPerSecond >= 0)) {
            throw new IllegalArgumentException(
                    "mpgov.license.calls-per-second must be 0 (unpaced) or more, not " + callsPerSecond);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("mpgov.license.batch-size must be at least 1, not " + batchSize);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("mpgov.license.parallelism must be at least 1, not " + parallelism);
        }
    }

    /** As bound when nothing is configured. */
    public static LicenseSettings defaults() {
        return new Binder().bindOrCreate("mpgov.license", LicenseSettings.class);
    }

    /** For the model's timer: JUEL reads JavaBean properties, not record components. */
    public String getReconciliationCycle() {
        return reconciliationCycle;
    }
}
