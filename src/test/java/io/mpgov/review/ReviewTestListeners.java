package io.mpgov.review;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;

/** The review listener and delegates for process tests of other features, on default settings. */
public final class ReviewTestListeners {

    private ReviewTestListeners() {
    }

    public static TaskListener recordDecision(ApprovalSettings settings) {
        return new RecordDecisionListener(settings);
    }

    public static JavaDelegate planApprovals(ApprovalSettings settings) {
        return new PlanApprovalsDelegate(settings);
    }
}
