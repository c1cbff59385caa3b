package io.mpgov.decision;

import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * mpgov's record of who must decide each user task (table mpgov_task_duty), on the engine's own
 * connection ({@link EngineJdbc}). Only the engine's task listeners
 * write it: no API a caller can reach changes it.
 */
public final class TaskDuties {

    /**
     * @param groups   the candidate groups the model gave the task when it was created
     * @param assignee the assignee the model gave it (tasks only one person may do), or null
     * @param kind     the approval kind the task stands for, or null
     */
    public record Duty(String taskId, String taskKey, List<String> groups, String assignee, String kind) {

        /**
         * May {@code user}, a member of {@code userGroups}, decide the task? A task the model assigned to one
         * person (a renewal, a revision) is that person's alone, whatever groups it names.
         */
        boolean mayDecide(String user, List<String> userGroups) {
            return assignee != null
                    ? user.equals(assignee)
                    : userGroups.stream().anyMatch(groups::contains);
        }

        /** As {@link #mayDecide}, and a task someone claimed ({@code claimedBy}) is theirs alone to complete. */
        boolean mayComplete(String user, List<String> userGroups, String claimedBy) {
            return mayDecide(user, userGroups) && (claimedBy == null || claimedBy.equals(user));
        }

        String deciders() {
            return assignee != null ? assignee : "members of " + String.join(", ", groups);
        }
    }

    private TaskDuties() {}

    static void open(
            String taskId, String processInstanceId, String taskKey, List<String> groups, String assignee, Date at) {
        EngineJdbc.update(
                "insert into mpgov_task_duty (task_id, process_instance_id, task_key, candidate_groups, assignee, created_at) "
                        + "values (?, ?, ?, ?, ?, ?)",
                taskId,
                processInstanceId,
                taskKey,
                String.join(",", groups),
                assignee,
                at);
    }

    /** Records which approval the task stands for: called by the process's own create listener. */
    public static void recordKind(String taskId, String kind) {
        EngineJdbc.update("update mpgov_task_duty set approval_kind = ? where task_id = ?", kind, taskId);
    }

    /** Must be called inside an engine command (a listener, a delegate). */
    public static Optional<Duty> of(String taskId) {
        return EngineJdbc.query(
                        "select task_key, candidate_groups, assignee, approval_kind from mpgov_task_duty where task_id = ?",
                        row -> {
                            String groups = row.getString("candidate_groups");
                            return new Duty(
                                    taskId,
                                    row.getString("task_key"),
                                    groups.isEmpty() ? List.of() : Arrays.asList(groups.split(",")),
                                    row.getString("assignee"),
                                    row.getString("approval_kind"));
                        },
                        taskId)
                .stream()
                .findFirst();
    }
}
