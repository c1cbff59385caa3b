package io.mpgov.license;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** Named {@code licenseSettings} so that the license-reconciliation model's timer can read it. */
@Component("licenseSettings")
@ConfigurationProperties("mpgov.license")
public class LicenseSettings {

    /**
     * When the full reconciliation runs (a Camunda timer cycle: cron or ISO 8601 repeat), catching
     * what events missed, e.g. suspended accounts, which AWS does not announce.
     */
    private String reconciliationCycle = "0 0 2 * * ?";

    public String getReconciliationCycle() {
        return reconciliationCycle;
    }

    public void setReconciliationCycle(String reconciliationCycle) {
        this.reconciliationCycle = reconciliationCycle;
    }
}
