package io.mpgov.decision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Date;

/**
 * One decision a person made on a task, as mpgov recorded it when the task was completed (table mpgov_decision):
 * the record the decision log, the request page and the evidence show — never text anyone typed into a variable.
 *
 * @param taskName the task's name in the model ("Approve private offer (finance)")
 * @param outcome  what the form's decision said: APPROVE, REJECT, REQUEST_CHANGES, ACCEPT, …
 * @param comment  the decider's own words, or null
 */
public record DecisionRecord(
        String processInstanceId,
        String taskId,
        String taskKey,
        String taskName,
        String decidedBy,
        Date decidedAt,
        String outcome,
        String comment) {

    static final String COLUMNS =
            "process_instance_id, task_id, task_key, task_name, decided_by, decided_at, outcome, comment_text";

    static DecisionRecord read(ResultSet row) throws SQLException {
        return new DecisionRecord(
                row.getString("process_instance_id"),
                row.getString("task_id"),
                row.getString("task_key"),
                row.getString("task_name"),
                row.getString("decided_by"),
                row.getTimestamp("decided_at") == null
                        ? null
                        : new Date(row.getTimestamp("decided_at").getTime()),
                row.getString("outcome"),
                row.getString("comment_text"));
    }
}
