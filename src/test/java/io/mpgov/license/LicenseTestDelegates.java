package io.mpgov.license;

import io.mpgov.organization.OrganizationPort;
import org.camunda.bpm.engine.test.mock.Mocks;

/** Registers license-distribution's delegates for process tests of other features, on test doubles of the ports. */
public final class LicenseTestDelegates {

    private LicenseTestDelegates() {}

    public static void register(OrganizationPort organization, LicensePort licenses) {
        DistributionPlanner planner = new DistributionPlanner(organization, licenses, new InMemoryEntitlements());
        Mocks.register("planDistribution", new PlanDistributionDelegate(planner, 2));
        Mocks.register("applyGrantBatch", new ApplyGrantBatchDelegate(new GrantWorkRunner(licenses, 4)));
        Mocks.register("reportDistribution", new ReportDistributionDelegate(licenses));
    }
}
