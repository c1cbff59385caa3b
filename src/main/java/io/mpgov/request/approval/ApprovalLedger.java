package io.mpgov.request.approval;

import io.mpgov.decision.EngineJdbc;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The approvals a request holds: kind → who gave it, when, and the fingerprint of the fields it rested
 * on — in mpgov_approval, written only by the decision listener in the engine's transaction.
 */
final class ApprovalLedger {

    record Grant(String by, Date at, String fingerprint) {}

    private final String processInstanceId;
    private final Map<String, Grant> grants;

    private ApprovalLedger(String processInstanceId, Map<String, Grant> grants) {
        this.processInstanceId = processInstanceId;
        this.grants = grants;
    }

    /** Must be called inside an engine command (a listener, a delegate). */
    static ApprovalLedger of(String processInstanceId) {
        record Row(String kind, Grant grant) {}
        List<Row> rows = EngineJdbc.query(
                "select kind, approved_by, approved_at, fingerprint from mpgov_approval where process_instance_id = ?",
                row -> new Row(
                        row.getString("kind"),
                        new Grant(
                                row.getString("approved_by"),
                                row.getTimestamp("approved_at"),
                                row.getString("fingerprint"))),
                processInstanceId);
        return new ApprovalLedger(processInstanceId, rows.stream().collect(Collectors.toMap(Row::kind, Row::grant)));
    }

    boolean stillValid(String kind, String fingerprint) {
        Grant grant = grants.get(kind);
        return grant != null && grant.fingerprint().equals(fingerprint);
    }

    /** Kinds other than {@code kind} that {@code user} approved on this request. */
    List<String> approvedByOtherThan(String user, String kind) {
        return grants.entrySet().stream()
                .filter(e -> e.getValue().by().equals(user) && !e.getKey().equals(kind))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    void grant(String kind, String by, Date at, String fingerprint) {
        revoke(kind);
        EngineJdbc.update(
                "insert into mpgov_approval (process_instance_id, kind, approved_by, approved_at, fingerprint) values (?, ?, ?, ?, ?)",
                processInstanceId,
                kind,
                by,
                at,
                fingerprint);
        grants.put(kind, new Grant(by, at, fingerprint));
    }

    void revoke(String kind) {
        EngineJdbc.update(
                "delete from mpgov_approval where process_instance_id = ? and kind = ?", processInstanceId, kind);
        grants.remove(kind);
    }
}
