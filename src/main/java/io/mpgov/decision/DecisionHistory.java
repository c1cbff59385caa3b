package io.mpgov.decision;

import java.util.Date;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The recorded decisions, for readers outside the engine: the request page and the audit evidence. */
@Component
public class DecisionHistory {

    private final JdbcTemplate jdbc;

    DecisionHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every decision on the process instance, oldest first. */
    public List<DecisionRecord> of(String processInstanceId) {
        return jdbc.query(
                "select " + DecisionRecord.COLUMNS + " from mpgov_decision where process_instance_id = ? order by seq",
                (row, n) -> DecisionRecord.read(row),
                processInstanceId);
    }

    /** Every decision made at or after {@code from} and before {@code to}, oldest first. */
    public List<DecisionRecord> between(Date from, Date to) {
        return jdbc.query(
                "select " + DecisionRecord.COLUMNS
                        + " from mpgov_decision where decided_at >= ? and decided_at < ? order by seq",
                (row, n) -> DecisionRecord.read(row),
                new java.sql.Timestamp(from.getTime()),
                new java.sql.Timestamp(to.getTime()));
    }
}
