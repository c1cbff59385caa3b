package io.mpgov.request.approval;

import io.mpgov.decision.DecisionContribution;
import io.mpgov.decision.FourEyesViolationException;
import io.mpgov.decision.Submissions;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Procurement's part of the decision guard: one person gives at most one approval kind of a request; an
 * approval is kept in the ledger with the fingerprint of the fields it rests on; any other decision takes
 * the kind's approval back, ends the round and is remembered as the kind's objection.
 */
@Component
public class ApprovalDecisions implements DecisionContribution {

    private final ApprovalSettings settings;
    private final ApprovalRound round;

    public ApprovalDecisions(ApprovalSettings settings, ApprovalRound round) {
        this.settings = settings;
        this.round = round;
    }

    @Override
    public void check(Decided decided) {
        if (decided.user() != null && decided.approves()) {
            List<String> other =
                    ApprovalLedger.of(decided.processInstanceId()).approvedByOtherThan(decided.user(), decided.kind());
            if (!other.isEmpty()) {
                throw new FourEyesViolationException(
                        "Four-eyes rule: " + decided.user() + " already gave the " + other.get(0)
                                + " approval of this request and may not give the " + decided.kind() + " approval too");
            }
        }
    }

    @Override
    public void record(Decided decided) {
        ApprovalLedger ledger = ApprovalLedger.of(decided.processInstanceId());
        if (decided.approves()) {
            ledger.grant(
                    decided.kind(),
                    decided.user(),
                    decided.at(),
                    settings.fingerprint(
                            decided.kind(),
                            decided.submission()
                                    .map(Submissions.Submission::fields)
                                    .orElseThrow(() -> new IllegalStateException(
                                            "No recorded submission for request " + decided.businessKey()))));
        } else {
            ledger.revoke(decided.kind());
            round.end(decided.processInstanceId(), decided.kind(), decided.decision());
        }
    }
}
