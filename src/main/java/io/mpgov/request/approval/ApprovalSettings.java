package io.mpgov.request.approval;

import java.time.Duration;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who gives each kind of approval, who is escalated to, how long an approval may stay open (ISO
 * durations whose whole days are business days), and which
 * request fields each approval rests on (an earlier approval stands after a revision while those are
 * unchanged) — {@code mpgov.approvals.*}. Read as {@code approvalSettings} by the models' expressions; all of
 * it is configuration.
 *
 * @param groups           approval kind (the approval-matrix output) → candidate group of its task; a configured
 *                         kind replaces that kind's default, the other kinds keep theirs
 * @param leadGroups       approval kind → group that gets the escalation task
 * @param inputs           approval kind → the request fields it rests on; a configured kind replaces that kind's
 *                         default, the other kinds keep theirs
 * @param reminderAfter    when an open approval is reminded of
 * @param escalateAfter    when an open approval is escalated
 * @param defaultLeadGroup who gets the escalation of a kind without a lead group
 */
@ConfigurationProperties("mpgov.approvals")
public record ApprovalSettings(
        Map<String, String> groups,
        Map<String, String> leadGroups,
        Map<String, List<String>> inputs,
        @DefaultValue("P2D") Duration reminderAfter,
        @DefaultValue("P5D") Duration escalateAfter,
        @DefaultValue("camunda-admin") String defaultLeadGroup) {

    /** The defaults of {@link #groups}, in the order approvals appear in. */
    private static final Map<String, String> DEFAULT_GROUPS = inOrder(
            "procurement", "procurement-manager", "finance", "finance", "legal", "legal", "security", "security");

    private static final Map<String, List<String>> DEFAULT_INPUTS = inOrder(
            "procurement",
                    List.of(
                            "offerId",
                            "sellerName",
                            "estimatedAnnualCost",
                            "contractMonths",
                            "customEula",
                            "newVendor"),
            "finance", List.of("estimatedAnnualCost", "contractMonths"),
            "legal", List.of("sellerName", "offerId", "newVendor", "customEula", "contractMonths"),
            "security", List.of("productId", "dataClassification", "targetAccountIds", "targetOuId", "targetTag"));

    public ApprovalSettings {
        groups = over(DEFAULT_GROUPS, groups);
        leadGroups = over(Map.of(), leadGroups);
        inputs = over(DEFAULT_INPUTS, inputs);
        groups.forEach((kind, group) -> named("groups." + kind, group));
        leadGroups.forEach((kind, group) -> named("lead-groups." + kind, group));
        named("default-lead-group", defaultLeadGroup);
        positive("reminder-after", reminderAfter);
        positive("escalate-after", escalateAfter);
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> inOrder(Object... keysAndValues) {
        Map<String, V> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (V) keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    /** The defaults with the configured kinds put over them. */
    private static <V> Map<String, V> over(Map<String, V> defaults, Map<String, V> configured) {
        Map<String, V> map = new LinkedHashMap<>(defaults);
        if (configured != null) {
            map.putAll(configured);
        }
        return Collections.unmodifiableMap(map);
    }

    private static void named(String name, String group) {
        if (group == null || group.isBlank()) {
            throw new IllegalArgumentException("mpgov.approvals." + name + " must name a group, not be blank");
        }
    }

    private static void positive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("mpgov.approvals." + name + " must be positive, not " + value);
        }
    }

    /** As bound when nothing is configured. */
    public static ApprovalSettings defaults() {
        return new Binder().bindOrCreate("mpgov.approvals", ApprovalSettings.class);
    }

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
        return kinds.stream()
                .distinct()
                .sorted((a, b) -> Integer.compare(rank(order, a), rank(order, b)))
                .toList();
    }

    private static int rank(List<String> order, String kind) {
        int i = order.indexOf(kind);
        return i < 0 ? Integer.MAX_VALUE : i;
    }
}
