package io.mpgov.request;

import static io.mpgov.request.ProcurementRequestProcess.INITIATOR;

import io.mpgov.decision.Submissions;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Task_CompletePmpRequest: whoever completes a request that came from the Private Marketplace owns it
 * from then on — the four-eyes rule and the mails treat them as its requester.
 */
@Component("takeOverRequest")
class TakeOverRequestListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        Authentication current =
                task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String user = current != null ? current.getUserId() : task.getAssignee();
        if (user == null) {
            throw new IllegalStateException("'" + task.getName() + "' must be completed by a signed-in requester");
        }
        task.getExecution().getProcessInstance().setVariable(INITIATOR, user);
        Submissions.submittedBy(task.getProcessInstanceId(), user, ClockUtil.getCurrentTime());
    }
}
