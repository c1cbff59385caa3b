package io.mpgov.license;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.stream.Stream;

import static io.mpgov.license.LicenseDistributionProcess.*;

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
        String productId = (String) execution.getVariable(PRODUCT_ID);
        String accounts = (String) execution.getVariable(TARGET_ACCOUNT_IDS);
        String ou = (String) execution.getVariable(TARGET_OU_ID);
        String tag = (String) execution.getVariable(TARGET_TAG);
        boolean entitles = productId != null && Stream.of(accounts, ou, tag).anyMatch(v -> v != null && !v.isBlank());
        String entitlementId = execution.getProcessBusinessKey() != null ? execution.getProcessBusinessKey()
                : "process:" + execution.getProcessInstanceId();
        List<DistributionPlan> plans = planner.plan(new DistributionPlanner.Scope(productId,
                (String) execution.getVariable(LICENSE_ARN), (String) execution.getVariable(ACCOUNT_ID),
                entitles ? new Entitlement(entitlementId, productId, accounts, ou, tag) : null));
        execution.setVariable(GRANT_BATCHES, DistributionPlanner.batches(plans, batchSize));
        execution.setVariable(NOTICES, DistributionPlanner.notices(plans));
        execution.setVariable(UNCHANGED, plans.stream().flatMap(p -> p.items().stream())
                .filter(i -> i.action() == DistributionPlan.Action.KEEP).count());
    }
}
