package io.mpgov.request.approval;

import io.mpgov.decision.EngineJdbc;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Where a request's approval round stands, in mpgov_approval_round: started by Task_PlanApprovals,
 * ended by the first approval that rejects or asks for changes. The model reads it as
 * {@code approvalRound} — the round is over when {@link #over} says so, not when a variable does.
 */
@Component("approvalRound")
public class ApprovalRound {

    /** Starts the next round of the request: nothing decided yet. */
    void start(String processInstanceId) {
        if (EngineJdbc.update(
                        "update mpgov_approval_round set round_number = round_number + 1, outcome = null where process_instance_id = ?",
                        processInstanceId)
                == 0) {
            EngineJdbc.update(
                    "insert into mpgov_approval_round (process_instance_id, round_number) values (?, 1)",
                    processInstanceId);
        }
    }

    /** The round ends with this decision (REJECT or REQUEST_CHANGES), unless an earlier one ended it. */
    void end(String processInstanceId, String decision) {
        EngineJdbc.update(
                "update mpgov_approval_round set outcome = ? where process_instance_id = ? and outcome is null",
                decision,
                processInstanceId);
    }

    /** REJECT, REQUEST_CHANGES, or null while every decision so far approved. */
    public String outcome(DelegateExecution execution) {
        List<String> outcome = EngineJdbc.query(
                "select outcome from mpgov_approval_round where process_instance_id = ?",
                row -> row.getString("outcome"),
                execution.getProcessInstanceId());
        return outcome.isEmpty() ? null : outcome.get(0);
    }

    public boolean over(DelegateExecution execution) {
        return outcome(execution) != null;
    }
}
