package io.mpgov.catalog;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which Private Marketplace mpgov governs and how patiently it follows change sets ({@code mpgov.catalog.*}).
 * Read as {@code catalogSettings} by the catalog-change model's timers.
 *
 * @param experienceId    the PMP experience id (exp-…): the primary one, which also takes the requests whose
 *                        accounts no other governed experience reaches
 * @param experienceIds   further experiences mpgov governs (each with its own audience), beside experienceId
 * @param pollInterval    how often a change set is described
 * @param lockBackoff     how long to wait before trying a Private Marketplace that another change set holds again
 * @param maxLockAttempts after this many ResourceInUse answers in a row the call fails for real and becomes an incident
 */
@ConfigurationProperties("mpgov.catalog")
public record CatalogSettings(
        String experienceId,
        List<String> experienceIds,
        @DefaultValue("30s") Duration pollInterval,
        @DefaultValue("30s") Duration lockBackoff,
        @DefaultValue("20") int maxLockAttempts) {

    public CatalogSettings {
        experienceIds = experienceIds == null
                ? List.of()
                : experienceIds.stream().filter(Objects::nonNull).toList();
        positive("poll-interval", pollInterval);
        positive("lock-backoff", lockBackoff);
        if (maxLockAttempts < 1) {
            throw new IllegalArgumentException(
                    "mpgov.catalog.max-lock-attempts must be at least 1, not " + maxLockAttempts);
        }
        for (String id : governed(experienceId, experienceIds)) {
            if (!id.startsWith("exp-")) {
                throw new IllegalArgumentException(
                        "mpgov.catalog.experience-id(s): '" + id
                                + "' is not a Private Marketplace experience id (exp-…; MPGOV_PMP_EXPERIENCE_ID(S) on the aws profile)");
            }
        }
    }

    private static void positive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("mpgov.catalog." + name + " must be positive, not " + value);
        }
    }

    /** As bound when nothing is configured: no experience yet. */
    public static CatalogSettings defaults() {
        return new Binder().bindOrCreate("mpgov.catalog", CatalogSettings.class);
    }

    public CatalogSettings withExperienceId(String experienceId) {
        return new CatalogSettings(experienceId, experienceIds, pollInterval, lockBackoff, maxLockAttempts);
    }

    public CatalogSettings withExperienceIds(List<String> experienceIds) {
        return new CatalogSettings(experienceId, experienceIds, pollInterval, lockBackoff, maxLockAttempts);
    }

    public String pollIntervalIso() {
        return pollInterval.toString();
    }

    public String lockBackoffIso() {
        return lockBackoff.toString();
    }

    /** Every experience mpgov governs, the primary first, each once, blanks dropped. */
    public List<String> governedExperienceIds() {
        return governed(experienceId, experienceIds);
    }

    private static List<String> governed(String experienceId, List<String> experienceIds) {
        Set<String> ids = new LinkedHashSet<>();
        if (experienceId != null && !experienceId.isBlank()) {
            ids.add(experienceId.trim());
        }
        experienceIds.stream()
                .filter(id -> id != null && !id.isBlank())
                .map(String::trim)
                .forEach(ids::add);
        return List.copyOf(ids);
    }

    /** The primary experience: {@link #experienceId}, or the first of {@link #experienceIds} without it. */
    public String primaryExperienceId() {
        List<String> ids = governedExperienceIds();
        return ids.isEmpty() ? experienceId : ids.get(0);
    }
}
