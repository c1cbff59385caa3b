package io.mpgov.decision;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The decisions of a process instance as mpgov recorded them, read and written on the engine's own connection
 * ({@link EngineJdbc}) — only the decision listener writes them. The models read a task's outcome here as
 * {@code decisions}, e.g. {@code ${decisions.last(execution, 'Task_ReviewPublicOffer') == 'APPROVE'}}: a
 * decision is its task's own, never a process variable the next task's form would show.
 */
@Component("decisions")
public class DecisionRecords {

    static void add(DecisionRecord decision) {
        EngineJdbc.update(
                "insert into mpgov_decision (" + DecisionRecord.COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)",
                decision.processInstanceId(),
                decision.taskId(),
                decision.taskKey(),
                decision.taskName(),
                decision.decidedBy(),
                decision.decidedAt(),
                decision.outcome(),
                decision.comment());
    }

    /** Every decision on the process instance, oldest first. Must be called inside an engine command. */
    public static List<DecisionRecord> of(String processInstanceId) {
        return EngineJdbc.query(
                "select " + DecisionRecord.COLUMNS + " from mpgov_decision where process_instance_id = ? order by seq",
                DecisionRecord::read,
                processInstanceId);
    }

    /** The outcome of the last decision on the task {@code taskKey} of the execution's process instance, or null. */
    public String last(DelegateExecution execution, String taskKey) {
        return latest(of(execution.getProcessInstanceId()), taskKey)
                .map(DecisionRecord::outcome)
                .orElse(null);
    }

    static Optional<DecisionRecord> latest(List<DecisionRecord> decisions, String taskKey) {
        return decisions.stream().filter(d -> d.taskKey().equals(taskKey)).reduce((first, second) -> second);
    }
}
