package io.mpgov.review;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** Named {@code reviewSettings} so that the review models' timers can read it. */
@Component("reviewSettings")
@ConfigurationProperties("mpgov.review")
public class ReviewSettings {

    /** When the catalog review runs (a Camunda timer cycle: cron or ISO 8601 repeat); daily at 03:00 by default. */
    private String catalogCycle = "0 0 3 * * ?";
    /** When the least-privilege review of the buying and catalog roles runs; quarterly by default. */
    private String accessCycle = "0 0 6 1 1,4,7,10 ?";
    /** The groups whose members are attested. */
    private java.util.List<String> accessGroups = java.util.List.of("procurement-manager", "pmp-admin");
    /** The AWS IAM role each group stands for (group → role ARN): removals become actions on these. */
    private java.util.Map<String, String> accessRoleMappings = new java.util.LinkedHashMap<>();
    /** How long security has to attest before the review escalates. */
    private java.time.Duration attestationDue = java.time.Duration.ofDays(10);

    public String attestationDueIso() {
        return attestationDue.toString();
    }

    public String getAccessCycle() {
        return accessCycle;
    }

    public void setAccessCycle(String accessCycle) {
        this.accessCycle = accessCycle;
    }

    public java.util.List<String> getAccessGroups() {
        return accessGroups;
    }

    /** The reviewed groups, comma-separated: access-review forbids their members to attest (nobody reviews their own access). */
    public String accessGroupsCsv() {
        return String.join(",", accessGroups);
    }

    public void setAccessGroups(java.util.List<String> accessGroups) {
        this.accessGroups = accessGroups;
    }

    public java.util.Map<String, String> getAccessRoleMappings() {
        return accessRoleMappings;
    }

    public void setAccessRoleMappings(java.util.Map<String, String> accessRoleMappings) {
        this.accessRoleMappings = accessRoleMappings;
    }

    public java.time.Duration getAttestationDue() {
        return attestationDue;
    }

    public void setAttestationDue(java.time.Duration attestationDue) {
        this.attestationDue = attestationDue;
    }

    public String getCatalogCycle() {
        return catalogCycle;
    }

    public void setCatalogCycle(String catalogCycle) {
        this.catalogCycle = catalogCycle;
    }
}
