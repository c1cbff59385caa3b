package io.mpgov.license;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.List;

import static io.mpgov.license.LicenseDistributionProcess.*;

/** Task_PlanDistribution: what to grant, keep and revoke for the product's licenses. */
@Component("planDistribution")
class PlanDistributionDelegate implements JavaDelegate {

    private final DistributionPlanner planner;

    PlanDistributionDelegate(DistributionPlanner planner) {
        this.planner = planner;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String productId = (String) execution.getVariable(PRODUCT_ID);
        List<DistributionPlan> plans = planner.plan(productId, new DistributionPlanner.Targets(
                (String) execution.getVariable(TARGET_ACCOUNT_IDS), (String) execution.getVariable(TARGET_OU_ID),
                (String) execution.getVariable(TARGET_TAG)));
        execution.setVariable(GRANT_WORK, DistributionPlanner.work(plans));
        execution.setVariable(UNCHANGED, plans.stream().mapToLong(p -> p.items().size() - p.writes().size()).sum());
    }
}
