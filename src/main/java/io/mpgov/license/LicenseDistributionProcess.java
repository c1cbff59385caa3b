package io.mpgov.license;

import io.mpgov.notification.ShortReport;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;

/**
 * The contract of the {@code license-distribution} process: key and variables, and how its typed variables are
 * written and read. The plan's work, its notices and the report are mpgov's records ({@link GrantBatch},
 * {@link GrantOutcome}, {@link DistributionReport}), stored as JSON object variables and read back as those records
 * ({@link GrantVariableTypes} puts them on the engine's deserialization allow-list). Variables written as plain
 * lists and maps before, by instances still running then, are read as the records too ({@link LegacyGrantVariables}).
 */
public final class LicenseDistributionProcess {

    public static final String KEY = "license-distribution";

    /** In: the Marketplace product whose licenses are distributed. */
    public static final String PRODUCT_ID = "productId";
    /** In, instead of a product: reconcile just this license (License Change) or this account (account events). */
    public static final String LICENSE_ARN = "licenseArn";

    public static final String ACCOUNT_ID = "accountId";
    /** In, with a product: who the request entitles — account ids (comma-separated), an OU and/or an account tag {@code key=value}. */
    public static final String TARGET_ACCOUNT_IDS = "targetAccountIds";

    public static final String TARGET_OU_ID = "targetOuId";
    public static final String TARGET_TAG = "targetTag";
    /** The writes the plan calls for, in batches: the multi-instance collection (JSON list of {@link GrantBatch}). */
    public static final String GRANT_BATCHES = "grantBatches";
    /** One multi-instance element's batch ({@link GrantBatch}). */
    static final String BATCH = "batch";
    /** Out: counts, and one line per account and license. */
    public static final String GRANTED = "grantsCreated";

    public static final String ACTIVATED = "grantsActivated";
    public static final String REVOKED = "grantsRevoked";
    public static final String UNCHANGED = "grantsUnchanged";
    public static final String FAILED = "grantsFailed";
    /** Out: grants that wait for their grantee to accept them (PENDING_ACCEPT): not granted yet. */
    public static final String PENDING_ACCEPTANCE = "grantsPendingAcceptance";
    /** Out: licenses of the product that License Manager does not let mpgov grant (e.g. SaaS), named in the report. */
    public static final String NOT_SHAREABLE = "licensesNotShareable";
    /** What the plan reports without a write (waiting grants, unshareable licenses): JSON list of {@link GrantOutcome}. */
    public static final String NOTICES = "distributionNotices";
    /** Out: the report as text, as many of its lines as fit in a String variable (and a mail). */
    public static final String REPORT = "distributionReport";
    /** Out: what the distribution came to in one sentence, and why nobody was granted when nobody was. */
    public static final String SUMMARY = "distributionSummary";
    /** Out: every line of the report (JSON list of strings); {@link #REPORT} holds as many as fit in a String variable. */
    public static final String REPORT_LINES = "distributionLines";
    /**
     * Out: the report itself ({@link DistributionReport}): per write and per notice its {@link GrantOutcome} — the
     * writes are the audit evidence of what changed in AWS.
     */
    public static final String OUTCOMES = "distributionOutcomes";

    private LicenseDistributionProcess() {}

    /** What {@code Task_PlanDistribution} writes. */
    static void writePlan(VariableScope scope, List<GrantBatch> batches, List<GrantOutcome> notices, long unchanged) {
        scope.setVariable(GRANT_BATCHES, json(new ArrayList<>(batches)));
        scope.setVariable(NOTICES, json(new ArrayList<>(notices)));
        scope.setVariable(UNCHANGED, unchanged);
    }

    /** The batch of this multi-instance element. */
    static GrantBatch batch(VariableScope scope) {
        return LegacyGrantVariables.batch(scope.getVariable(BATCH));
    }

    /** Every write of the plan, in its order. */
    static List<GrantWork> work(VariableScope scope) {
        return LegacyGrantVariables.batches(scope.getVariable(GRANT_BATCHES)).stream()
                .flatMap(b -> b.items().stream())
                .toList();
    }

    static List<GrantOutcome> notices(VariableScope scope) {
        return LegacyGrantVariables.notices(scope.getVariable(NOTICES));
    }

    /** What {@code Task_ReportDistribution} writes: the report, its counts and its lines. */
    static void writeReport(VariableScope scope, DistributionReport report) {
        List<String> lines = report.lines();
        scope.setVariable(GRANTED, report.count(GrantOutcome.Kind.CREATED));
        scope.setVariable(ACTIVATED, report.count(GrantOutcome.Kind.ACTIVATED));
        scope.setVariable(REVOKED, report.count(GrantOutcome.Kind.REVOKED));
        scope.setVariable(FAILED, report.count(GrantOutcome.Kind.FAILED));
        scope.setVariable(PENDING_ACCEPTANCE, report.count(GrantOutcome.Kind.PENDING_ACCEPTANCE));
        scope.setVariable(NOT_SHAREABLE, report.count(GrantOutcome.Kind.NOT_SHARED));
        scope.setVariable(REPORT_LINES, json(new ArrayList<>(lines)));
        scope.setVariable(OUTCOMES, json(report));
        scope.setVariable(REPORT, ShortReport.of(lines, REPORT_LINES));
        Object unchanged = scope.getVariable(UNCHANGED);
        scope.setVariable(SUMMARY, report.summary(unchanged == null ? 0 : ((Number) unchanged).longValue()));
    }

    /**
     * The report from the value of {@link #OUTCOMES} (e.g. a historic variable's): a {@link DistributionReport}, or, for
     * distributions that ended before it was one, the list of per-write maps they kept. Null: an empty report.
     */
    public static DistributionReport report(Object outcomes) {
        return LegacyGrantVariables.report(outcomes);
    }

    private static ObjectValue json(Object value) {
        return Variables.objectValue(value)
                .serializationDataFormat(Variables.SerializationDataFormats.JSON)
                .create();
    }
}
