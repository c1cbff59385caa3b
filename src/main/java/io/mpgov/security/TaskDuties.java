package io.mpgov.security;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * mpgov's record of who must decide each user task (table mpgov_task_duty), kept on the engine's own
 * connection so it commits and rolls back with the engine's work. Only the engine's task listeners
 * write it: no API a caller can reach changes it.
 */
public final class TaskDuties {

    /**
     * @param groups   the candidate groups the model gave the task when it was created
     * @param assignee the assignee the model gave it (tasks only one person may do), or null
     * @param kind     the approval kind the task stands for, or null
     */
    public record Duty(String taskId, String taskKey, List<String> groups, String assignee, String kind) {

        /** May {@code user}, a member of {@code userGroups}, decide the task? */
        boolean mayDecide(String user, List<String> userGroups) {
            return groups.isEmpty() ? user.equals(assignee) : userGroups.stream().anyMatch(groups::contains);
        }

        String deciders() {
            return groups.isEmpty() ? String.valueOf(assignee) : "members of " + String.join(", ", groups);
        }
    }

    private TaskDuties() {
    }

    static void open(String taskId, String processInstanceId, String taskKey, List<String> groups, String assignee, Date at) {
        update("insert into mpgov_task_duty (task_id, process_instance_id, task_key, candidate_groups, assignee, created_at) "
                + "values (?, ?, ?, ?, ?, ?)", taskId, processInstanceId, taskKey, String.join(",", groups), assignee, new Timestamp(at.getTime()));
    }

    /** Records which approval the task stands for: called by the process's own create listener. */
    public static void recordKind(String taskId, String kind) {
        update("update mpgov_task_duty set approval_kind = ? where task_id = ?", kind, taskId);
    }

    /** Must be called inside an engine command (a listener, a delegate). */
    public static Optional<Duty> of(String taskId) {
        try (PreparedStatement select = connection().prepareStatement(
                "select task_key, candidate_groups, assignee, approval_kind from mpgov_task_duty where task_id = ?")) {
            select.setString(1, taskId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String groups = row.getString("candidate_groups");
                return Optional.of(new Duty(taskId, row.getString("task_key"),
                        groups.isEmpty() ? List.of() : Arrays.asList(groups.split(",")), row.getString("assignee"),
                        row.getString("approval_kind")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the duty of task " + taskId, e);
        }
    }

    private static void update(String sql, Object... values) {
        try (PreparedStatement statement = connection().prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    statement.setNull(i + 1, Types.VARCHAR);
                } else {
                    statement.setObject(i + 1, values[i]);
                }
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record a task duty", e);
        }
    }

    private static Connection connection() {
        CommandContext context = Context.getCommandContext();
        if (context == null) {
            throw new IllegalStateException("Task duties are read and written inside an engine command only");
        }
        return context.getDbSqlSession().getSqlSession().getConnection();
    }
}
