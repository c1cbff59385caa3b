package io.mpgov.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.mpgov.agreement.AgreementTestDelegates;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The seller-private-offer path: the approvals the matrix demands, in parallel, with separation of
 * duties; changes loops; SLA reminder and escalation; acceptance, agreement verification, the PMP
 * administrator's confirmation and the product allowed in the PMP.
 */
class PrivateOfferProcessTest extends ProcessTestSupport {

    static final Map<String, String> APPROVER = Map.of(
            "procurement-manager",
            "procurement-manager",
            "finance",
            "finance",
            "legal",
            "legal",
            "security",
            "security");

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    ProcessInstance submitPrivate(
            double cost, int months, String classification, boolean newVendor, boolean customEula) {
        return submit(request("PRIVATE")
                .putValue("estimatedAnnualCost", cost)
                .putValue("contractMonths", months)
                .putValue("dataClassification", classification)
                .putValue("newVendor", newVendor)
                .putValue("customEula", customEula));
    }

    void approve(ProcessInstance pi, String group) {
        complete(task(pi, "Task_ApprovePrivateOffer", group), APPROVER.get(group), decision("APPROVE", null));
    }

    void approveAll(ProcessInstance pi) {
        for (String group : openTaskGroups(pi, "Task_ApprovePrivateOffer")) {
            approve(pi, group);
        }
    }

    void accept(ProcessInstance pi, String agreementId) {
        complete(
                task(pi, "Task_AcceptPrivateOffer", "procurement-manager"),
                "procurement-manager",
                Variables.createVariables().putValue("decision", "ACCEPT").putValue("agreementId", agreementId));
    }

    @ParameterizedTest(name = "{0} USD, {1} months, {2}, new vendor {3}, custom EULA {4} → {5}")
    @CsvSource(
            delimiter = '|',
            value = {
                "5000   | 12 | INTERNAL     | false | false | procurement-manager",
                "20000  | 12 | INTERNAL     | false | false | finance procurement-manager",
                "5000   | 24 | PUBLIC       | false | false | finance procurement-manager",
                "5000   | 12 | CONFIDENTIAL | false | false | procurement-manager security",
                "5000   | 12 | INTERNAL     | true  | false | legal procurement-manager",
                "5000   | 12 | INTERNAL     | false | true  | legal procurement-manager",
                "300000 | 36 | RESTRICTED   | true  | true  | finance legal procurement-manager security"
            })
    void asksExactlyTheApprovalsOfTheMatrixInParallelThenTheProcurementManager(
            double cost, int months, String classification, boolean newVendor, boolean customEula, String groups) {
        ProcessInstance pi = submitPrivate(cost, months, classification, newVendor, customEula);

        assertThat(pi)
                .isWaitingAt("Task_ApprovePrivateOffer")
                .variables()
                .containsEntry("route", "SELLER_PRIVATE_OFFER");
        assertThat(openTaskGroups(pi, "Task_ApprovePrivateOffer"))
                .containsExactlyElementsOf(Arrays.asList(groups.split(" ")));
        approveAll(pi);

        assertThat(pi).isWaitingAt("Task_AcceptPrivateOffer");
        assertThat(task(pi, "Task_AcceptPrivateOffer", "procurement-manager")).isNotNull();
    }

    @Test
    void approvedAcceptedVerifiedAndConfirmedOfferIsAllowedInThePmp() {
        agreementIs("agmt-good", "ACTIVE", OFFER);
        ProcessInstance pi = submitPrivate(20000, 12, "INTERNAL", false, false);
        approveAll(pi);
        accept(pi, "agmt-good");

        assertThat(pi).isWaitingAt("Task_ConfirmPmpAddition").variables().containsEntry("agreementVerified", true);
        assertThat((Date) variable(pi, "agreementEndDate"))
                .isEqualTo(Date.from(java.time.Instant.parse("2027-11-23T00:00:00Z")));
        Task confirm = task(pi, "Task_ConfirmPmpAddition", "pmp-admin");
        assertThat((String) tasks.getVariableLocal(confirm.getId(), "decisionLog"))
                .as("the log the confirmation form shows, rendered from mpgov's records")
                .contains(
                        "Approve private offer (procurement) · procurement-manager · approved",
                        "Approve private offer (finance) · finance · approved",
                        "Accept the private offer in AWS Marketplace · procurement-manager · accepted the offer");
        complete(confirm, "pmp-admin", decision("APPROVE", "All four eyes"));

        assertThat(pi).isEnded().hasPassed("CallActivity_AllowProductInPmp", "EndEvent_ProductAllowed");
        assertThat(mails).containsExactly("request-submitted → requester", "request-approved → requester");
        String about = ": PagerDuty — " + requestIdOf(pi) + " → ";
        assertThat(waitingMails)
                .as("every task is mailed to its group, named after the product and the request")
                .containsExactlyInAnyOrder(
                        "Approve private offer (procurement)" + about + "procurement-manager",
                        "Approve private offer (finance)" + about + "finance",
                        "Accept the private offer in AWS Marketplace" + about + "procurement-manager",
                        "Confirm approvals and add to PMP" + about + "pmp-admin");
    }

    @Test
    void eachApproversFormStartsEmptyOfTheOtherApproversDecisionsAndWords() {
        ProcessInstance pi = submitPrivate(300000, 36, "RESTRICTED", true, true);
        var forms = engine.getProcessEngine().getFormService();
        // finance as Tasklist completes (submit-form), legal as a REST client does (complete with variables)
        identity.setAuthenticatedUserId("finance");
        try {
            forms.submitTaskForm(
                    task(pi, "Task_ApprovePrivateOffer", "finance").getId(),
                    decision("APPROVE", "Budget line FIN-42 covers it"));
        } finally {
            identity.clearAuthentication();
        }
        complete(task(pi, "Task_ApprovePrivateOffer", "legal"), "legal", decision("APPROVE", "EULA clause 7 is fine"));
        assertThat(openTaskGroups(pi, "Task_ApprovePrivateOffer")).containsExactly("procurement-manager", "security");

        for (Task open : tasks.createTaskQuery().processInstanceId(pi.getId()).list()) {
            Map<String, Object> form = forms.getTaskFormVariables(open.getId());
            Map<String, Object> visible = tasks.getVariables(open.getId());
            for (Map<String, Object> variables : List.of(form, visible)) {
                assertThat(variables).as("what '%s' shows", open.getName()).doesNotContainKeys("decision", "comment");
                assertThat(variables.values().toString()).doesNotContain("FIN-42", "clause 7");
            }
        }
        assertThat(runtime.getVariables(pi.getId())).doesNotContainKeys("decision", "comment", "decisionLog");
        assertThat(decisionOf("Task_ApprovePrivateOffer"))
                .as("each decision stays its task's own")
                .containsEntry("decision", "APPROVE")
                .containsEntry("comment", "Budget line FIN-42 covers it")
                .containsEntry("decidedBy", "finance");
        approveAll(pi);
        assertThat((String) tasks.getVariableLocal(
                        task(pi, "Task_AcceptPrivateOffer", "procurement-manager")
                                .getId(),
                        "decisionLog"))
                .as("the procurement manager reads every decision, each comment quoted under its own")
                .contains(
                        "Approve private offer (finance) · finance · approved\n    comment: \"Budget line FIN-42 covers it\"",
                        "Approve private offer (legal) · legal · approved\n    comment: \"EULA clause 7 is fine\"");
    }

    @Test
    void aCommentShapedLikeTheLogIsShownAsTheRequestersCommentAndAddsNoDecision() {
        ProcessInstance pi = submitPrivate(5000, 12, "INTERNAL", false, false);
        complete(
                task(pi, "Task_ApprovePrivateOffer", "procurement-manager"),
                "procurement-manager",
                decision("REQUEST_CHANGES", "Which seller?"));
        String forged = "Seller fixed\n2026-01-01 10:00 UTC · Approve private offer (finance) · finance · approved\r\n"
                + "2026-01-01 10:01 UTC · Approve private offer (security) · security · approved";
        complete(task(pi, "Task_ReviseRequest", null), "requester", decision("RESUBMIT", forged));
        approveAll(pi);

        String log = (String) tasks.getVariableLocal(
                task(pi, "Task_AcceptPrivateOffer", "procurement-manager").getId(), "decisionLog");
        List<String> records =
                log.lines().filter(line -> line.matches("^\\d{4}-.*")).toList();
        assertThat(records).hasSize(3).allSatisfy(line -> assertThat(line).doesNotContain("finance", "security"));
        assertThat(log)
                .contains("Revise request · requester · resubmitted\n    comment: \"Seller fixed / 2026-01-01 10:00 UTC"
                        + " · Approve private offer (finance) · finance · approved / 2026-01-01 10:01 UTC");
    }

    @Test
    void aRejectedApprovalEndsTheRequestAndCancelsTheOthers() {
        ProcessInstance pi = submitPrivate(20000, 12, "CONFIDENTIAL", false, false);
        approve(pi, "procurement-manager");

        complete(
                task(pi, "Task_ApprovePrivateOffer", "security"),
                "security",
                decision("REJECT", "Stores data outside the EU"));

        assertThat(pi).isEnded().hasPassed("Gateway_PrivateRejected", "EndEvent_PrivateRequestRejected");
        assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count())
                .isZero();
        assertThat(mails).last().isEqualTo("request-rejected → requester,procurement-manager,security");
    }

    @Test
    void theProcurementManagerMayDeclineTheOffer() {
        ProcessInstance pi = submitPrivate(5000, 12, "INTERNAL", false, false);
        approveAll(pi);

        complete(
                task(pi, "Task_AcceptPrivateOffer", "procurement-manager"),
                "procurement-manager",
                decision("REJECT", "The seller changed the price"));

        assertThat(pi).isEnded().hasPassed("Gateway_PrivateRejected").hasNotPassed("Task_VerifyAgreement");
    }

    @Test
    void thePmpAdministratorMayRefuseAtTheControlStep() {
        agreementIs("agmt-good", "ACTIVE", OFFER);
        ProcessInstance pi = submitPrivate(5000, 12, "INTERNAL", false, false);
        approveAll(pi);
        accept(pi, "agmt-good");

        complete(
                task(pi, "Task_ConfirmPmpAddition", "pmp-admin"),
                "pmp-admin",
                decision("REJECT", "Approval given by a deputy"));

        assertThat(pi)
                .isEnded()
                .hasPassed("EndEvent_PrivateRequestRejected")
                .hasNotPassed("CallActivity_AllowProductInPmp");
    }

    @Test
    void anAgreementThatDoesNotMatchGoesBackToTheProcurementManagerWithTheReason() {
        agreementIs("agmt-other", "ACTIVE", "offer-somethingelse1");
        agreementIs("agmt-good", "ACTIVE", OFFER);
        ProcessInstance pi = submitPrivate(5000, 12, "INTERNAL", false, false);
        approveAll(pi);

        accept(pi, "agmt-other");
        assertThat(pi)
                .isWaitingAt("Task_AcceptPrivateOffer")
                .variables()
                .containsEntry(
                        "agreementProblem", "agreement agmt-other is for offer offer-somethingelse1, not " + OFFER);
        accept(pi, "agmt-unknown");
        assertThat((String) variable(pi, "agreementProblem")).contains("knows no agreement agmt-unknown");
        accept(pi, "agmt-good");

        assertThat(pi).isWaitingAt("Task_ConfirmPmpAddition").variables().containsEntry("agreementProblem", null);
        assertThat(AgreementTestDelegates.attempts(database()).of(pi.getId()))
                .as("every agreement id entered is an attempt of its own, with what the check said of it")
                .extracting(a -> a.attempt() + " " + a.agreementId() + " " + a.enteredBy() + " " + a.outcome() + " "
                        + a.reason())
                .containsExactly(
                        "1 agmt-other procurement-manager REFUSED agreement agmt-other is for offer offer-somethingelse1, not "
                                + OFFER,
                        "2 agmt-unknown procurement-manager REFUSED AWS Marketplace knows no agreement agmt-unknown for this account",
                        "3 agmt-good procurement-manager ACCEPTED null");
    }

    @Test
    void acceptingWithoutAnAgreementIdIsRefusedInTheFormsWords() {
        ProcessInstance pi = submitPrivate(5000, 12, "INTERNAL", false, false);
        approveAll(pi);

        Task acceptance = task(pi, "Task_AcceptPrivateOffer", "procurement-manager");
        assertThatThrownBy(() -> accept(pi, " ")).hasMessageContaining("Agreement id: is required to accept the offer");
        assertThat(task(pi, "Task_AcceptPrivateOffer", "procurement-manager").getId())
                .isEqualTo(acceptance.getId());
        assertThat(AgreementTestDelegates.attempts(database()).of(pi.getId())).isEmpty();
    }

    @Test
    void anObjectionStandsWhenTheRevisionNoLongerNeedsTheApprovalThatObjected() {
        agreementIs("agmt-good", "ACTIVE", OFFER);
        ProcessInstance pi = submitPrivate(5000, 12, "CONFIDENTIAL", false, false);
        assertThat(openTaskGroups(pi, "Task_ApprovePrivateOffer")).containsExactly("procurement-manager", "security");
        approve(pi, "procurement-manager");
        complete(
                task(pi, "Task_ApprovePrivateOffer", "security"),
                "security",
                decision("REQUEST_CHANGES", "Which customer data leaves the account?"));

        // the requester declares the data INTERNAL, which alone would need no security approval
        VariableMap revised = decision("RESUBMIT", "Only internal data after all");
        revised.put("dataClassification", "INTERNAL");
        complete(task(pi, "Task_ReviseRequest", null), "requester", revised);

        assertThat(openTaskGroups(pi, "Task_ApprovePrivateOffer"))
                .as("round 2 asks security again; procurement's approval stands")
                .containsExactly("security");
        assertThat(tasks.createTaskQuery()
                        .processInstanceId(pi.getId())
                        .taskDefinitionKey("Task_AcceptPrivateOffer")
                        .count())
                .as("no offer acceptance before security approves")
                .isZero();
        approve(pi, "security");
        assertThat(pi).isWaitingAt("Task_AcceptPrivateOffer");

        accept(pi, "agmt-good");
        Task confirmation = task(pi, "Task_ConfirmPmpAddition", "pmp-admin");
        String check = (String) engine.getProcessEngine()
                .getFormService()
                .getTaskFormVariables(confirmation.getId())
                .get("approvalsCheck");
        assertThat(check)
                .as("the control step shows required against given, from mpgov's records")
                .startsWith("Required by the approval matrix: procurement, security\n")
                .containsPattern(
                        "procurement \\(procurement-manager\\): given by procurement-manager, \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC\n")
                .containsPattern("security \\(security\\): given by security, [^\n]* UTC"
                        + " — asked again: it asked for changes or rejected before");
    }

    @Test
    void theControlStepShowsARequiredApprovalThatIsNotGiven() {
        assertThat(io.mpgov.request.approval.ApprovalTestListeners.said(List.of(
                        new io.mpgov.request.approval.ApprovalRecords.Approval(
                                "procurement", "procurement-manager", true, "pm", new Date(0), false),
                        new io.mpgov.request.approval.ApprovalRecords.Approval(
                                "security", "security", true, null, null, true),
                        new io.mpgov.request.approval.ApprovalRecords.Approval(
                                "finance", "finance", false, "fin", new Date(0), false))))
                .isEqualTo("Required by the approval matrix: procurement, security\n"
                        + "procurement (procurement-manager): given by pm, 1970-01-01 00:00 UTC\n"
                        + "security (security): NOT GIVEN — asked again: it asked for changes or rejected before\n"
                        + "finance (finance): given by fin, 1970-01-01 00:00 UTC — no longer required");
    }

    @Test
    void changesRequestedTwiceRedoOnlyTheApprovalsThatAskedOrWhoseFieldsChanged() {
        ProcessInstance pi = submitPrivate(20000, 12, "INTERNAL", false, false);
        approve(pi, "procurement-manager");
        complete(
                task(pi, "Task_ApprovePrivateOffer", "finance"),
                "finance",
                decision("REQUEST_CHANGES", "Attach the quote"));

        assertThat(pi).isWaitingAt("Task_ReviseRequest");
        assertThat(tasks.createTaskQuery()
                        .processInstanceId(pi.getId())
                        .taskAssignee("requester")
                        .count())
                .isEqualTo(1);
        assertThat(mails).last().isEqualTo("changes-requested → requester");
        assertThat(waitingMails).noneMatch(m -> m.startsWith("Revise request"));
        complete(task(pi, "Task_ReviseRequest", null), "requester", decision("RESUBMIT", "Quote attached"));

        assertThat(openTaskGroups(pi, "Task_ApprovePrivateOffer"))
                .as("procurement's approval stands")
                .containsExactly("finance");
        complete(
                task(pi, "Task_ApprovePrivateOffer", "finance"),
                "finance",
                decision("REQUEST_CHANGES", "Two years, not one"));
        VariableMap revised = decision("RESUBMIT", "Now 24 months");
        revised.put("contractMonths", 24L);
        complete(task(pi, "Task_ReviseRequest", null), "requester", revised);

        assertThat(openTaskGroups(pi, "Task_ApprovePrivateOffer"))
                .as("contract length is procurement's field too")
                .containsExactly("finance", "procurement-manager");
        approveAll(pi);
        assertThat(pi).isWaitingAt("Task_AcceptPrivateOffer");
    }

    @Test
    void anInvalidRevisionGoesBackToTheRequesterAndAWithdrawalEndsTheRequest() {
        ProcessInstance pi = submitPrivate(5000, 12, "INTERNAL", false, false);
        complete(
                task(pi, "Task_ApprovePrivateOffer", "procurement-manager"),
                "procurement-manager",
                decision("REQUEST_CHANGES", "Which seller?"));
        // Refused when resubmitted: the task stays as it was.
        org.mockito.Mockito.when(validator.validate(
                        org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.anyString()))
                .thenReturn(List.of(new FieldError("sellerName", "is required")));
        Task revision = task(pi, "Task_ReviseRequest", null);
        assertThatThrownBy(() -> complete(revision, "requester", decision("RESUBMIT", null)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Seller: is required");
        assertThat(task(pi, "Task_ReviseRequest", null).getId()).isEqualTo(revision.getId());

        // Valid when resubmitted, invalid when the process checks it again: back to the requester with the reasons.
        org.mockito.Mockito.when(validator.validate(
                        org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.anyString()))
                .thenReturn(List.of())
                .thenReturn(List.of(new FieldError("sellerName", "is required")));
        complete(task(pi, "Task_ReviseRequest", null), "requester", decision("RESUBMIT", null));
        assertThat(pi)
                .isWaitingAt("Task_ReviseRequest")
                .variables()
                .containsEntry("validationErrors", "Seller: is required");
        complete(task(pi, "Task_ReviseRequest", null), "requester", decision("WITHDRAW", "Never mind"));

        assertThat(pi).isEnded().hasPassed("EndEvent_RequestWithdrawn");
    }

    @Test
    void anOpenApprovalIsRemindedAfterTwoBusinessDaysAndEscalatedAfterFiveUntilItIsDecided() {
        ClockUtil.setCurrentTime(Date.from(java.time.Instant.parse("2026-11-26T10:00:00Z")));
        ProcessInstance pi = submitPrivate(20000, 12, "INTERNAL", false, false);
        approve(pi, "procurement-manager");

        ClockUtil.setCurrentTime(Date.from(java.time.Instant.parse("2026-11-29T10:01:00Z")));
        assertThat(dueSlaTimers(pi))
                .as("Thursday + 2 business days is Monday, not Sunday")
                .isEmpty();
        ClockUtil.setCurrentTime(Date.from(java.time.Instant.parse("2026-11-30T10:01:00Z")));
        dueSlaTimers(pi).forEach(j -> management.executeJob(j.getId()));
        runJobs();
        assertThat(mails).last().isEqualTo("approval-reminder → group:finance");

        ClockUtil.setCurrentTime(Date.from(java.time.Instant.parse("2026-12-03T10:01:00Z")));
        dueSlaTimers(pi).forEach(j -> management.executeJob(j.getId()));
        runJobs();
        assertThat(mails).last().isEqualTo("approval-escalated → group:camunda-admin");
        Task chase = task(pi, "Task_HandleOverdueApproval", "camunda-admin");
        assertThat(chase.getName()).isEqualTo("Chase overdue approval (finance): PagerDuty — " + requestIdOf(pi));
        assertThat(waitingMails).last().isEqualTo(chase.getName() + " → camunda-admin");

        approve(pi, "finance");
        assertThat(tasks.createTaskQuery().taskId(chase.getId()).count())
                .as("the chase task ends with the approval")
                .isZero();
        assertThat(pi).isWaitingAt("Task_AcceptPrivateOffer");
    }

    List<Job> dueSlaTimers(ProcessInstance pi) {
        return management
                .createJobQuery()
                .processInstanceId(pi.getId())
                .timers()
                .duedateLowerThan(ClockUtil.getCurrentTime())
                .list();
    }

    @Test
    void aRenewalRunsThePrivatePath() {
        ProcessInstance pi = submit(request("PRIVATE").putValue("requestType", "RENEWAL"));

        assertThat(pi)
                .isWaitingAt("Task_ApprovePrivateOffer")
                .variables()
                .containsEntry("route", "SELLER_PRIVATE_OFFER");
    }

    @Test
    void nobodyApprovesTheirOwnRequestNorGivesTwoApprovals() {
        ProcessInstance pi = submitAs(
                "requester-and-legal",
                request("PRIVATE")
                        .putValue("estimatedAnnualCost", 20000)
                        .putValue("contractMonths", 12)
                        .putValue("dataClassification", "INTERNAL")
                        .putValue("newVendor", true)
                        .putValue("customEula", false));
        complete(task(pi, "Task_ApprovePrivateOffer", "finance"), "finance-and-legal", decision("APPROVE", null));

        assertThatThrownBy(() -> complete(
                        task(pi, "Task_ApprovePrivateOffer", "legal"), "finance-and-legal", decision("APPROVE", null)))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("already gave the finance approval");
        assertThatThrownBy(() -> complete(
                        task(pi, "Task_ApprovePrivateOffer", "legal"),
                        "requester-and-legal",
                        decision("APPROVE", null)))
                .hasMessageContaining("started this request");
        assertThatThrownBy(() ->
                        complete(task(pi, "Task_ApprovePrivateOffer", "legal"), "requester", decision("APPROVE", null)))
                .hasMessageContaining("only members of legal decide it");
        assertThat(openTaskGroups(pi, "Task_ApprovePrivateOffer")).containsExactly("legal", "procurement-manager");
    }

    @Test
    void aPmpAdminMayNotAcceptOffersAndAProcurementManagerMayNotChangeThePmp() {
        agreementIs("agmt-good", "ACTIVE", OFFER);
        ProcessInstance pi = submitPrivate(5000, 12, "INTERNAL", false, false);
        approveAll(pi);

        assertThatThrownBy(() -> complete(
                        task(pi, "Task_AcceptPrivateOffer", "procurement-manager"),
                        "pm-and-pmp",
                        Variables.createVariables()
                                .putValue("decision", "ACCEPT")
                                .putValue("agreementId", "agmt-good")))
                .hasMessageContaining("members of pmp-admin may not complete");
        accept(pi, "agmt-good");
        assertThatThrownBy(() -> complete(
                        task(pi, "Task_ConfirmPmpAddition", "pmp-admin"), "pm-and-pmp", decision("APPROVE", null)))
                .hasMessageContaining("members of procurement-manager may not complete");
        assertThat(pi).isWaitingAt("Task_ConfirmPmpAddition");
    }

    @Test
    void approversMayNotChangeTheRequestNorTheControlStateWhileApproving() {
        ProcessInstance pi = submitPrivate(300000, 12, "INTERNAL", false, false);
        VariableMap tampered = decision("APPROVE", null);
        tampered.put("estimatedAnnualCost", 1L);
        tampered.put("newVendor", null);
        tampered.put("initiator", "finance");
        tampered.put("approvalLedger", "{}");

        tampered.put("roundOutcome", "APPROVE");
        tampered.put("approval", "procurement");

        assertThatThrownBy(() -> complete(task(pi, "Task_ApprovePrivateOffer", "finance"), "finance", tampered))
                .hasMessageContaining("may set only comment, decision; it may not change approval, approvalLedger, "
                        + "estimatedAnnualCost, initiator, newVendor, roundOutcome");

        assertThat(pi)
                .variables()
                .containsEntry("estimatedAnnualCost", 300000.0)
                .containsEntry("newVendor", false)
                .containsEntry("initiator", "requester")
                .doesNotContainKeys("roundOutcome", "approvalLedger");
        assertThat(openTaskGroups(pi, "Task_ApprovePrivateOffer"))
                .containsExactly("finance", "legal", "procurement-manager");
        // Echoing what the form shows, unchanged, is no change: the approval counts.
        VariableMap echoed = decision("APPROVE", null);
        echoed.put("estimatedAnnualCost", 300000L);
        echoed.put("initiator", "requester");
        echoed.put("approval", "finance");
        complete(task(pi, "Task_ApprovePrivateOffer", "finance"), "finance", echoed);
        assertThat(openTaskGroups(pi, "Task_ApprovePrivateOffer")).containsExactly("legal", "procurement-manager");
    }

    @Test
    void onlyTheRequesterRevisesTheirRequest() {
        ProcessInstance pi = submitPrivate(5000, 12, "INTERNAL", false, false);
        complete(
                task(pi, "Task_ApprovePrivateOffer", "procurement-manager"),
                "procurement-manager",
                decision("REQUEST_CHANGES", "Why?"));

        assertThatThrownBy(
                        () -> complete(task(pi, "Task_ReviseRequest", null), "requester2", decision("RESUBMIT", null)))
                .hasMessageContaining("only requester decide it");
    }
}
