package io.mpgov.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.mpgov.catalog.ChangeSetStatus;
import io.mpgov.catalog.ProductChange;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** Every path of procurement-request for public self-service offers, and what every request goes through first. */
class ProcurementRequestProcessTest extends ProcessTestSupport {

    ProcessInstance submit(String offerType) {
        return submit(request(offerType));
    }

    void decide(ProcessInstance pi, String user, String decision, String comment) {
        complete(
                tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult(),
                user,
                decision(decision, comment));
    }

    @Test
    void approvedPublicOfferIsAllowedInThePmpAndTheRequesterIsTold() {
        ProcessInstance pi = submit("PUBLIC");

        assertThat(pi)
                .isWaitingAt("Task_ReviewPublicOffer")
                .hasPassed("Task_RouteOffer")
                .variables()
                .containsEntry("route", "PUBLIC_SELF_SERVICE")
                .containsEntry("requestId", requestIdOf(pi))
                .containsEntry("targetAccountIds", "310987654321,310987654322");
        assertThat(requestIdOf(pi)).matches("PR-[2-9A-Z]{8}");
        assertThat(tasks.createTaskQuery()
                        .processInstanceId(pi.getId())
                        .taskCandidateGroup("pmp-admin")
                        .singleResult()
                        .getName())
                .as("Tasklist lists the product and the request")
                .isEqualTo("Review public offer: PagerDuty — " + requestIdOf(pi));
        assertThat(waitingMails)
                .as("the PMP admins are told that the review waits for them")
                .containsExactly("Review public offer: PagerDuty — " + requestIdOf(pi) + " → pmp-admin");

        decide(pi, "pmp-admin", "APPROVE", "Useful");

        assertThat(pi)
                .isEnded()
                .hasPassedInOrder(
                        "Task_ReviewPublicOffer",
                        "CallActivity_AllowProductInPmp",
                        "Task_NotifyRequesterApproved",
                        "EndEvent_ProductAllowed");
        assertThat(mails).containsExactly("request-submitted → requester", "request-approved → requester");
        ArgumentCaptor<ProductChange> change = ArgumentCaptor.forClass(ProductChange.class);
        verify(catalog).startProductChange(change.capture());
        assertThat(change.getValue().type()).isEqualTo(ProductChange.Type.ALLOW);
        assertThat(change.getValue().productIds()).containsExactly("prod-pagerduty0001");
        assertThat(change.getValue().clientToken()).isEqualTo(requestIdOf(pi) + "-allow-0");
        assertThat(decisionOf("Task_ReviewPublicOffer"))
                .containsEntry("decision", "APPROVE")
                .containsEntry("comment", "Useful")
                .containsEntry("decidedBy", "pmp-admin")
                .containsKey("decidedAt");
        assertThat(engine.getHistoryService()
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(pi.getId())
                        .variableName("changeSetId")
                        .singleResult()
                        .getValue())
                .isEqualTo("cs-1");
        assertThat(inventory.find("prod-pagerduty0001")).get().satisfies(p -> {
            assertThat(p.origin()).isEqualTo("MPGOV");
            assertThat(p.offerType()).isEqualTo("PUBLIC");
            assertThat(p.requestId()).isEqualTo(requestIdOf(pi));
            assertThat(p.requester()).isEqualTo("requester");
        });
    }

    @Test
    void rejectedPublicOfferTellsTheRequesterWhy() {
        ProcessInstance pi = submit("PUBLIC");

        decide(pi, "pmp-admin", "REJECT", "We already have Opsgenie");

        assertThat(pi)
                .isEnded()
                .hasPassed("Task_NotifyRequesterRejected", "EndEvent_RequestRejected")
                .hasNotPassed("CallActivity_AllowProductInPmp");
        assertThat(mails).containsExactly("request-submitted → requester", "request-rejected → requester,pmp-admin");
        assertThat(decisionOf("Task_ReviewPublicOffer")).containsEntry("decision", "REJECT");
    }

    @Test
    void rejectionWithoutAReasonOrAnUnknownDecisionIsRefusedAndTheTaskStaysOpen() {
        ProcessInstance pi = submit("PUBLIC");

        assertThatThrownBy(() -> decide(pi, "pmp-admin", "REJECT", " "))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("needs a comment");
        assertThatThrownBy(() -> decide(pi, "pmp-admin", "REQUEST_CHANGES", "not offered here"))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("one of APPROVE, REJECT");
        assertThat(pi).isWaitingAt("Task_ReviewPublicOffer");
    }

    @Test
    void theRequesterMayNotReviewTheirOwnRequest() {
        ProcessInstance pi = submitAs("requester-and-pmp", request("PUBLIC"));

        assertThatThrownBy(() -> decide(pi, "requester-and-pmp", "APPROVE", null))
                .isInstanceOf(AuthorizationException.class)
                .hasMessageContaining("Four-eyes");
        assertThatThrownBy(() -> decide(pi, "requester", "APPROVE", null))
                .isInstanceOf(AuthorizationException.class)
                .hasMessageContaining("only members of pmp-admin decide it");
        assertThat(pi).isWaitingAt("Task_ReviewPublicOffer");
    }

    @Test
    void anInvalidRequestIsRefusedInTheFormsWordsAndNothingStarts() {
        when(validator.validate(any(), anyString()))
                .thenReturn(List.of(new FieldError("productId", "request PR-X is still open")));

        assertThatThrownBy(() -> submit("PUBLIC"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Product id: request PR-X is still open");

        assertThat(history.createHistoricProcessInstanceQuery().count()).isZero();
        assertThat(mails).isEmpty();
    }

    @Test
    void aRequestThatTurnsInvalidAfterItsSubmissionIsTurnedAwayWithTheReasonsAndNothingIsChanged() {
        // Valid when submitted; by the time the process checks it again, another request for the product is open.
        when(validator.validate(any(), anyString()))
                .thenReturn(List.of())
                .thenReturn(List.of(new FieldError("productId", "request PR-X is still open")));

        ProcessInstance pi = submit("PUBLIC");

        assertThat(pi)
                .isEnded()
                .hasPassed("Event_RequestInvalid", "Task_NotifyRequestInvalid", "EndEvent_RequestInvalid")
                .hasNotPassed("Task_RouteOffer");
        assertThat(mails).containsExactly("request-invalid → requester");
        assertThat(engine.getHistoryService()
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(pi.getId())
                        .variableName("validationErrors")
                        .singleResult()
                        .getValue())
                .isEqualTo("Product id: request PR-X is still open");
    }

    @Test
    void aProductLeftWithoutTitleAndSellerTakesThemFromItsListing() {
        when(catalog.listing(PRODUCT))
                .thenReturn(java.util.Optional.of(new io.mpgov.catalog.CatalogPort.Listing(
                        PRODUCT, "PagerDuty", "PagerDuty Inc.", "SaaSProduct@1.0")));
        var variables = request("PUBLIC");
        variables.remove("productTitle");
        variables.put("sellerName", "");

        ProcessInstance pi = submit(variables);

        assertThat(pi)
                .isWaitingAt("Task_ReviewPublicOffer")
                .variables()
                .containsEntry("productTitle", "PagerDuty")
                .containsEntry("sellerName", "PagerDuty Inc.");
    }

    @Test
    void failedChangeSetGoesToThePmpAdminWhoCanRetryWithANewToken() {
        when(catalog.describeChangeSet("cs-1"))
                .thenReturn(
                        new ChangeSetStatus(
                                "cs-1", "FAILED", "CLIENT_ERROR", List.of("CALLER_NOT_AUTHORIZED: not allowed")),
                        new ChangeSetStatus("cs-1", "SUCCEEDED", null, List.of()));
        ProcessInstance pi = submit("PUBLIC");
        decide(pi, "pmp-admin", "APPROVE", null);

        assertThat(pi)
                .isWaitingAt("Task_ResolveCatalogChangeFailure")
                .variables()
                .containsEntry(
                        "catalogFailure", "Change set cs-1 FAILED (CLIENT_ERROR): CALLER_NOT_AUTHORIZED: not allowed");
        decide(pi, "pmp-admin", "RETRY", null);

        assertThat(pi).isEnded().hasPassed("EndEvent_ProductAllowed");
        ArgumentCaptor<ProductChange> changes = ArgumentCaptor.forClass(ProductChange.class);
        verify(catalog, org.mockito.Mockito.times(2)).startProductChange(changes.capture());
        assertThat(changes.getAllValues())
                .extracting(ProductChange::clientToken)
                .containsExactly(requestIdOf(pi) + "-allow-0", requestIdOf(pi) + "-allow-1");
    }

    @Test
    void abandonedChangeTellsTheRequester() {
        when(catalog.describeChangeSet("cs-1"))
                .thenReturn(new ChangeSetStatus("cs-1", "FAILED", "CLIENT_ERROR", List.of("ENTITY_NOT_FOUND: gone")));
        ProcessInstance pi = submit("PUBLIC");
        decide(pi, "pmp-admin", "APPROVE", null);

        assertThatThrownBy(() -> decide(pi, "pmp-admin", "ABANDON", ""))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("needs a comment");
        decide(pi, "pmp-admin", "ABANDON", "The seller withdrew the product");

        assertThat(pi).isEnded().hasPassed("Task_NotifyCatalogChangeAbandoned", "EndEvent_CatalogChangeAbandoned");
        assertThat(mails).containsExactly("request-submitted → requester", "catalog-change-failed → requester");
        assertThat(decisionOf("Task_ResolveCatalogChangeFailure")).containsEntry("decision", "ABANDON");
        assertThat(inventory.all())
                .as("a product whose change set failed was never added")
                .isEmpty();
    }

    @Test
    void aProductAllowedInOneExperienceBeforeTheNextFailedIsRecordedEvenIfTheChangeIsAbandoned() {
        governAlso("exp-other");
        when(catalog.startProductChange(any())).thenReturn("cs-1", "cs-2");
        when(catalog.describeChangeSet("cs-2"))
                .thenReturn(new ChangeSetStatus("cs-2", "FAILED", "CLIENT_ERROR", List.of("ENTITY_NOT_FOUND: gone")));
        ProcessInstance pi = runtime.createMessageCorrelation(ProcurementRequestProcess.MESSAGE_PMP_REQUEST_CREATED)
                .processInstanceBusinessKey("PR-TWOEXPS1")
                .setVariable("pmpRequestId", "pmp-req-3")
                .setVariable(ProcurementRequestProcess.PMP_EXPERIENCE_ID, "exp-other")
                .setVariable("productId", "prod-pagerduty0001")
                .correlateStartMessage();
        complete(tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult(), "requester2", request("PUBLIC"));
        decide(pi, "pmp-admin", "APPROVE", null);
        assertThat(pi).isWaitingAt("Task_ResolveCatalogChangeFailure");

        decide(pi, "pmp-admin", "ABANDON", "The second experience refuses it");

        assertThat(pi).isEnded().hasPassed("EndEvent_CatalogChangeAbandoned");
        assertThat(inventory.find("prod-pagerduty0001"))
                .as("exp-other allows it: the review must know who added it")
                .get()
                .satisfies(p -> assertThat(p.requestId()).isEqualTo(requestIdOf(pi)));
    }

    @Test
    void aPrivateMarketplaceProductRequestIsCompletedByARequesterWhoThenOwnsIt() {
        ProcessInstance pi = runtime.createMessageCorrelation(ProcurementRequestProcess.MESSAGE_PMP_REQUEST_CREATED)
                .processInstanceBusinessKey("PR-FROMPMP1")
                .setVariable("pmpRequestId", "pmp-req-1")
                .setVariable("productId", "prod-pagerduty0001")
                .correlateStartMessage();

        assertThat(pi).isWaitingAt("Task_CompletePmpRequest");
        assertThat(tasks.createTaskQuery()
                        .processInstanceId(pi.getId())
                        .taskCandidateGroup("requester")
                        .count())
                .isEqualTo(1);
        runtime.createMessageCorrelation(ProcurementRequestProcess.MESSAGE_PMP_REQUEST_DECIDED)
                .processInstanceVariableEquals("pmpRequestId", "pmp-req-1")
                .setVariable("pmpRequestStatus", "DECLINED")
                .correlateAll();
        assertThat(pi).isWaitingAt("Task_CompletePmpRequest").variables().containsEntry("pmpRequestStatus", "DECLINED");

        complete(tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult(), "requester2", request("PUBLIC"));

        assertThat(pi).isWaitingAt("Task_ReviewPublicOffer").variables().containsEntry("initiator", "requester2");
        assertThat(waitingMails)
                .as("the requesters' own task is not mailed as an approver's")
                .containsExactly("Review public offer: PagerDuty — " + requestIdOf(pi) + " → pmp-admin");
        assertThat(mails).containsExactly("request-submitted → requester2");
        assertThatThrownBy(() -> decide(pi, "requester2", "APPROVE", null))
                .hasMessageContaining("requester2 may not complete");
    }

    @Test
    void aRenewalIsItsOriginalRequestersAloneToReadAndComplete() {
        ProcessInstance pi = runtime.createMessageCorrelation(ProcurementRequestProcess.MESSAGE_PMP_REQUEST_CREATED)
                .setVariable(RequestService.RENEWAL_REQUESTER, "requester")
                .setVariable("productId", "prod-pagerduty0001")
                .correlateStartMessage();
        var task = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();

        assertThat(task.getAssignee()).isEqualTo("requester");
        assertThat(tasks.getIdentityLinksForTask(task.getId()))
                .as("no candidate group: Camunda would give it READ and TASK_WORK on the task")
                .noneMatch(link -> link.getGroupId() != null);
        assertThatThrownBy(() -> complete(task, "requester2", request("PUBLIC")))
                .hasMessageContaining("requester2 may not complete")
                .hasMessageContaining("only requester decide it");
        assertThat(pi).isWaitingAt("Task_CompletePmpRequest");

        complete(task, "requester", request("PUBLIC"));

        assertThat(pi).isWaitingAt("Task_ReviewPublicOffer").variables().containsEntry("initiator", "requester");
    }

    @Test
    void aClaimedPmpRequestIsCompletedByWhoClaimedItAndForAwssProductOnly() {
        ProcessInstance pi = runtime.createMessageCorrelation(ProcurementRequestProcess.MESSAGE_PMP_REQUEST_CREATED)
                .setVariable("pmpRequestId", "pmp-req-claimed")
                .setVariable("productId", PRODUCT)
                .setVariable(ProcurementRequestProcess.PMP_PRODUCT_ID, PRODUCT)
                .correlateStartMessage();
        var task = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        tasks.claim(task.getId(), "requester");

        assertThatThrownBy(() -> complete(task, "requester2", request("PUBLIC")))
                .hasMessageContaining("only requester, who claimed it, decide it");
        assertThatThrownBy(
                        () -> complete(task, "requester", request("PUBLIC").putValue("productId", "prod-other000001")))
                .hasMessageContaining("Product id: the Private Marketplace request is for " + PRODUCT);
        assertThat(pi).isWaitingAt("Task_CompletePmpRequest").variables().containsEntry("productId", PRODUCT);

        complete(task, "requester", request("PUBLIC"));

        assertThat(pi).isWaitingAt("Task_ReviewPublicOffer").variables().containsEntry("initiator", "requester");
    }

    @Test
    void aPrivateMarketplaceProductRequestIsAllowedInTheExperienceItWasMadeIn() {
        ProcessInstance pi = runtime.createMessageCorrelation(ProcurementRequestProcess.MESSAGE_PMP_REQUEST_CREATED)
                .processInstanceBusinessKey("PR-FROMPMP2")
                .setVariable("pmpRequestId", "pmp-req-2")
                .setVariable(ProcurementRequestProcess.PMP_EXPERIENCE_ID, "exp-test")
                .setVariable("productId", "prod-pagerduty0001")
                .correlateStartMessage();
        complete(tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult(), "requester2", request("PUBLIC"));

        decide(pi, "pmp-admin", "APPROVE", null);

        assertThat(pi).isEnded().hasPassed("Task_FindGoverningExperiences", "EndEvent_ProductAllowed");
        ArgumentCaptor<ProductChange> change = ArgumentCaptor.forClass(ProductChange.class);
        verify(catalog).startProductChange(change.capture());
        assertThat(change.getValue().experienceId()).isEqualTo("exp-test");
        assertThat(change.getValue().clientToken()).isEqualTo(requestIdOf(pi) + "-allow-0");
    }

    @Test
    void theApprovedProductsLicensesReachTheTargetAccounts() {
        String license = "arn:aws:license-manager::294406891311:license:l-pd";
        org.mockito.Mockito.when(licenses.licensesOf("prod-pagerduty0001"))
                .thenReturn(List.of(new io.mpgov.license.LicensePort.ReceivedLicense(
                        license, "prod-pagerduty0001", "PagerDuty", "us-east-1")));
        org.mockito.Mockito.when(organization.accounts())
                .thenReturn(List.of(
                        new io.mpgov.organization.MemberAccount("310987654321", "web", "ACTIVE"),
                        new io.mpgov.organization.MemberAccount("310987654322", "staging", "ACTIVE")));
        org.mockito.Mockito.when(
                        licenses.grant(org.mockito.ArgumentMatchers.any(io.mpgov.license.LicensePort.GrantOrder.class)))
                .thenAnswer(call -> new io.mpgov.license.LicensePort.Grant("g", license, "?", "ACTIVE", "2"));
        ProcessInstance pi = submit("PUBLIC");

        decide(pi, "pmp-admin", "APPROVE", null);

        assertThat(pi)
                .isEnded()
                .hasPassedInOrder(
                        "CallActivity_AllowProductInPmp",
                        "CallActivity_DistributeLicenses",
                        "Task_NotifyRequesterApproved");
        verify(licenses)
                .grant(org.mockito.ArgumentMatchers.argThat(
                        order -> order.licenseArn().equals(license)
                                && order.principalArn().equals("arn:aws:iam::310987654321:root")));
        verify(licenses)
                .grant(org.mockito.ArgumentMatchers.argThat(
                        order -> order.licenseArn().equals(license)
                                && order.principalArn().equals("arn:aws:iam::310987654322:root")));
    }
}
