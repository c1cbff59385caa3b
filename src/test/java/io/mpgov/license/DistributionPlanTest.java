package io.mpgov.license;

import static org.assertj.core.api.Assertions.assertThat;

import io.mpgov.license.DistributionPlan.Action;
import io.mpgov.license.LicensePort.Grant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DistributionPlanTest {

    static final String LICENSE = "arn:aws:license-manager::294406891311:license:l-1";

    static Grant grant(String arn, String account, String status) {
        return new Grant(arn, LICENSE, account, status, "2");
    }

    static List<String> plan(DistributionPlan plan) {
        return plan.items().stream()
                .map(i -> i.action() + " " + i.accountId() + " (" + i.reason() + ")")
                .toList();
    }

    @Test
    void grantsTheMissingKeepsTheRightAndRevokesTheRest() {
        DistributionPlan plan = DistributionPlan.of(
                LICENSE,
                "us-east-1",
                Set.of("111", "222", "333"),
                Set.of("111", "222", "333", "444"),
                List.of(grant("g-1", "111", "ACTIVE"), grant("g-4", "444", "ACTIVE")));

        assertThat(plan(plan))
                .containsExactly(
                        "KEEP 111 (entitled and granted)",
                        "GRANT 222 (entitled, had no grant yet)",
                        "GRANT 333 (entitled, had no grant yet)",
                        "REVOKE 444 (no longer entitled)");
    }

    @Test
    void anEntitledAccountThatIsNotActiveLosesItsGrant() {
        DistributionPlan plan = DistributionPlan.of(
                LICENSE, "us-east-1", Set.of("111"), Set.of(), List.of(grant("g-1", "111", "ACTIVE")));

        assertThat(plan(plan)).containsExactly("REVOKE 111 (account not ACTIVE)");
    }

    @Test
    void aGrantWaitingForActivationIsGrantedAgainWithTheSameToken() {
        DistributionPlan first = DistributionPlan.of(LICENSE, "us-east-1", Set.of("111"), Set.of("111"), List.of());
        DistributionPlan retry = DistributionPlan.of(
                LICENSE,
                "us-east-1",
                Set.of("111"),
                Set.of("111"),
                List.of(new Grant("g-1", LICENSE, "111", "PENDING_WORKFLOW", "1")));

        assertThat(retry.items().get(0).action()).isEqualTo(Action.GRANT);
        assertThat(retry.items().get(0).token()).isEqualTo(first.items().get(0).token());
    }

    @Test
    void aGrantWhoseActivationIsUnderWayIsLeftAlone() {
        DistributionPlan plan = DistributionPlan.of(
                LICENSE,
                "us-east-1",
                Set.of("111"),
                Set.of("111"),
                List.of(new Grant("g-1", LICENSE, "111", "PENDING_WORKFLOW", "2")));

        assertThat(plan.writes()).isEmpty();
    }

    @Test
    void aReGrantAfterARevocationIsANewGrant() {
        DistributionPlan before = DistributionPlan.of(LICENSE, "us-east-1", Set.of("111"), Set.of("111"), List.of());
        DistributionPlan after = DistributionPlan.of(
                LICENSE, "us-east-1", Set.of("111"), Set.of("111"), List.of(grant("g-1", "111", "DELETED")));

        assertThat(after.items().get(0).token())
                .isNotEqualTo(before.items().get(0).token());
    }

    @Test
    void aConsistentOrganizationNeedsNoWrites() {
        DistributionPlan plan = DistributionPlan.of(
                LICENSE,
                "us-east-1",
                Set.of("111", "222"),
                Set.of("111", "222"),
                List.of(grant("g-1", "111", "ACTIVE"), grant("g-2", "222", "ACTIVE"), grant("g-0", "222", "DELETED")));

        assertThat(plan.writes()).isEmpty();
    }

    @Test
    void aSecondLiveGrantForOneAccountIsRevoked() {
        DistributionPlan plan = DistributionPlan.of(
                LICENSE,
                "us-east-1",
                Set.of("111"),
                Set.of("111"),
                List.of(grant("g-1", "111", "ACTIVE"), grant("g-2", "111", "ACTIVE")));

        assertThat(plan(plan)).containsExactly("KEEP 111 (entitled and granted)", "REVOKE 111 (second grant)");
    }

    static DistributionPlan one(String status, String version) {
        return DistributionPlan.of(
                LICENSE,
                "us-east-1",
                Set.of("111"),
                Set.of("111"),
                List.of(new Grant("g-1", LICENSE, "111", status, version)));
    }

    @Test
    void everyGrantStatusAwsDocumentsHasItsPlanForAnEntitledAccount() {
        assertThat(plan(one("PENDING_WORKFLOW", "1")))
                .containsExactly("GRANT 111 (" + DistributionPlan.NOT_YET_ACTIVATED + ")");
        assertThat(plan(one("PENDING_WORKFLOW", "2"))).containsExactly("KEEP 111 (activation under way)");
        assertThat(plan(one("PENDING_ACCEPT", "2")))
                .containsExactly("WAIT 111 (" + DistributionPlan.PENDING_ACCEPTANCE + ")");
        assertThat(plan(one("REJECTED", "2")))
                .containsExactly("WAIT 111 (rejected by the grantee (REJECTED): mpgov does not grant again unasked)");
        assertThat(plan(one("ACTIVE", "2"))).containsExactly("KEEP 111 (entitled and granted)");
        assertThat(plan(one("FAILED_WORKFLOW", "1")))
                .containsExactly("GRANT 111 (the last grant failed to distribute (FAILED_WORKFLOW): granting again)");
        assertThat(plan(one("DELETED", "3"))).containsExactly("GRANT 111 (entitled, had no grant yet)");
        assertThat(plan(one("PENDING_DELETE", "3")))
                .containsExactly(
                        "WAIT 111 (the last grant is being deleted (PENDING_DELETE): granted again once it is gone)");
        assertThat(plan(one("DISABLED", "2")))
                .containsExactly("GRANT 111 (" + DistributionPlan.ACCEPTED_NOT_ACTIVE + ")");
        assertThat(plan(one("WORKFLOW_COMPLETED", "2"))).containsExactly("KEEP 111 (entitled and granted)");
    }

    @Test
    void aDisabledGrantIsActivatedAsItIsNeverGrantedAnew() {
        DistributionPlan.Item item = one("DISABLED", "2").items().get(0);

        assertThat(item.grant().arn()).as("the existing grant is activated").isEqualTo("g-1");
        assertThat(item.token()).isEqualTo(GrantTokens.of(LICENSE, "111", 0));
    }

    @Test
    void whatWaitsOnSomeoneElseIsNoWrite() {
        for (String status : List.of("PENDING_ACCEPT", "REJECTED", "PENDING_DELETE")) {
            assertThat(one(status, "2").writes()).as(status).isEmpty();
            assertThat(one(status, "2").notices()).as(status).hasSize(1);
        }
    }

    @Test
    void whatAnItemWithoutAWriteReportsIsDecidedByThePlanNotReadFromItsReason() {
        assertThat(one("PENDING_ACCEPT", "2").items())
                .extracting(DistributionPlan.Item::reported)
                .containsExactly(GrantOutcome.Kind.PENDING_ACCEPTANCE);
        for (String status : List.of("REJECTED", "PENDING_DELETE", "ACTIVE")) {
            assertThat(one(status, "2").items())
                    .as(status)
                    .extracting(DistributionPlan.Item::reported)
                    .containsExactly(GrantOutcome.Kind.UNCHANGED);
        }
        assertThat(DistributionPlan.notShareable(LICENSE, "us-east-1").items())
                .extracting(DistributionPlan.Item::reported)
                .containsExactly(GrantOutcome.Kind.NOT_SHARED);
        assertThat(one("DISABLED", "2").items())
                .as("a write's outcome is read back after it")
                .extracting(DistributionPlan.Item::reported)
                .containsOnlyNulls();
        // A grantee waiting for the current license while its superseded grant is PENDING_ACCEPT is not "pending
        // acceptance".
        assertThat(DistributionPlan.superseded(
                                "arn:old",
                                "us-east-1",
                                List.of(new Grant("g-1", "arn:old", "333", "PENDING_ACCEPT", "1")),
                                LICENSE,
                                List.of())
                        .items())
                .extracting(DistributionPlan.Item::reported)
                .containsExactly(GrantOutcome.Kind.UNCHANGED);
    }

    @Test
    void everyLiveGrantOfAnAccountNoLongerEntitledIsRevokedAndGoneOnesAreLeft() {
        for (String status : List.of("PENDING_WORKFLOW", "PENDING_ACCEPT", "ACTIVE", "DISABLED")) {
            DistributionPlan plan = DistributionPlan.of(
                    LICENSE, "us-east-1", Set.of(), Set.of("111"), List.of(grant("g-1", "111", status)));
            assertThat(plan(plan)).as(status).containsExactly("REVOKE 111 (no longer entitled)");
        }
        for (String status : List.of("REJECTED", "FAILED_WORKFLOW", "DELETED", "PENDING_DELETE")) {
            DistributionPlan plan = DistributionPlan.of(
                    LICENSE, "us-east-1", Set.of(), Set.of("111"), List.of(grant("g-1", "111", status)));
            assertThat(plan.items()).as(status).isEmpty();
        }
    }

    static final String OU = "ou-mp01-technlgy";
    static final String OU_ARN = "arn:aws:organizations::111111111111:ou/o-mpgovdemo01/" + OU;

    @Test
    void anEntitledOuGetsOneGrantToItsArnAndItsAccountsNone() {
        DistributionPlan plan = DistributionPlan.of(
                LICENSE,
                "us-east-1",
                new DistributionPlan.Desired(
                        Set.of("222"), java.util.Map.of(OU, OU_ARN), java.util.Map.of("111", OU, "333", OU)),
                Set.of("111", "222", "333"),
                List.of(),
                Set.of());

        assertThat(plan(plan))
                .containsExactly(
                        "GRANT 222 (entitled, had no grant yet)", "GRANT " + OU + " (entitled, had no grant yet)");
        assertThat(plan.items().get(1).principalArn()).isEqualTo(OU_ARN);
        assertThat(plan.items().get(0).principalArn()).isEqualTo("arn:aws:iam::222:root");
    }

    @Test
    void anAccountGrantMadeRedundantByTheOuGrantIsRevoked() {
        DistributionPlan plan = DistributionPlan.of(
                LICENSE,
                "us-east-1",
                new DistributionPlan.Desired(Set.of("111"), java.util.Map.of(OU, OU_ARN), java.util.Map.of("111", OU)),
                Set.of("111"),
                List.of(grant("g-1", "111", "ACTIVE"), grant("g-ou", OU, "WORKFLOW_COMPLETED")),
                Set.of());

        assertThat(plan(plan))
                .containsExactly(
                        "REVOKE 111 (covered by the grant to " + OU + ")", "KEEP " + OU + " (entitled and granted)");
    }

    @Test
    void aSuspendedAccountInAnEntitledOuCannotBeRevokedAloneAndIsReported() {
        DistributionPlan plan = DistributionPlan.of(
                LICENSE,
                "us-east-1",
                new DistributionPlan.Desired(
                        Set.of(), java.util.Map.of(OU, OU_ARN), java.util.Map.of("111", OU, "444", OU)),
                Set.of("111"),
                List.of(grant("g-ou", OU, "WORKFLOW_COMPLETED")),
                Set.of());

        assertThat(plan.writes()).isEmpty();
        assertThat(plan(plan))
                .contains("KEEP " + OU + " (entitled and granted)")
                .anySatisfy(
                        line -> assertThat(line).startsWith("WAIT 444 (not ACTIVE, but covered by the grant to " + OU));
    }

    @Test
    void anOuNoLongerEntitledLosesItsGrant() {
        DistributionPlan plan = DistributionPlan.of(
                LICENSE,
                "us-east-1",
                DistributionPlan.Desired.accounts(Set.of()),
                Set.of(),
                List.of(grant("g-ou", OU, "WORKFLOW_COMPLETED")),
                Set.of());

        assertThat(plan(plan)).containsExactly("REVOKE " + OU + " (no longer entitled)");
    }

    @Test
    void activatingTheCurrentLicenseForAnAccountHoldingTheOldOneAsksToReplaceIt() {
        DistributionPlan plan = DistributionPlan.of(
                LICENSE,
                "us-east-1",
                DistributionPlan.Desired.accounts(Set.of("111", "222")),
                Set.of("111", "222"),
                List.of(),
                Set.of("111"));

        assertThat(plan.items())
                .extracting(DistributionPlan.Item::replaceActive)
                .containsExactly(true, false);
    }

    @Test
    void aSupersededLicensesGrantIsRevokedOnceItsGranteeHoldsTheCurrentLicense() {
        DistributionPlan plan = DistributionPlan.superseded(
                "arn:old",
                "us-east-1",
                List.of(
                        new Grant("g-1", "arn:old", "111", "ACTIVE", "2"),
                        new Grant("g-2", "arn:old", "222", "DELETED", "3"),
                        new Grant("g-3", "arn:old", "333", "ACTIVE", "2")),
                LICENSE,
                List.of(
                        new Grant("g-4", LICENSE, "111", "ACTIVE", "2"),
                        new Grant("g-5", LICENSE, "333", "PENDING_ACCEPT", "1")));

        assertThat(plan(plan))
                .containsExactly(
                        "REVOKE 111 (superseded by the current license l-1)",
                        "WAIT 333 (kept until the current license l-1 is active)");
        assertThat(plan.writes())
                .as("the grantee waiting for the new grant keeps the old one")
                .hasSize(1);
    }

    @Test
    void anUnshareableLicenseIsReportedAndNothingIsTried() {
        DistributionPlan plan = DistributionPlan.notShareable(LICENSE, "us-east-1");

        assertThat(plan.writes()).isEmpty();
        assertThat(plan.notices())
                .singleElement()
                .satisfies(i -> assertThat(i.reason()).contains("SaaS licenses cannot be shared"));
    }

    @Test
    void theCurrentLicenseIsTheLatestValidNow() {
        java.time.Instant now = java.time.Instant.parse("2026-12-01T00:00:00Z");
        LicensePort.ReceivedLicense old = new LicensePort.ReceivedLicense(
                "arn:l-old",
                "p",
                "P",
                "us-east-1",
                java.time.Instant.parse("2025-12-01T00:00:00Z"),
                java.time.Instant.parse("2026-12-15T00:00:00Z"),
                true);
        LicensePort.ReceivedLicense renewal = new LicensePort.ReceivedLicense(
                "arn:l-new",
                "p",
                "P",
                "us-east-1",
                java.time.Instant.parse("2026-11-20T00:00:00Z"),
                java.time.Instant.parse("2027-12-15T00:00:00Z"),
                true);
        LicensePort.ReceivedLicense future = new LicensePort.ReceivedLicense(
                "arn:l-future", "p", "P", "us-east-1", java.time.Instant.parse("2027-12-15T00:00:00Z"), null, true);
        LicensePort.ReceivedLicense saas = new LicensePort.ReceivedLicense(
                "arn:l-saas", "p", "P", "us-east-1", java.time.Instant.parse("2026-11-30T00:00:00Z"), null, false);

        assertThat(DistributionPlanner.current(List.of(old, renewal, future, saas), now))
                .isEqualTo(renewal);
        assertThat(DistributionPlanner.current(List.of(old), java.time.Instant.parse("2027-01-01T00:00:00Z")))
                .as("none valid: the latest")
                .isEqualTo(old);
        assertThat(DistributionPlanner.current(List.of(saas), now)).isNull();
    }
}
