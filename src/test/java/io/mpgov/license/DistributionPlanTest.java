package io.mpgov.license;

import io.mpgov.license.DistributionPlan.Action;
import io.mpgov.license.LicensePort.Grant;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DistributionPlanTest {

    static final String LICENSE = "arn:aws:license-manager::294406891311:license:l-1";

    static Grant grant(String arn, String account, String status) {
        return new Grant(arn, LICENSE, account, status, "2");
    }

    static List<String> plan(DistributionPlan plan) {
        return plan.items().stream().map(i -> i.action() + " " + i.accountId() + " (" + i.reason() + ")").toList();
    }

    @Test
    void grantsTheMissingKeepsTheRightAndRevokesTheRest() {
        DistributionPlan plan = DistributionPlan.of(LICENSE, "us-east-1", Set.of("111", "222", "333"), Set.of("111", "222", "333", "444"),
                List.of(grant("g-1", "111", "ACTIVE"), grant("g-4", "444", "ACTIVE")));

        assertThat(plan(plan)).containsExactly("KEEP 111 (entitled and granted)", "GRANT 222 (entitled, no live grant)",
                "GRANT 333 (entitled, no live grant)", "REVOKE 444 (no longer entitled)");
    }

    @Test
    void anEntitledAccountThatIsNotActiveLosesItsGrant() {
        DistributionPlan plan = DistributionPlan.of(LICENSE, "us-east-1", Set.of("111"), Set.of(), List.of(grant("g-1", "111", "ACTIVE")));

        assertThat(plan(plan)).containsExactly("REVOKE 111 (account not ACTIVE)");
    }

    @Test
    void aGrantWaitingForActivationIsGrantedAgainWithTheSameToken() {
        DistributionPlan first = DistributionPlan.of(LICENSE, "us-east-1", Set.of("111"), Set.of("111"), List.of());
        DistributionPlan retry = DistributionPlan.of(LICENSE, "us-east-1", Set.of("111"), Set.of("111"),
                List.of(new Grant("g-1", LICENSE, "111", "PENDING_WORKFLOW", "1")));

        assertThat(retry.items().get(0).action()).isEqualTo(Action.GRANT);
        assertThat(retry.items().get(0).token()).isEqualTo(first.items().get(0).token());
    }

    @Test
    void aGrantWhoseActivationIsUnderWayIsLeftAlone() {
        DistributionPlan plan = DistributionPlan.of(LICENSE, "us-east-1", Set.of("111"), Set.of("111"),
                List.of(new Grant("g-1", LICENSE, "111", "PENDING_WORKFLOW", "2")));

        assertThat(plan.writes()).isEmpty();
    }

    @Test
    void aReGrantAfterARevocationIsANewGrant() {
        DistributionPlan before = DistributionPlan.of(LICENSE, "us-east-1", Set.of("111"), Set.of("111"), List.of());
        DistributionPlan after = DistributionPlan.of(LICENSE, "us-east-1", Set.of("111"), Set.of("111"), List.of(grant("g-1", "111", "DELETED")));

        assertThat(after.items().get(0).token()).isNotEqualTo(before.items().get(0).token());
    }

    @Test
    void aConsistentOrganizationNeedsNoWrites() {
        DistributionPlan plan = DistributionPlan.of(LICENSE, "us-east-1", Set.of("111", "222"), Set.of("111", "222"),
                List.of(grant("g-1", "111", "ACTIVE"), grant("g-2", "222", "ACTIVE"), grant("g-0", "222", "DELETED")));

        assertThat(plan.writes()).isEmpty();
    }

    @Test
    void aSecondLiveGrantForOneAccountIsRevoked() {
        DistributionPlan plan = DistributionPlan.of(LICENSE, "us-east-1", Set.of("111"), Set.of("111"),
                List.of(grant("g-1", "111", "ACTIVE"), grant("g-2", "111", "ACTIVE")));

        assertThat(plan(plan)).containsExactly("KEEP 111 (entitled and granted)", "REVOKE 111 (second grant)");
    }
}
