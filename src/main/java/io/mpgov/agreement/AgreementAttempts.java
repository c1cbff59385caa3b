package io.mpgov.agreement;

import io.mpgov.decision.EngineJdbc;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Every agreement id entered on accepting an offer, with what the agreement check said of it (table
 * mpgov_agreement_attempt). Written only inside engine commands ({@link EngineJdbc}): the acceptance's
 * complete listener adds the attempt, Task_VerifyAgreement its outcome. Read here for the request page and the
 * evidence, so that a refused attempt stays told after the right one replaced the request's {@code agreementId}.
 */
@Component
public class AgreementAttempts {

    public static final String ACCEPTED = "ACCEPTED";
    public static final String REFUSED = "REFUSED";

    /**
     * @param outcome ACCEPTED, REFUSED, or null while the check has not run
     * @param reason  why the check refused it
     */
    public record Attempt(
            String processInstanceId,
            int attempt,
            String agreementId,
            String enteredBy,
            Date enteredAt,
            String outcome,
            String reason,
            Date checkedAt) {}

    private static final String COLUMNS = "select process_instance_id, attempt, agreement_id, entered_by, entered_at,"
            + " outcome, reason, checked_at from mpgov_agreement_attempt";
    private static final RowMapper<Attempt> ROW = (row, n) -> new Attempt(
            row.getString("process_instance_id"),
            row.getInt("attempt"),
            row.getString("agreement_id"),
            row.getString("entered_by"),
            row.getTimestamp("entered_at"),
            row.getString("outcome"),
            row.getString("reason"),
            row.getTimestamp("checked_at"));

    private final JdbcTemplate jdbc;

    AgreementAttempts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The request's attempts, first first. */
    public List<Attempt> of(String processInstanceId) {
        return jdbc.query(COLUMNS + " where process_instance_id = ? order by attempt", ROW, processInstanceId);
    }

    /** Every attempt entered at or after {@code from} and before {@code to}. */
    public List<Attempt> enteredBetween(Instant from, Instant to) {
        return jdbc.query(
                COLUMNS + " where entered_at >= ? and entered_at < ? order by entered_at, attempt",
                ROW,
                Date.from(from),
                Date.from(to));
    }

    /** Records an agreement id as the procurement manager entered it. Inside an engine command only. */
    static void entered(String processInstanceId, String taskId, String agreementId, String by, Date at) {
        EngineJdbc.update(
                "insert into mpgov_agreement_attempt (process_instance_id, attempt, task_id, agreement_id, entered_by, entered_at)"
                        + " select ?, coalesce(max(attempt), 0) + 1, ?, ?, ?, ? from mpgov_agreement_attempt where process_instance_id = ?",
                processInstanceId,
                taskId,
                agreementId,
                by,
                at,
                processInstanceId);
    }

    /** The latest attempt, while the check has not said anything of it. Inside an engine command only. */
    static Optional<Attempt> unchecked(String processInstanceId) {
        return EngineJdbc.query(
                        COLUMNS + " where process_instance_id = ? and outcome is null order by attempt desc",
                        row -> ROW.mapRow(row, 0),
                        processInstanceId)
                .stream()
                .findFirst();
    }

    /** Adds the check's outcome to an attempt. Inside an engine command only. */
    static void checked(Attempt attempt, String reason, Date at) {
        EngineJdbc.update(
                "update mpgov_agreement_attempt set outcome = ?, reason = ?, checked_at = ? where process_instance_id = ? and attempt = ?",
                reason == null ? ACCEPTED : REFUSED,
                reason,
                at,
                attempt.processInstanceId(),
                attempt.attempt());
    }
}
