package io.mpgov.request.approval;

import io.mpgov.decision.EngineJdbc;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Required against given, from mpgov's own records (mpgov_approval_round, mpgov_approval), never from the
 * request's variables: the approvals the last round's matrix required, and who gave each, when. Read the same
 * way inside an engine command (the control step's form) and outside (the request page).
 */
@Component
public class ApprovalRecords {

    /**
     * One approval kind of a request.
     *
     * @param required       the last round's matrix required it (false: given once, no longer required)
     * @param givenBy        who gave it, null while it is not given
     * @param objectedBefore it asked for changes or rejected in an earlier round: required again since
     */
    public record Approval(
            String kind, String group, boolean required, String givenBy, Date givenAt, boolean objectedBefore) {}

    /** A query, on the engine's connection or on a pool's. */
    interface Sql {
        <T> List<T> query(String sql, EngineJdbc.Row<T> row, Object... values);
    }

    private final JdbcTemplate jdbc;
    private final ApprovalSettings settings;

    ApprovalRecords(JdbcTemplate jdbc, ApprovalSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** The request's approvals, in the order approvals appear in; none for a request without an approval round. */
    public List<Approval> of(String processInstanceId) {
        return read(this::query, settings, processInstanceId);
    }

    private <T> List<T> query(String sql, EngineJdbc.Row<T> row, Object... values) {
        return jdbc.query(sql, (result, n) -> row.read(result), values);
    }

    static List<Approval> read(Sql sql, ApprovalSettings settings, String processInstanceId) {
        record Round(List<String> required, List<String> objected) {}
        record Given(String kind, String by, Date at) {}
        List<Round> rounds = sql.query(
                "select required_kinds, objected_kinds from mpgov_approval_round where process_instance_id = ?",
                row -> new Round(kinds(row.getString("required_kinds")), kinds(row.getString("objected_kinds"))),
                processInstanceId);
        Map<String, Given> given = new HashMap<>();
        sql.query(
                        "select kind, approved_by, approved_at from mpgov_approval where process_instance_id = ?",
                        row -> new Given(
                                row.getString("kind"), row.getString("approved_by"), row.getTimestamp("approved_at")),
                        processInstanceId)
                .forEach(g -> given.put(g.kind(), g));
        Round round = rounds.isEmpty() ? new Round(List.of(), List.of()) : rounds.get(0);
        Set<String> kinds = new LinkedHashSet<>(round.required());
        kinds.addAll(given.keySet());
        return settings.ordered(List.copyOf(kinds)).stream()
                .map(kind -> {
                    Given g = given.get(kind);
                    return new Approval(
                            kind,
                            settings.groups().get(kind),
                            round.required().contains(kind),
                            g == null ? null : g.by(),
                            g == null ? null : g.at(),
                            round.objected().contains(kind));
                })
                .toList();
    }

    private static List<String> kinds(String commaSeparated) {
        return commaSeparated == null || commaSeparated.isEmpty()
                ? List.of()
                : Arrays.asList(commaSeparated.split(","));
    }
}
