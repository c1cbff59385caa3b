package io.mpgov.license;

import static org.assertj.core.api.Assertions.assertThat;

import io.mpgov.license.DistributionPlan.Action;
import io.mpgov.license.GrantOutcome.Kind;
import io.mpgov.license.LicensePort.Grant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a distribution reports, decided by the kind of each outcome, never by the words of a reason. */
class DistributionReportTest {

    static final String LICENSE = "arn:aws:license-manager::294406891311:license:l-1";

    static GrantWork grant(String account, String existingGrant, String reason) {
        return new GrantWork(
                Action.GRANT,
                LICENSE,
                "us-east-1",
                account,
                "t-" + account,
                existingGrant,
                existingGrant == null ? null : "1",
                existingGrant == null ? null : "DISABLED",
                null,
                false,
                reason);
    }

    static GrantWork revoke(String account, String grantArn) {
        return new GrantWork(
                Action.REVOKE,
                LICENSE,
                "us-east-1",
                account,
                null,
                grantArn,
                "2",
                "ACTIVE",
                null,
                false,
                "no longer entitled");
    }

    static Grant held(String arn, String account, String status) {
        return new Grant(arn, LICENSE, account, status, "2");
    }

    @Test
    void eachWriteIsJudgedByWhatLicenseManagerShowsAfterIt() {
        List<Grant> after = List.of(
                held("g-1", "111", "ACTIVE"),
                held("g-2", "222", "ACTIVE"),
                held("g-3", "333", "PENDING_ACCEPT"),
                held("g-5", "555", "ACTIVE"),
                held("g-4", "444", "DELETED"));

        DistributionReport report = DistributionReport.of(
                List.of(
                        grant("111", null, "entitled, had no grant yet"),
                        grant("222", "g-2", DistributionPlan.ACCEPTED_NOT_ACTIVE),
                        grant("333", null, "entitled, had no grant yet"),
                        revoke("444", "g-4"),
                        revoke("555", "g-5"),
                        grant("666", null, "entitled, had no grant yet")),
                List.of(),
                arn -> after);

        assertThat(report.writes())
                .extracting(GrantOutcome::accountId, GrantOutcome::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("111", Kind.CREATED),
                                org.assertj.core.groups.Tuple.tuple("222", Kind.ACTIVATED),
                        org.assertj.core.groups.Tuple.tuple("333", Kind.PENDING_ACCEPTANCE),
                                org.assertj.core.groups.Tuple.tuple("444", Kind.REVOKED),
                        org.assertj.core.groups.Tuple.tuple("555", Kind.FAILED),
                                org.assertj.core.groups.Tuple.tuple("666", Kind.FAILED));
        assertThat(report.writes().get(0).grantArn())
                .as("the grant as License Manager shows it")
                .isEqualTo("g-1");
        assertThat(List.of(
                        report.count(Kind.CREATED),
                        report.count(Kind.ACTIVATED),
                        report.count(Kind.REVOKED),
                        report.count(Kind.FAILED),
                        report.count(Kind.PENDING_ACCEPTANCE)))
                .containsExactly(1, 1, 1, 2, 1);
    }

    @Test
    void eachLicensesGrantsAreReadOnce() {
        List<String> reads = new java.util.ArrayList<>();

        DistributionReport.of(
                List.of(grant("111", null, "r"), grant("222", null, "r"), revoke("333", "g-3")), List.of(), arn -> {
                    reads.add(arn);
                    return List.of();
                });

        assertThat(reads).containsExactly(LICENSE);
    }

    @Test
    void theOrderOfTheLinesAndTheCountsFollowTheKindsWhateverTheReasonsSay() {
        // Reasons that say "failed" and "pending acceptance" of outcomes that are neither.
        GrantWork regranted =
                grant("111", null, "the last grant failed to distribute (FAILED_WORKFLOW): granting again");
        GrantOutcome waiting =
                new GrantOutcome(Kind.UNCHANGED, "222", LICENSE, "g-2", "pending acceptance of a grant, says someone");
        GrantOutcome accepting =
                new GrantOutcome(Kind.PENDING_ACCEPTANCE, "333", LICENSE, "g-3", "the grantee must accept the grant");
        GrantOutcome unshared = new GrantOutcome(Kind.NOT_SHARED, "-", LICENSE, null, "not shareable");

        DistributionReport report = DistributionReport.of(
                List.of(regranted, grant("444", null, "entitled, had no grant yet")),
                List.of(waiting, accepting, unshared),
                arn -> List.of(held("g-1", "111", "ACTIVE")));

        assertThat(report.lines())
                .containsExactly(
                        "account 444, license l-1: failed (entitled, had no grant yet)",
                        "account 333, license l-1: pending acceptance (the grantee must accept the grant)",
                        "license l-1: not shared (not shareable)",
                        "account 111, license l-1: created (the last grant failed to distribute (FAILED_WORKFLOW): granting again)",
                        "account 222, license l-1: unchanged (pending acceptance of a grant, says someone)");
        assertThat(report.count(Kind.FAILED)).isEqualTo(1);
        assertThat(report.count(Kind.PENDING_ACCEPTANCE)).isEqualTo(1);
        assertThat(report.count(Kind.NOT_SHARED)).isEqualTo(1);
    }

    @Test
    void theEvidenceOfADistributionThatEndedBeforeTheRecordsIsReadFromItsMaps() {
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("accountId", "111");
        created.put("licenseArn", LICENSE);
        created.put("outcome", "created");
        created.put("grantArn", "g-1");
        Map<String, Object> pending = new LinkedHashMap<>(created);
        pending.put("accountId", "222");
        pending.put("outcome", "pending acceptance");

        DistributionReport report =
                LicenseDistributionProcess.report(new java.util.ArrayList<>(List.of(created, pending)));

        assertThat(report.writes())
                .containsExactly(
                        new GrantOutcome(Kind.CREATED, "111", LICENSE, "g-1", null),
                        new GrantOutcome(Kind.PENDING_ACCEPTANCE, "222", LICENSE, "g-1", null));
        assertThat(report.notices()).isEmpty();
        assertThat(LicenseDistributionProcess.report(null).writes()).isEmpty();
    }

    @Test
    void grantWorkIsAGrantOrARevocation() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new GrantWork(
                        Action.WAIT, LICENSE, "us-east-1", "111", null, null, null, null, null, false, "waits"));
    }

    @Test
    void theSummarySaysWhoGotTheLicenseAndWhenNobodyDidWhy() {
        DistributionReport granted = DistributionReport.of(
                List.of(grant("111", null, "entitled"), grant("ou-ab12-cdefghij", null, "entitled")),
                List.of(),
                arn -> List.of(held("g-1", "111", "ACTIVE"), held("g-2", "ou-ab12-cdefghij", "ACTIVE")));
        assertThat(granted.summary(3)).isEqualTo("granted to 1 account and 1 OU; 3 already held it.");

        DistributionReport nothing = new DistributionReport(List.of(), List.of());
        assertThat(nothing.summary(2))
                .isEqualTo("nothing to grant: every entitled account or OU already held the license (2).");
        assertThat(nothing.summary(0)).startsWith("nothing granted: License Manager has no license of this product");

        DistributionReport failed =
                DistributionReport.of(List.of(grant("111", null, "entitled")), List.of(), arn -> List.of());
        assertThat(failed.summary(0))
                .isEqualTo(
                        "not granted; 1 grant(s) failed (listed below); mpgov tries again at the next reconciliation.");

        DistributionReport waiting = DistributionReport.of(
                List.of(grant("111", null, "entitled")),
                List.of(),
                arn -> List.of(held("g-1", "111", "PENDING_ACCEPT")));
        assertThat(waiting.summary(0))
                .isEqualTo("not granted yet; waiting for 1 account to accept the grant in License Manager.");
    }
}
