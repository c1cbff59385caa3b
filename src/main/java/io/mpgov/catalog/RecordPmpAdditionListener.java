package io.mpgov.catalog;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * At the end of each successful "allow" change set (one per experience): records the product in mpgov's
 * inventory with the request that added it, so reviews know its offer type and whom to tell when it
 * leaves — also when a later experience's change fails and the request is abandoned.
 */
@Component("recordPmpAddition")
class RecordPmpAdditionListener implements ExecutionListener {

    private final PmpInventory inventory;

    RecordPmpAdditionListener(PmpInventory inventory) {
        this.inventory = inventory;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            // Ended by the failure boundary: this experience's change set did not succeed.
            return;
        }
        inventory.save(new PmpProduct(
                (String) execution.getVariable(CatalogStepVariables.PRODUCT_ID),
                (String) execution.getVariable(CatalogStepVariables.OFFER_TYPE),
                PmpProduct.MPGOV,
                execution.getProcessBusinessKey(),
                (String) execution.getVariable(CatalogStepVariables.INITIATOR),
                ClockUtil.getCurrentTime().toInstant(),
                null,
                null,
                null));
    }
}
