package io.mpgov.review;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The periodic reviews ({@code mpgov.review.*}). Read as {@code reviewSettings} by the review models' timers
 * and by access-review's attestation task.
 *
 * @param catalogCycle       when the catalog review runs (a Camunda timer cycle: cron or ISO 8601 repeat); daily
 *                           at 03:00 by default
 * @param accessCycle        when the least-privilege review of the buying and catalog roles runs; quarterly by default
 * @param accessGroups       the groups whose members are attested
 * @param accessRoleMappings the AWS IAM role each reviewed group stands for (group → role ARN): removals become
 *                           actions on these
 * @param attestationDue     how long security has to attest before the review escalates
 */
@ConfigurationProperties("mpgov.review")
public record ReviewSettings(
        @DefaultValue("0 0 3 * * ?") String catalogCycle,
        @DefaultValue("0 0 6 1 1,4,7,10 ?") String accessCycle,
        @DefaultValue({"procurement-manager", "pmp-admin"}) List<String> accessGroups,
        Map<String, String> accessRoleMappings,
        @DefaultValue("10d") Duration attestationDue) {

    public ReviewSettings {
        cycle("catalog-cycle", catalogCycle);
        cycle("access-cycle", accessCycle);
        accessGroups = accessGroups == null
                ? List.of()
                : accessGroups.stream().filter(g -> g != null && !g.isBlank()).toList();
        accessRoleMappings = Collections.unmodifiableMap(
                accessRoleMappings == null ? new LinkedHashMap<>() : new LinkedHashMap<>(accessRoleMappings));
        accessRoleMappings.forEach((group, role) -> {
            if (role == null || !role.startsWith("arn:")) {
                throw new IllegalArgumentException("mpgov.review.access-role-mappings." + group
                        + " must be an IAM role ARN (arn:aws:iam::…:role/…), not '" + role + "'");
            }
        });
        if (attestationDue == null || attestationDue.isNegative() || attestationDue.isZero()) {
            throw new IllegalArgumentException("mpgov.review.attestation-due must be positive, not " + attestationDue);
        }
    }

    private static void cycle(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    "mpgov.review." + name + " must be a Camunda timer cycle (cron or R/PT…), not blank");
        }
    }

    /** As bound when nothing is configured. */
    public static ReviewSettings defaults() {
        return new Binder().bindOrCreate("mpgov.review", ReviewSettings.class);
    }

    public ReviewSettings withAccessGroups(List<String> accessGroups) {
        return new ReviewSettings(catalogCycle, accessCycle, accessGroups, accessRoleMappings, attestationDue);
    }

    public ReviewSettings withAccessRoleMappings(Map<String, String> accessRoleMappings) {
        return new ReviewSettings(catalogCycle, accessCycle, accessGroups, accessRoleMappings, attestationDue);
    }

    public String attestationDueIso() {
        return attestationDue.toString();
    }

    /** The reviewed groups, comma-separated: access-review forbids their members to attest (nobody reviews their own access). */
    public String accessGroupsCsv() {
        return String.join(",", accessGroups);
    }

    /** For the catalog-review model's timer: JUEL reads JavaBean properties, not record components. */
    public String getCatalogCycle() {
        return catalogCycle;
    }

    /** For the access-review model's timer: JUEL reads JavaBean properties, not record components. */
    public String getAccessCycle() {
        return accessCycle;
    }
}
