package io.mpgov.request.approval;

import io.mpgov.decision.RecordDecisionListener;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;

/** The decision guard with procurement's approvals, and the approval planner, for process tests. */
public final class ApprovalTestListeners {

    private ApprovalTestListeners() {}

    /** The bean the models read the approval round from ({@code ${approvalRound…}}). */
    public static final ApprovalRound ROUND = new ApprovalRound();

    public static TaskListener recordDecision(ApprovalSettings settings) {
        return new RecordDecisionListener(List.of(new ApprovalDecisions(settings, ROUND)));
    }

    public static TaskListener showApprovals(ApprovalSettings settings) {
        return new ShowApprovalsListener(settings);
    }

    /** The control step's text of these approvals. */
    public static String said(List<ApprovalRecords.Approval> approvals) {
        return ShowApprovalsListener.said(approvals);
    }

    public static JavaDelegate planApprovals(ApprovalSettings settings) {
        return new PlanApprovalsDelegate(settings, ROUND);
    }
}
