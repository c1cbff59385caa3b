package io.mpgov.request;

import static io.mpgov.request.ProcurementRequestProcess.*;

import io.mpgov.decision.DecisionVariables;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Every check a submission allows, made in the submitting transaction — the start form (Tasklist,
 * submit-form, POST /api/requests), the completed PMP request and the resubmitted revision — so that an
 * invalid request is refused with the form's words and nothing starts or moves on; what was typed stays in
 * the form. Title and seller come from the catalog when left out.
 */
@Component("checkSubmission")
class CheckSubmissionListener implements ExecutionListener, TaskListener {

    private final RequestCheck check;

    CheckSubmissionListener(RequestCheck check) {
        this.check = check;
    }

    /** StartEvent_RequestSubmitted, start. */
    @Override
    public void notify(DelegateExecution execution) {
        check(execution);
    }

    /** Task_CompletePmpRequest and Task_ReviseRequest, complete: a withdrawal has nothing to check. */
    @Override
    public void notify(DelegateTask task) {
        if (!DECISION_WITHDRAW.equals(task.getVariable(DecisionVariables.DECISION))) {
            check(task.getExecution());
        }
    }

    private void check(DelegateExecution execution) {
        List<FieldError> errors = check.errors(check.completed(execution), execution);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors, check.describe(errors));
        }
    }
}
