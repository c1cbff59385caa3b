package io.mpgov.license;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

import static io.mpgov.license.LicenseDistributionProcess.BATCH;

/** Task_ApplyGrantBatch: one batch of grants and revocations, idempotent, so a retried job does no harm. */
@Component("applyGrantBatch")
class ApplyGrantBatchDelegate implements JavaDelegate {

    private final GrantWorkRunner runner;

    ApplyGrantBatchDelegate(GrantWorkRunner runner) {
        this.runner = runner;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void execute(DelegateExecution execution) {
        runner.run((List<Map<String, Object>>) execution.getVariable(BATCH));
    }
}
