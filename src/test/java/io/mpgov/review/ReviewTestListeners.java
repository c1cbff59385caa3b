package io.mpgov.review;

import org.camunda.bpm.engine.delegate.TaskListener;

/** The review listener for process tests of other features. */
public final class ReviewTestListeners {

    private ReviewTestListeners() {
    }

    public static TaskListener recordDecision() {
        return new RecordDecisionListener();
    }
}
