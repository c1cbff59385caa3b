package io.mpgov.request.approval;

import io.mpgov.decision.Submissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_PlanApprovals: of the approvals the matrix requires now, those still to be given — all on the
 * first round; after a revision, those newly required, those that asked for changes or rejected (their grant was
 * revoked; the matrix requires them again whatever changed, {@link ApprovalRound#objected}) and those whose fields
 * changed. The round records what it required: the control step shows it against what was given.
 */
@Component("planApprovals")
class PlanApprovalsDelegate implements JavaDelegate {

    static final String REQUIRED = "requiredApprovals";
    static final String PENDING = "pendingApprovals";
    private final ApprovalSettings settings;
    private final ApprovalRound round;

    PlanApprovalsDelegate(ApprovalSettings settings, ApprovalRound round) {
        this.settings = settings;
        this.round = round;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> required = settings.ordered(((List<?>) execution.getVariable(REQUIRED))
                .stream().map(String::valueOf).toList());
        ApprovalLedger ledger = ApprovalLedger.of(execution.getProcessInstanceId());
        // what the approvals rest on: the request as mpgov recorded it when it was validated
        Map<String, Object> variables = Submissions.of(execution.getProcessInstanceId())
                .map(Submissions.Submission::fields)
                .orElseThrow(() -> new IllegalStateException(
                        "No recorded submission for request " + execution.getProcessBusinessKey()));
        List<String> pending = required.stream()
                .filter(kind -> !ledger.stillValid(kind, settings.fingerprint(kind, variables)))
                .toList();
        execution.setVariable(REQUIRED, new ArrayList<>(required));
        execution.setVariable(PENDING, new ArrayList<>(pending));
        round.start(execution.getProcessInstanceId(), required);
    }
}
