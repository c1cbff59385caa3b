package io.mpgov.catalog;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * On the flow that leaves a successful "allow" change set: records the product in mpgov's inventory
 * with the request that added it, so reviews know its offer type and whom to tell when it leaves.
 */
@Component("recordPmpAddition")
class RecordPmpAdditionListener implements ExecutionListener {

    private final PmpInventory inventory;

    RecordPmpAdditionListener(PmpInventory inventory) {
        this.inventory = inventory;
    }

    @Override
    public void notify(DelegateExecution execution) {
        inventory.save(new PmpProduct((String) execution.getVariable("productId"), (String) execution.getVariable("offerType"),
                PmpProduct.MPGOV, execution.getProcessBusinessKey(), (String) execution.getVariable("initiator"),
                ClockUtil.getCurrentTime().toInstant(), null, null, null));
    }
}
