package io.mpgov.license;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.mpgov.license.LicenseDistributionProcess.*;

/** Task_PlanDistribution: what to grant, keep and revoke for the product's licenses. */
@Component("planDistribution")
class PlanDistributionDelegate implements JavaDelegate {

    private final DistributionPlanner planner;
    private final LicensePort licenses;

    PlanDistributionDelegate(DistributionPlanner planner, LicensePort licenses) {
        this.planner = planner;
        this.licenses = licenses;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String productId = (String) execution.getVariable(PRODUCT_ID);
        List<DistributionPlan> plans = planner.plan(productId, new DistributionPlanner.Targets(
                (String) execution.getVariable(TARGET_ACCOUNT_IDS), (String) execution.getVariable(TARGET_OU_ID),
                (String) execution.getVariable(TARGET_TAG)));
        Map<String, String> homeRegions = licenses.licensesOf(productId).stream()
                .collect(Collectors.toMap(LicensePort.ReceivedLicense::arn, LicensePort.ReceivedLicense::homeRegion, (a, b) -> a));
        execution.setVariable(GRANT_WORK, DistributionPlanner.work(plans, homeRegions));
        execution.setVariable(UNCHANGED, plans.stream().mapToLong(p -> p.items().size() - p.writes().size()).sum());
    }
}
