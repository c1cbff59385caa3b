package io.mpgov.request.approval;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

import org.camunda.bpm.engine.impl.util.ClockUtil;

import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Who gives each kind of approval, who is escalated to, how long an approval may stay open (ISO
 * durations whose whole days are business days), and which
 * request fields each approval rests on (an earlier approval stands after a revision while those are
 * unchanged). Named {@code approvalSettings} for the models' expressions; all of it is configuration.
 */
@Component("approvalSettings")
@ConfigurationProperties("mpgov.approvals")
public class ApprovalSettings {

    /** Approval kind (the approval-matrix output) → candidate group of its task. */
    private Map<String, String> groups = new LinkedHashMap<>(Map.of(
            "procurement", "procurement-manager", "finance", "finance", "legal", "legal", "security", "security"));
    /** Approval kind → group that gets the escalation task. */
    private Map<String, String> leadGroups = new LinkedHashMap<>();
    /** Approval kind → the request fields it rests on. */
    private Map<String, List<String>> inputs = new LinkedHashMap<>(Map.of(
            "procurement", List.of("offerId", "sellerName", "estimatedAnnualCost", "contractMonths", "customEula", "newVendor"),
            "finance", List.of("estimatedAnnualCost", "contractMonths"),
            "legal", List.of("sellerName", "offerId", "newVendor", "customEula", "contractMonths"),
            "security", List.of("productId", "dataClassification", "targetAccountIds", "targetOuId", "targetTag")));
    private Duration reminderAfter = Duration.ofDays(2);
    private Duration escalateAfter = Duration.ofDays(5);
    private String defaultLeadGroup = "camunda-admin";

    public String groupOf(String kind) {
        String group = groups.get(kind);
        if (group == null) {
            throw new IllegalStateException("No group approves '" + kind + "': set mpgov.approvals.groups." + kind);
        }
        return group;
    }

    public String leadGroupOf(String kind) {
        return leadGroups.getOrDefault(kind, defaultLeadGroup);
    }

    /** When an approval opened now is due for a reminder: its whole days are business days. */
    public Date reminderDue() {
        return BusinessDays.after(ClockUtil.getCurrentTime(), reminderAfter);
    }

    /** When an approval opened now is escalated: its whole days are business days. */
    public Date escalationDue() {
        return BusinessDays.after(ClockUtil.getCurrentTime(), escalateAfter);
    }

    /** A digest of the fields this approval rests on, as they are now. */
    public String fingerprint(String kind, Map<String, Object> variables) {
        return inputs.getOrDefault(kind, List.of()).stream()
                .map(field -> field + "=" + Objects.toString(variables.get(field), ""))
                .collect(Collectors.joining("|"));
    }

    /** The kinds in the order of {@link #groups}: the order approvals appear in. */
    public List<String> ordered(List<String> kinds) {
        List<String> order = List.copyOf(groups.keySet());
        return kinds.stream().distinct()
                .sorted((a, b) -> Integer.compare(rank(order, a), rank(order, b))).toList();
    }

    private static int rank(List<String> order, String kind) {
        int i = order.indexOf(kind);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    public Map<String, String> getGroups() {
        return groups;
    }

    public void setGroups(Map<String, String> groups) {
        this.groups = groups;
    }

    public Map<String, String> getLeadGroups() {
        return leadGroups;
    }

    public void setLeadGroups(Map<String, String> leadGroups) {
        this.leadGroups = leadGroups;
    }

    public Map<String, List<String>> getInputs() {
        return inputs;
    }

    public void setInputs(Map<String, List<String>> inputs) {
        this.inputs = inputs;
    }

    public Duration getReminderAfter() {
        return reminderAfter;
    }

    public void setReminderAfter(Duration reminderAfter) {
        this.reminderAfter = reminderAfter;
    }

    public Duration getEscalateAfter() {
        return escalateAfter;
    }

    public void setEscalateAfter(Duration escalateAfter) {
        this.escalateAfter = escalateAfter;
    }

    public String getDefaultLeadGroup() {
        return defaultLeadGroup;
    }

    public void setDefaultLeadGroup(String defaultLeadGroup) {
        this.defaultLeadGroup = defaultLeadGroup;
    }
}
