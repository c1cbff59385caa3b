package io.mpgov.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Which Private Marketplace mpgov governs and how patiently it follows change sets. Named
 * {@code catalogSettings} so that the catalog-change model's timers can read it.
 */
@Component("catalogSettings")
@ConfigurationProperties("mpgov.catalog")
public class CatalogSettings {

    /** The PMP experience id (exp-…). */
    private String experienceId;
    private Duration pollInterval = Duration.ofSeconds(30);
    private Duration lockBackoff = Duration.ofSeconds(30);
    /** After this many ResourceInUse answers in a row the call fails for real and becomes an incident. */
    private int maxLockAttempts = 20;

    public String pollIntervalIso() {
        return pollInterval.toString();
    }

    public String lockBackoffIso() {
        return lockBackoff.toString();
    }

    public String getExperienceId() {
        return experienceId;
    }

    public void setExperienceId(String experienceId) {
        this.experienceId = experienceId;
    }

    public Duration getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    public Duration getLockBackoff() {
        return lockBackoff;
    }

    public void setLockBackoff(Duration lockBackoff) {
        this.lockBackoff = lockBackoff;
    }

    public int getMaxLockAttempts() {
        return maxLockAttempts;
    }

    public void setMaxLockAttempts(int maxLockAttempts) {
        this.maxLockAttempts = maxLockAttempts;
    }
}
