package io.mpgov.review;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import java.util.Date;
import java.util.List;
import java.util.Set;

import static io.mpgov.review.ReviewVariables.*;

/**
 * On every review task: at creation, forget the previous task's decision; at completion, insist on a
 * decision the task allows (and a reason when it rejects, sends back or abandons), enforce four-eyes — nobody decides on a request
 * they started — and keep the decision task-local for the audit trail.
 */
@Component("recordDecision")
class RecordDecisionListener implements TaskListener {

    /** What a task accepts unless its input parameter {@code allowedDecisions} says otherwise. */
    static final List<String> DEFAULT_DECISIONS = List.of("APPROVE", "REJECT", "REQUEST_CHANGES");
    /** Decisions that stop or send back a request must say why. */
    static final Set<String> NEED_REASON = Set.of("REJECT", "REQUEST_CHANGES", "ABANDON");
    static final String ALLOWED_DECISIONS = "allowedDecisions";
    static final String INITIATOR = "initiator";

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.getExecution().removeVariable(DECISION);
            task.getExecution().removeVariable(COMMENT);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            record(task);
        }
    }

    private void record(DelegateTask task) {
        Object allowed = task.getVariable(ALLOWED_DECISIONS);
        List<String> decisions = allowed == null ? DEFAULT_DECISIONS : List.of(allowed.toString().split(","));
        Object decision = task.getVariable(DECISION);
        if (decision == null || !decisions.contains(decision.toString())) {
            throw new DecisionRejectedException(DECISION, "'" + task.getName() + "' needs a decision, one of "
                    + String.join(", ", decisions) + " (got " + decision + ")");
        }
        Object comment = task.getVariable(COMMENT);
        if (NEED_REASON.contains(decision.toString()) && (comment == null || comment.toString().isBlank())) {
            throw new DecisionRejectedException(COMMENT, "A decision to " + decision + " needs a comment that says why");
        }
        Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String user = current != null ? current.getUserId() : task.getAssignee();
        if (user != null && user.equals(task.getVariable(INITIATOR))) {
            throw new FourEyesViolationException("Four-eyes rule: " + user
                    + " started this request and may not decide on it");
        }
        task.setVariableLocal(DECISION, decision);
        task.setVariableLocal(COMMENT, comment);
        task.setVariableLocal(DECIDED_BY, user);
        task.setVariableLocal(DECIDED_AT, new Date());
    }
}
