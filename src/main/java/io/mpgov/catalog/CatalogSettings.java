package io.mpgov.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which Private Marketplace mpgov governs and how patiently it follows change sets. Named
 * {@code catalogSettings} so that the catalog-change model's timers can read it.
 */
@Component("catalogSettings")
@ConfigurationProperties("mpgov.catalog")
public class CatalogSettings {

    /**
     * The PMP experience id (exp-…): the primary one, which also takes the requests whose accounts no other
     * governed experience reaches.
     */
    private String experienceId;
    /** Further experiences mpgov governs (each with its own audience), beside {@link #experienceId}. */
    private List<String> experienceIds = new ArrayList<>();
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

    public List<String> getExperienceIds() {
        return experienceIds;
    }

    public void setExperienceIds(List<String> experienceIds) {
        this.experienceIds = experienceIds == null ? new ArrayList<>() : experienceIds;
    }

    /** Every experience mpgov governs, the primary first, each once, blanks dropped. */
    public List<String> governedExperienceIds() {
        Set<String> ids = new LinkedHashSet<>();
        if (experienceId != null && !experienceId.isBlank()) {
            ids.add(experienceId.trim());
        }
        experienceIds.stream().filter(id -> id != null && !id.isBlank()).map(String::trim).forEach(ids::add);
        return List.copyOf(ids);
    }

    /** The primary experience: {@link #experienceId}, or the first of {@link #experienceIds} without it. */
    public String primaryExperienceId() {
        List<String> ids = governedExperienceIds();
        return ids.isEmpty() ? experienceId : ids.get(0);
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
