package io.mpgov.license;

import static io.mpgov.license.LicenseDistributionProcess.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Task_PlanDistribution: what to grant, keep and revoke, for a request's product or for what an event or the timer names. */
@Component("planDistribution")
class PlanDistributionDelegate implements JavaDelegate {

    private final DistributionPlanner planner;
    private final int batchSize;

    @Autowired
    PlanDistributionDelegate(DistributionPlanner planner, LicenseSettings settings) {
        this(planner, settings.batchSize());
    }

    PlanDistributionDelegate(DistributionPlanner planner, int batchSize) {
        this.planner = planner;
        this.batchSize = batchSize;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // A request's distribution records its entitlement under the request id; others have none to record.
        String entitlementId = execution.getProcessBusinessKey() != null
                ? execution.getProcessBusinessKey()
                : "process:" + execution.getProcessInstanceId();
        List<DistributionPlan> plans = planner.plan(DistributionPlanner.Scope.of(
                (String) execution.getVariable(PRODUCT_ID),
                (String) execution.getVariable(LICENSE_ARN),
                (String) execution.getVariable(ACCOUNT_ID),
                (String) execution.getVariable(TARGET_ACCOUNT_IDS),
                (String) execution.getVariable(TARGET_OU_ID),
                (String) execution.getVariable(TARGET_TAG),
                entitlementId));
        writePlan(
                execution,
                DistributionPlanner.batches(plans, batchSize),
                DistributionPlanner.notices(plans),
                DistributionPlanner.unchanged(plans));
    }
}
