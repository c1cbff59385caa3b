package io.mpgov.license;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ApplyGrantBatch: one batch of grants and revocations, idempotent, so a retried job does no harm. */
@Component("applyGrantBatch")
class ApplyGrantBatchDelegate implements JavaDelegate {

    private final GrantWorkRunner runner;

    ApplyGrantBatchDelegate(GrantWorkRunner runner) {
        this.runner = runner;
    }

    @Override
    public void execute(DelegateExecution execution) {
        runner.run(LicenseDistributionProcess.batch(execution).items());
    }
}
