package io.mpgov.review;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;

/** The review listener and delegates for process tests of other features, on default settings. */
public final class ReviewTestListeners {

    private ReviewTestListeners() {
    }

    /** The bean the models read the approval round from ({@code ${approvalRound…}}). */
    public static final ApprovalRound ROUND = new ApprovalRound();

    public static TaskListener recordDecision(ApprovalSettings settings) {
        return new RecordDecisionListener(settings, ROUND);
    }

    public static JavaDelegate planApprovals(ApprovalSettings settings) {
        return new PlanApprovalsDelegate(settings, ROUND);
    }
}
