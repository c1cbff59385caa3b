package io.mpgov.decision;

import java.util.Date;
import java.util.Optional;

/**
 * What a process adds to the guard on its tasks that stand for an approval kind (procurement's
 * approvals): its own separation-of-duties rules and the records a decision changes. The guard calls
 * every contribution in the engine's transaction, after its own checks passed.
 */
public interface DecisionContribution {

    /**
     * A decision the guard accepted so far.
     *
     * @param kind       the approval kind mpgov recorded for the task when it was created
     * @param submission what was submitted, as mpgov recorded it (none for processes without one)
     */
    record Decided(
            String processInstanceId,
            String businessKey,
            String kind,
            String decision,
            String user,
            Date at,
            Optional<Submissions.Submission> submission) {

        public boolean approves() {
            return "APPROVE".equals(decision);
        }
    }

    /** Refuses the decision, with a {@link FourEyesViolationException}, where this process's rules forbid it. */
    void check(Decided decided);

    /** Keeps what the decision changes in this process's own records. */
    void record(Decided decided);
}
