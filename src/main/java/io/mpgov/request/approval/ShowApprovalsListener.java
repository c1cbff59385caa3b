package io.mpgov.request.approval;

import io.mpgov.decision.EngineJdbc;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On creating Task_ConfirmPmpAddition, the control step: the approvals the matrix required against those given
 * (by whom, when), from mpgov's records, into the task's own read-only {@code approvalsCheck} — what the PMP
 * administrator confirms is shown to them, not left to a log they must read between the lines of.
 */
@Component("showApprovals")
class ShowApprovalsListener implements TaskListener {

    static final String APPROVALS_CHECK = "approvalsCheck";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final ApprovalSettings settings;

    ShowApprovalsListener(ApprovalSettings settings) {
        this.settings = settings;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariableLocal(
                APPROVALS_CHECK, said(ApprovalRecords.read(EngineJdbc::query, settings, task.getProcessInstanceId())));
    }

    static String said(List<ApprovalRecords.Approval> approvals) {
        String required = approvals.stream()
                .filter(ApprovalRecords.Approval::required)
                .map(ApprovalRecords.Approval::kind)
                .collect(Collectors.joining(", "));
        return "Required by the approval matrix: " + (required.isEmpty() ? "none" : required)
                + approvals.stream().map(ShowApprovalsListener::line).collect(Collectors.joining());
    }

    private static String line(ApprovalRecords.Approval a) {
        return "\n" + a.kind() + " (" + a.group() + "): "
                + (a.givenBy() == null
                        ? "NOT GIVEN"
                        : "given by " + a.givenBy() + ", "
                                + TIME.format(a.givenAt().toInstant()))
                + (a.required() ? "" : " — no longer required")
                + (a.objectedBefore() ? " — asked again: it asked for changes or rejected before" : "");
    }
}
