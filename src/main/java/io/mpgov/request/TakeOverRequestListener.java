package io.mpgov.request;

import static io.mpgov.request.ProcurementRequestProcess.INITIATOR;

import io.mpgov.decision.Submissions;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Task_CompletePmpRequest: whoever completes a request that came from the Private Marketplace owns it
 * from then on — the four-eyes rule and the mails treat them as its requester. A renewal is its original
 * requester's alone: the task is assigned to them and offered to no group, so no other requester reads
 * or completes it (Camunda gives a candidate group READ and TASK_WORK on the task). Public for the model's
 * expression: JUEL calls public classes' methods only.
 */
@Component("takeOverRequest")
public class TakeOverRequestListener implements TaskListener {

    /** The task's candidate groups: {@code group}, or none for a renewal (assigned to its requester). */
    public List<String> groupUnlessRenewal(DelegateExecution execution, String group) {
        return execution.getVariable(RequestService.RENEWAL_REQUESTER) == null ? List.of(group) : List.of();
    }

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
