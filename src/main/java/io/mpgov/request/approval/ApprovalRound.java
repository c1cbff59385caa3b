package io.mpgov.request.approval;

import io.mpgov.decision.EngineJdbc;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Where a request's approval round stands, in mpgov_approval_round: started by Task_PlanApprovals with the
 * approvals the matrix required, ended by the first approval that rejects or asks for changes. The model reads
 * it as {@code approvalRound} — the round is over when {@link #over} says so, not when a variable does — and
 * gives the matrix the kinds that ever objected ({@link #objected}): an objection stands on every later round.
 */
@Component("approvalRound")
public class ApprovalRound {

    /** Starts the next round of the request: nothing decided yet, these approvals required. */
    void start(String processInstanceId, List<String> required) {
        String kinds = String.join(",", required);
        if (EngineJdbc.update(
                        "update mpgov_approval_round set round_number = round_number + 1, outcome = null, required_kinds = ?"
                                + " where process_instance_id = ?",
                        kinds,
                        processInstanceId)
                == 0) {
            EngineJdbc.update(
                    "insert into mpgov_approval_round (process_instance_id, round_number, required_kinds) values (?, 1, ?)",
                    processInstanceId,
                    kinds);
        }
    }

    /** The round ends with this decision (REJECT or REQUEST_CHANGES) of {@code kind}, unless an earlier one ended it. */
    void end(String processInstanceId, String kind, String decision) {
        Set<String> objected = new LinkedHashSet<>(objected(processInstanceId));
        objected.add(kind);
        EngineJdbc.update(
                "update mpgov_approval_round set objected_kinds = ? where process_instance_id = ?",
                String.join(",", objected),
                processInstanceId);
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

    /**
     * The approval kinds that asked for changes or rejected in any round of the request, comma-separated: the
     * approval matrix's input {@code objectedApprovals}, so that the revision asks them again.
     */
    public String objected(DelegateExecution execution) {
        return String.join(",", objected(execution.getProcessInstanceId()));
    }

    static List<String> objected(String processInstanceId) {
        return EngineJdbc.query(
                        "select objected_kinds from mpgov_approval_round where process_instance_id = ?",
                        row -> row.getString("objected_kinds"),
                        processInstanceId)
                .stream()
                .filter(kinds -> kinds != null && !kinds.isEmpty())
                .flatMap(kinds -> Arrays.stream(kinds.split(",")))
                .toList();
    }
}
