package io.mpgov.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

/** catalog-change: start the change set, poll it to its end, back off while the PMP is locked. */
@Deployment(resources = "processes/catalog-change.bpmn")
class CatalogChangeProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("process-test.cfg.xml")
            .build();

    final CatalogPort catalog = mock(CatalogPort.class);
    RuntimeService runtime;
    ManagementService management;

    @BeforeEach
    void wire() {
        runtime = engine.getRuntimeService();
        management = engine.getManagementService();
        CatalogSettings settings = CatalogTestDelegates.settings(3);
        Mocks.register("catalogSettings", settings);
        CatalogTestDelegates.register(catalog, settings);
    }

    @AfterEach
    void unwire() {
        Mocks.reset();
    }

    ProcessInstance start() {
        return start("PR-TEST0001", "prod-pagerduty0001", "test");
    }

    ProcessInstance start(String requestId, String productId, String notes) {
        return runtime.startProcessInstanceByKey(
                CatalogChangeProcess.KEY,
                requestId,
                Map.of(
                        CatalogChangeProcess.REQUEST_ID,
                        requestId,
                        CatalogChangeProcess.PRODUCT_ID,
                        productId,
                        CatalogChangeProcess.CHANGE_TYPE,
                        "ALLOW",
                        CatalogChangeProcess.NOTES,
                        notes));
    }

    static ChangeSetStatus statusOf(String changeSetId, String status, String... errors) {
        return new ChangeSetStatus(
                changeSetId, status, status.equals("FAILED") ? "CLIENT_ERROR" : null, List.of(errors));
    }

    static void assertWaitingAt(ProcessInstance pi, String activityId) {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(pi)
                .isWaitingAt(activityId);
    }

    Job jobOf(ProcessInstance pi) {
        return management.createJobQuery().processInstanceId(pi.getId()).singleResult();
    }

    /**
     * PR-TEST0001's change set cs-1 runs while PR-TEST0002 and PR-TEST0003 (notes "second", "third") arrive
     * and wait for it; then cs-1 ends and they are due to start.
     */
    List<ProcessInstance> twoWaitWhileTheFirstRuns(String secondProduct, String thirdProduct) {
        ProcessInstance first = start();
        runJob(first);
        ProcessInstance second = start("PR-TEST0002", secondProduct, "second");
        ProcessInstance third = start("PR-TEST0003", thirdProduct, "third");
        runJob(second);
        runJob(third);
        assertWaitingAt(second, "Event_WaitForEntityLock");
        assertWaitingAt(third, "Event_WaitForEntityLock");
        runJob(first);
        runJob(first);
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(first)
                .isEnded();
        return List.of(second, third);
    }

    /** Runs the instance's one due-or-not job: an async continuation or a timer. */
    void runJob(ProcessInstance pi) {
        management.executeJob(jobOf(pi).getId());
    }

    static ChangeSetStatus status(String status, String... errors) {
        return statusOf("cs-1", status, errors);
    }

    @Test
    void pollsUntilTheChangeSetSucceeds() {
        when(catalog.startProductChange(any())).thenReturn("cs-1");
        when(catalog.describeChangeSet("cs-1"))
                .thenReturn(status("PREPARING"), status("APPLYING"), status("SUCCEEDED"));
        ProcessInstance pi = start();

        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(pi)
                .isWaitingAt("Task_StartChangeSet");
        runJob(pi);
        for (int poll = 0; poll < 3; poll++) {
            org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(pi)
                    .isWaitingAt("Event_WaitForChangeSet");
            runJob(pi);
            runJob(pi);
        }

        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(pi)
                .hasPassed("Gateway_ChangeSetStatus")
                .isEnded()
                .hasPassed("EndEvent_ChangeSetSucceeded")
                .variables()
                .containsEntry(CatalogChangeProcess.CHANGE_SET_ID, "cs-1");
        ArgumentCaptor<ProductChange> change = ArgumentCaptor.forClass(ProductChange.class);
        verify(catalog).startProductChange(change.capture());
        assertThat(change.getValue())
                .as("the primary experience, named")
                .isEqualTo(new ProductChange(
                        "exp-test",
                        ProductChange.Type.ALLOW,
                        List.of("prod-pagerduty0001"),
                        "test",
                        "PR-TEST0001-allow-0"));
    }

    @Test
    void failedChangeSetEndsInChangeSetFailedWithTheAwsErrorCodes() {
        when(catalog.startProductChange(any())).thenReturn("cs-1");
        when(catalog.describeChangeSet("cs-1")).thenReturn(status("FAILED", "ENTITY_NOT_FOUND: no such product"));
        ProcessInstance pi = start();

        runJob(pi);
        runJob(pi);
        runJob(pi);

        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(pi)
                .isEnded()
                .hasPassed("EndEvent_ChangeSetFailed");
        assertThat(historyService()
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(pi.getId())
                        .variableName(CatalogChangeProcess.CHANGE_SET_ERRORS)
                        .singleResult()
                        .getValue())
                .isEqualTo("Change set cs-1 FAILED (CLIENT_ERROR): ENTITY_NOT_FOUND: no such product");
    }

    @Test
    void cancelledChangeSetFailsToo() {
        when(catalog.startProductChange(any())).thenReturn("cs-1");
        when(catalog.describeChangeSet("cs-1")).thenReturn(status("CANCELLED"));
        ProcessInstance pi = start();

        runJob(pi);
        runJob(pi);
        runJob(pi);

        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(pi)
                .isEnded()
                .hasPassed("EndEvent_ChangeSetFailed");
    }

    @Test
    void lockedExperienceBacksOffAndStartsAgainWithTheSameToken() {
        when(catalog.startProductChange(any()))
                .thenThrow(new EntityLockedException("locked", null))
                .thenReturn("cs-1");
        ProcessInstance pi = start();

        runJob(pi);
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(pi)
                .isWaitingAt("Event_WaitForEntityLock");
        Job backoff = jobOf(pi);
        assertThat(backoff.getDuedate()).isAfter(new java.util.Date(System.currentTimeMillis() + 25_000));
        management.executeJob(backoff.getId());
        runJob(pi);

        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(pi)
                .isWaitingAt("Event_WaitForChangeSet");
        ArgumentCaptor<ProductChange> changes = ArgumentCaptor.forClass(ProductChange.class);
        verify(catalog, times(2)).startProductChange(changes.capture());
        assertThat(changes.getAllValues())
                .extracting(ProductChange::clientToken)
                .containsOnly("PR-TEST0001-allow-0");
    }

    @Test
    void experienceLockedTooLongBecomesAnIncident() {
        when(catalog.startProductChange(any())).thenThrow(new EntityLockedException("still locked", null));
        ProcessInstance pi = start();

        runJob(pi);
        runJob(pi);
        runJob(pi);
        runJob(pi);
        Job start = jobOf(pi);
        assertThatThrownBy(() -> management.executeJob(start.getId())).isInstanceOf(EntityLockedException.class);

        assertThat(management
                        .createJobQuery()
                        .jobId(start.getId())
                        .singleResult()
                        .getRetries())
                .isEqualTo(4);
        management.setJobRetries(start.getId(), 1);
        assertThatThrownBy(() -> runJob(pi)).isInstanceOf(EntityLockedException.class);
        assertThat(runtime.createIncidentQuery()
                        .processInstanceId(pi.getId())
                        .singleResult()
                        .getActivityId())
                .isEqualTo("Task_StartChangeSet");
    }

    @Test
    void technicalFailureWhilePollingIsRetriedAsAJob() {
        when(catalog.startProductChange(any())).thenReturn("cs-1");
        when(catalog.describeChangeSet("cs-1")).thenThrow(new IllegalStateException("throttled"));
        ProcessInstance pi = start();
        runJob(pi);
        runJob(pi);

        assertThatThrownBy(() -> runJob(pi)).hasMessage("throttled");
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(pi)
                .isWaitingAt("Task_DescribeChangeSet");
        assertThat(jobOf(pi).getRetries()).isEqualTo(4);
    }

    @Test
    void changesWaitingWhileMpgovsChangeSetRunsGoTogetherInTheNextOne() {
        when(catalog.startProductChange(any())).thenReturn("cs-1", "cs-2");
        when(catalog.describeChangeSet("cs-1")).thenReturn(statusOf("cs-1", "SUCCEEDED"));
        when(catalog.describeChangeSet("cs-2")).thenReturn(statusOf("cs-2", "SUCCEEDED"));
        List<ProcessInstance> waited = twoWaitWhileTheFirstRuns("prod-second0002", "prod-third0003");
        ProcessInstance second = waited.get(0);
        ProcessInstance third = waited.get(1);
        // While mpgov's own change set ran they waited without asking AWS to be told ResourceInUse.
        verify(catalog, times(1)).startProductChange(any());

        runJob(second);
        runJob(second);
        assertWaitingAt(second, "Event_WaitForChangeSet");
        runJob(third);
        runJob(third);
        assertWaitingAt(third, "Event_WaitForChangeSet");

        ArgumentCaptor<ProductChange> changes = ArgumentCaptor.forClass(ProductChange.class);
        verify(catalog, times(2)).startProductChange(changes.capture());
        ProductChange together = changes.getAllValues().get(1);
        assertThat(together.products())
                .containsExactly(
                        new ProductChange.Products(List.of("prod-second0002"), "second"),
                        new ProductChange.Products(List.of("prod-third0003"), "third"));
        assertThat(together.clientToken()).startsWith("mpgov-batch-").hasSizeLessThanOrEqualTo(64);
        for (ProcessInstance pi : List.of(second, third)) {
            runJob(pi);
            runJob(pi);
            org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(pi)
                    .isEnded()
                    .hasPassed("EndEvent_ChangeSetSucceeded")
                    .variables()
                    .containsEntry(CatalogChangeProcess.CHANGE_SET_ID, "cs-2");
        }
        verify(catalog, times(1)).describeChangeSet("cs-2");
    }

    @Test
    void twoWaitingRequestsForTheSameProductSendItOnceWithTheFirstNote() {
        when(catalog.startProductChange(any())).thenReturn("cs-1", "cs-2");
        when(catalog.describeChangeSet("cs-1")).thenReturn(statusOf("cs-1", "SUCCEEDED"));
        List<ProcessInstance> waited = twoWaitWhileTheFirstRuns("prod-same00000002", "prod-same00000002");
        runJob(waited.get(0));
        runJob(waited.get(0));

        ArgumentCaptor<ProductChange> changes = ArgumentCaptor.forClass(ProductChange.class);
        verify(catalog, times(2)).startProductChange(changes.capture());
        // AWS refuses an Ids array that repeats a value: the merged change names the product once.
        assertThat(changes.getAllValues().get(1).products())
                .containsExactly(new ProductChange.Products(List.of("prod-same00000002"), "second"));
        assertThat(runtime.getVariable(waited.get(1).getId(), CatalogChangeProcess.CHANGE_SET_ID))
                .as("the second request follows the change set that carries its product")
                .isNull();
        runJob(waited.get(1));
        runJob(waited.get(1));
        assertThat(runtime.getVariable(waited.get(1).getId(), CatalogChangeProcess.CHANGE_SET_ID))
                .isEqualTo("cs-2");
    }

    @Test
    void changesOfDifferentExperiencesNeverShareAChangeSetAndHaveTheirOwnTokens() {
        when(catalog.startProductChange(any())).thenReturn("cs-1", "cs-2", "cs-3");
        when(catalog.describeChangeSet("cs-1")).thenReturn(statusOf("cs-1", "SUCCEEDED"));
        when(catalog.describeChangeSet("cs-2")).thenReturn(statusOf("cs-2", "SUCCEEDED"));
        ProcessInstance first = start();
        runJob(first);
        ProcessInstance toA = startOn("exp-aaaaaaaaaaaa", "PR-TEST0002", "prod-pagerduty0001");
        ProcessInstance toB = startOn("exp-bbbbbbbbbbbb", "PR-TEST0002", "prod-pagerduty0001");
        runJob(toA);
        runJob(toB);
        runJob(first);
        runJob(first);
        // toA starts alone (toB's change is of another experience), ends; then toB starts its own.
        for (ProcessInstance pi : List.of(toA, toA, toA, toA, toB, toB)) {
            runJob(pi);
        }

        ArgumentCaptor<ProductChange> changes = ArgumentCaptor.forClass(ProductChange.class);
        verify(catalog, atLeast(3)).startProductChange(changes.capture());
        List<ProductChange> later =
                changes.getAllValues().subList(1, changes.getAllValues().size());
        assertThat(later)
                .extracting(ProductChange::experienceId)
                .containsExactly("exp-aaaaaaaaaaaa", "exp-bbbbbbbbbbbb");
        assertThat(later)
                .extracting(ProductChange::clientToken)
                .containsExactly("PR-TEST0002-allow-0-exp-aaaaaaaaaaaa", "PR-TEST0002-allow-0-exp-bbbbbbbbbbbb");
    }

    ProcessInstance startOn(String experienceId, String requestId, String productId) {
        return runtime.startProcessInstanceByKey(
                CatalogChangeProcess.KEY,
                requestId,
                Map.of(
                        CatalogChangeProcess.REQUEST_ID,
                        requestId,
                        CatalogChangeProcess.PRODUCT_ID,
                        productId,
                        CatalogChangeProcess.CHANGE_TYPE,
                        "ALLOW",
                        CatalogChangeProcess.NOTES,
                        "n",
                        CatalogChangeProcess.EXPERIENCE_ID,
                        experienceId));
    }

    @Test
    void aSharedChangeSetThatFailsIsRetriedAloneByEachOfItsChanges() {
        when(catalog.startProductChange(any())).thenReturn("cs-1", "cs-2", "cs-3", "cs-4");
        when(catalog.describeChangeSet("cs-1")).thenReturn(statusOf("cs-1", "SUCCEEDED"));
        when(catalog.describeChangeSet("cs-2"))
                .thenReturn(statusOf("cs-2", "FAILED", "ENTITY_NOT_FOUND: prod-gone0003"));
        when(catalog.describeChangeSet("cs-3")).thenReturn(statusOf("cs-3", "SUCCEEDED"));
        when(catalog.describeChangeSet("cs-4"))
                .thenReturn(statusOf("cs-4", "FAILED", "ENTITY_NOT_FOUND: prod-gone0003"));
        List<ProcessInstance> waited = twoWaitWhileTheFirstRuns("prod-good0002", "prod-gone0003");
        ProcessInstance good = waited.get(0);
        ProcessInstance bad = waited.get(1);
        for (ProcessInstance pi : List.of(good, bad)) {
            runJob(pi);
            runJob(pi);
        }
        // cs-2 carried both and failed: each starts again alone, with its own token.
        for (ProcessInstance pi : List.of(good, bad)) {
            runJob(pi);
            runJob(pi);
            assertWaitingAt(pi, "Task_StartChangeSet");
        }
        runJob(good);
        runJob(good);
        runJob(good);
        runJob(bad);
        runJob(bad);
        runJob(bad);

        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(good)
                .isEnded()
                .hasPassed("EndEvent_ChangeSetSucceeded")
                .variables()
                .containsEntry(CatalogChangeProcess.CHANGE_SET_ID, "cs-3");
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(bad)
                .isEnded()
                .hasPassed("EndEvent_ChangeSetFailed");
        ArgumentCaptor<ProductChange> changes = ArgumentCaptor.forClass(ProductChange.class);
        verify(catalog, times(4)).startProductChange(changes.capture());
        assertThat(changes.getAllValues())
                .extracting(ProductChange::productIds)
                .containsExactly(
                        List.of("prod-pagerduty0001"),
                        List.of("prod-good0002", "prod-gone0003"),
                        List.of("prod-good0002"),
                        List.of("prod-gone0003"));
        assertThat(changes.getAllValues().subList(2, 4))
                .extracting(ProductChange::clientToken)
                .containsExactly("PR-TEST0002-allow-0", "PR-TEST0003-allow-0");
    }

    @Test
    void aSharedStartWhoseAnswerWasLostIsSentAgainWithTheSameMembersAndToken() {
        when(catalog.startProductChange(any()))
                .thenReturn("cs-1")
                .thenThrow(new IllegalStateException("read timed out (AWS may have accepted the change set)"))
                .thenReturn("cs-2");
        when(catalog.describeChangeSet("cs-1")).thenReturn(statusOf("cs-1", "SUCCEEDED"));
        List<ProcessInstance> waited = twoWaitWhileTheFirstRuns("prod-second0002", "prod-third0003");
        ProcessInstance second = waited.get(0);
        ProcessInstance third = waited.get(1);

        runJob(second);
        assertThatThrownBy(() -> runJob(second)).hasMessageContaining("read timed out");
        // A change that arrives now must not join the retry: that would be a new token, a second change set.
        ProcessInstance fourth = start("PR-TEST0004", "prod-fourth0004", "fourth");
        runJob(third);
        runJob(third);
        assertWaitingAt(third, "Event_WaitForChangeSet");
        runJob(second);
        assertWaitingAt(second, "Event_WaitForChangeSet");
        runJob(fourth);
        assertWaitingAt(fourth, "Event_WaitForEntityLock");

        ArgumentCaptor<ProductChange> changes = ArgumentCaptor.forClass(ProductChange.class);
        verify(catalog, times(3)).startProductChange(changes.capture());
        ProductChange lost = changes.getAllValues().get(1);
        ProductChange again = changes.getAllValues().get(2);
        assertThat(again).isEqualTo(lost);
        assertThat(again.productIds()).containsExactly("prod-second0002", "prod-third0003");
        for (ProcessInstance pi : List.of(second, third)) {
            org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(pi)
                    .variables()
                    .containsEntry(CatalogChangeProcess.CHANGE_SET_ID, "cs-2");
        }
    }
}
