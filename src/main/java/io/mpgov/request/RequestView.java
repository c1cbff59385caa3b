package io.mpgov.request;

import io.mpgov.agreement.AgreementAttempts;
import io.mpgov.request.approval.ApprovalRecords;
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
 * @param status       where it stands, in words: "Waiting for approval (finance)", "Completed: product added to the PMP"
 * @param waitingFor   its open tasks: who may work each, since when
 * @param awsChanges   what it changed in AWS: the agreement it was verified against, change sets, license grants
 * @param mails        the mails it sent (the notify steps that completed): which, to whom, when
 * @param approvals    private offers: each approval the matrix required (and any given that is no longer
 *                     required), who gave it and when, from mpgov's approval records
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
        List<PolicyEvaluation> policies,
        String status,
        List<Waiting> waitingFor,
        AwsChanges awsChanges,
        List<MailSent> mails,
        List<ApprovalRecords.Approval> approvals) {

    /** A person's decision on a review or approval task. */
    public record Decision(
            String task, String taskName, String decision, String comment, String decidedBy, Date decidedAt) {}

    /**
     * An open task of the request.
     *
     * @param candidateGroups the groups whose members may claim it
     * @param tasklistUrl     the task in Tasklist, for a caller who may work it (else null)
     */
    public record Waiting(
            String taskId,
            String task,
            String taskName,
            List<String> candidateGroups,
            List<String> candidateUsers,
            String assignee,
            Date since,
            Date due,
            String tasklistUrl) {}

    /**
     * @param agreement         the Marketplace agreement the offer was accepted with (private offers), else null
     * @param changeSets        one per Private Marketplace change (catalog-change), oldest first
     * @param grants            every License Manager write and notice of the request's distributions
     * @param agreementAttempts every agreement id the procurement manager entered, first first, with the check's
     *                          outcome (ACCEPTED, REFUSED with the reason, null while unchecked)
     */
    public record AwsChanges(
            Agreement agreement,
            List<ChangeSet> changeSets,
            List<Grant> grants,
            List<AgreementAttempts.Attempt> agreementAttempts) {}

    public record Agreement(String agreementId, Boolean verified, Date endDate, Boolean autoRenew, String problem) {}

    /** @param status the change set's last status as AWS gave it (SUCCEEDED, FAILED, …), null while it starts */
    public record ChangeSet(
            String experienceId,
            String changeSetId,
            String status,
            String errors,
            String processState,
            Date startedAt,
            Date endedAt) {}

    /** @param outcome created, activated, revoked, pending acceptance, failed, not shared, unchanged */
    public record Grant(String outcome, String grantee, String licenseArn, String grantArn, String reason, Date at) {}

    /**
     * @param about      the step that sent it ("Tell requester: request submitted")
     * @param recipients user ids and {@code group:<id>} entries, as the step named them
     */
    public record MailSent(String template, String about, List<String> recipients, Date sentAt) {}

    /** A DMN decision the process evaluated: which table, which version, what it said. */
    public record PolicyEvaluation(
            String decision, int version, String versionTag, Date evaluatedAt, List<Map<String, Object>> outputs) {}
}
