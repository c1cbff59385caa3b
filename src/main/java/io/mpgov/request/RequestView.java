package io.mpgov.request;

import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * A request as its requester and the auditor see it: where it stands and every decision taken, by
 * whom, when, under which policy version.
 *
 * @param state        ACTIVE, COMPLETED, EXTERNALLY_TERMINATED or INTERNALLY_TERMINATED (Camunda's)
 * @param waitingIn    names of the steps the request is in now
 * @param outcome      id of the end event reached, once completed
 * @param details      the submitted form and what the process learned (change set id, errors)
 */
public record RequestView(
        String requestId,
        String processInstanceId,
        String state,
        String startedBy,
        Date startedAt,
        Date endedAt,
        List<String> waitingIn,
        String outcome,
        Map<String, Object> details,
        List<Decision> decisions,
        List<PolicyEvaluation> policies) {

    /** A person's decision on a review or approval task. */
    public record Decision(
            String task, String taskName, String decision, String comment, String decidedBy, Date decidedAt) {}

    /** A DMN decision the process evaluated: which table, which version, what it said. */
    public record PolicyEvaluation(
            String decision, int version, String versionTag, Date evaluatedAt, List<Map<String, Object>> outputs) {}
}
