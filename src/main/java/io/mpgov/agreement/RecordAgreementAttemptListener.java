package io.mpgov.agreement;

import static io.mpgov.agreement.AgreementVariables.AGREEMENT_ID;

import io.mpgov.decision.DecisionRejectedException;
import io.mpgov.decision.DecisionVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * On completing Task_AcceptPrivateOffer with ACCEPT: the agreement id entered becomes an attempt of its own, by
 * whom and when, before anything checks it — the evidence of each attempt never depends on {@code agreementId}'s
 * later value.
 */
@Component("recordAgreementAttempt")
class RecordAgreementAttemptListener implements TaskListener {

    static final String ACCEPT = "ACCEPT";

    @Override
    public void notify(DelegateTask task) {
        if (!ACCEPT.equals(task.getVariable(DecisionVariables.DECISION))) {
            return;
        }
        Object entered = task.getVariable(AGREEMENT_ID);
        if (entered == null || entered.toString().isBlank()) {
            throw new DecisionRejectedException(AGREEMENT_ID, "Agreement id: is required to accept the offer");
        }
        Authentication caller =
                task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        AgreementAttempts.entered(
                task.getProcessInstanceId(),
                task.getId(),
                entered.toString().trim(),
                caller != null ? caller.getUserId() : task.getAssignee(),
                ClockUtil.getCurrentTime());
    }
}
