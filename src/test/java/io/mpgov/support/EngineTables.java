package io.mpgov.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the engine's own tables in a test schema on PostgreSQL — what is committed, whichever node
 * committed it and whether that node is still alive.
 */
public final class EngineTables {

    private final String schema;

    public EngineTables(String schema) {
        this.schema = schema;
    }

    /** How many of the process instances have ended. */
    public long finished(Collection<String> processInstanceIds) {
        return single(
                "select count(*) from " + schema + ".act_hi_procinst where end_time_ is not null and id_ = any (?)",
                (Object) processInstanceIds.toArray(String[]::new));
    }

    /** How many of the tasks were completed (not deleted or cancelled). */
    public long completedTasks(Collection<String> taskIds) {
        return single(
                "select count(*) from " + schema
                        + ".act_hi_taskinst where end_time_ is not null and delete_reason_ = 'completed'"
                        + " and id_ = any (?)",
                (Object) taskIds.toArray(String[]::new));
    }

    /** How many tasks of the kind the process instances have had, open or done. */
    public long tasksOf(Collection<String> processInstanceIds, String taskDefinitionKey) {
        return single(
                "select count(*) from " + schema
                        + ".act_hi_taskinst where task_def_key_ = ? and proc_inst_id_ = any (?)",
                taskDefinitionKey,
                processInstanceIds.toArray(String[]::new));
    }

    /** How many tasks of the kind are open in the process instances. */
    public long openTasks(Collection<String> processInstanceIds, String taskDefinitionKey) {
        return single(
                "select count(*) from " + schema + ".act_ru_task where task_def_key_ = ? and proc_inst_id_ = any (?)",
                taskDefinitionKey,
                processInstanceIds.toArray(String[]::new));
    }

    /** Durations (ms) of the finished instances of each activity. */
    public Map<String, List<Long>> durations(Collection<String> activityIds) {
        Map<String, List<Long>> durations = new HashMap<>();
        String sql = "select act_id_, duration_ from " + schema
                + ".act_hi_actinst where duration_ is not null and act_id_ = any (?)";
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("varchar", activityIds.toArray(String[]::new)));
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    durations
                            .computeIfAbsent(rows.getString(1), k -> new ArrayList<>())
                            .add(rows.getLong(2));
                }
            }
            return durations;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Messages of open incidents. */
    public List<String> incidents() {
        return strings("select coalesce(incident_msg_, incident_type_) from " + schema + ".act_ru_incident");
    }

    /**
     * Jobs that the job log shows as having succeeded more than once (state 2: successful). The history
     * cleanup job is left out: inside its batch window the engine reschedules that one job, same id, again
     * and again by design.
     */
    public List<String> jobsCommittedMoreThanOnce() {
        return strings("select job_id_ from " + schema + ".act_hi_job_log where job_state_ = 2"
                + " and coalesce(job_def_type_, '') <> 'history-cleanup' group by job_id_ having count(*) > 1");
    }

    /** How many jobs the job log shows as having succeeded. */
    public long jobsCommitted() {
        return single("select count(distinct job_id_) from " + schema + ".act_hi_job_log where job_state_ = 2");
    }

    private long single(String sql, Object... parameters) {
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(
                        i + 1,
                        parameters[i] instanceof String[] array ? c.createArrayOf("varchar", array) : parameters[i]);
            }
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private List<String> strings(String sql) {
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement(sql);
                ResultSet rows = s.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(PostgresTestDatabase.URL, PostgresTestDatabase.USER, "");
    }
}
