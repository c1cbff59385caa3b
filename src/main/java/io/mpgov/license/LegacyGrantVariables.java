package io.mpgov.license;

import io.mpgov.license.GrantOutcome.Kind;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads the variables of {@code license-distribution} in either shape: the records they are now, or the plain lists
 * and maps ({@code ArrayList}, {@code LinkedHashMap} with string keys) that instances started before wrote — an
 * instance may wait in any of its jobs (a batch's incident, a retry) across the update, and history keeps the old
 * {@link LicenseDistributionProcess#OUTCOMES} for the audit as long as the retention runs. The maps are turned into
 * the records here and nowhere else.
 */
final class LegacyGrantVariables {

    /** How the plan worded a grant waiting for its grantee before notices said so by {@link Kind}; only old maps need it. */
    private static final String OLD_PENDING_ACCEPTANCE = "pending acceptance";

    private LegacyGrantVariables() {}

    /** {@link LicenseDistributionProcess#BATCH}: a {@link GrantBatch}, or the list of work maps of an older plan. */
    static GrantBatch batch(Object value) {
        if (value instanceof GrantBatch batch) {
            return batch;
        }
        if (value instanceof List<?> items) {
            return new GrantBatch(items.stream().map(LegacyGrantVariables::work).toList());
        }
        throw new IllegalStateException("Not a batch of grant work: " + describe(value));
    }

    /** {@link LicenseDistributionProcess#GRANT_BATCHES}: a list of {@link GrantBatch}, or of lists of work maps. */
    static List<GrantBatch> batches(Object value) {
        return list(value).stream().map(LegacyGrantVariables::batch).toList();
    }

    /** {@link LicenseDistributionProcess#NOTICES}: a list of {@link GrantOutcome}, or of notice maps. */
    static List<GrantOutcome> notices(Object value) {
        return list(value).stream()
                .map(n -> n instanceof GrantOutcome outcome ? outcome : notice(map(n)))
                .toList();
    }

    /** {@link LicenseDistributionProcess#OUTCOMES}: a {@link DistributionReport}, or the list of per-write evidence maps. */
    static DistributionReport report(Object value) {
        if (value instanceof DistributionReport report) {
            return report;
        }
        return new DistributionReport(
                list(value).stream()
                        .map(o -> o instanceof GrantOutcome outcome ? outcome : outcome(map(o)))
                        .toList(),
                List.of());
    }

    private static GrantWork work(Object item) {
        if (item instanceof GrantWork work) {
            return work;
        }
        Map<?, ?> m = map(item);
        return new GrantWork(
                DistributionPlan.Action.valueOf(text(m, "action")),
                text(m, "licenseArn"),
                text(m, "homeRegion"),
                text(m, "accountId"),
                text(m, "token"),
                text(m, "grantArn"),
                text(m, "version"),
                text(m, "grantStatus"),
                text(m, "principalArn"),
                Boolean.TRUE.equals(m.get("replaceActive")),
                text(m, "reason"));
    }

    /** {action: WAIT | NOT_SHAREABLE, licenseArn, accountId, grantArn, reason}: the kind as the report derived it then. */
    private static GrantOutcome notice(Map<?, ?> m) {
        String reason = text(m, "reason");
        Kind kind = "NOT_SHAREABLE".equals(m.get("action"))
                ? Kind.NOT_SHARED
                : reason != null && reason.startsWith(OLD_PENDING_ACCEPTANCE)
                        ? Kind.PENDING_ACCEPTANCE
                        : Kind.UNCHANGED;
        return new GrantOutcome(kind, text(m, "accountId"), text(m, "licenseArn"), text(m, "grantArn"), reason);
    }

    /** {accountId, licenseArn, outcome: "created" | "activated" | …, grantArn}: a write's evidence, without its reason. */
    private static GrantOutcome outcome(Map<?, ?> m) {
        String label = text(m, "outcome");
        Kind kind = Arrays.stream(Kind.values())
                .filter(k -> k.label().equals(label))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Unknown grant outcome '" + label + "'"));
        return new GrantOutcome(kind, text(m, "accountId"), text(m, "licenseArn"), text(m, "grantArn"), null);
    }

    private static List<?> list(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list;
        }
        throw new IllegalStateException("Not a list: " + describe(value));
    }

    private static Map<?, ?> map(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new IllegalStateException(
                "Neither a record of license-distribution nor a map of before: " + describe(value));
    }

    private static String text(Map<?, ?> m, String key) {
        Object value = m.get(key);
        return value == null ? null : value.toString();
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getName();
    }
}
