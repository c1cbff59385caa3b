package io.mpgov.license;

import io.mpgov.license.LicensePort.Grant;
import io.mpgov.organization.MemberAccount;
import io.mpgov.organization.OrganizationPort;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** license-distribution with the real plan and delegates; Organizations and License Manager are test doubles. */
@Deployment(resources = "processes/license-distribution.bpmn")
class LicenseDistributionProcessTest {

    @RegisterExtension
    ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("process-test.cfg.xml").build();

    static final String LICENSE = "arn:aws:license-manager::294406891311:license:l-datadog";
    final OrganizationPort organization = mock(OrganizationPort.class);
    final LicensePort licenses = mock(LicensePort.class);
    final InMemoryEntitlements entitlements = new InMemoryEntitlements();
    ManagementService management;

    @BeforeEach
    void wire() {
        management = engine.getProcessEngine().getManagementService();
        DistributionPlanner planner = new DistributionPlanner(organization, licenses, entitlements);
        Mocks.register("planDistribution", new PlanDistributionDelegate(planner, 2));
        Mocks.register("applyGrantBatch", new ApplyGrantBatchDelegate(new GrantWorkRunner(licenses, 4)));
        Mocks.register("reportDistribution", new ReportDistributionDelegate(licenses));
        when(organization.accounts()).thenReturn(List.of(account("111", "ACTIVE"), account("222", "ACTIVE"),
                account("333", "ACTIVE"), account("444", "SUSPENDED"), account("555", "ACTIVE")));
        when(licenses.licensesOf("prod-dtdgobserv001")).thenReturn(List.of(
                new LicensePort.ReceivedLicense(LICENSE, "prod-dtdgobserv001", "Datadog Pro", "us-east-1")));
        when(licenses.grant(anyString(), anyString(), anyString(), anyString()))
                .thenAnswer(call -> new Grant("g-new", call.getArgument(0), call.getArgument(2), "ACTIVE", "2"));
    }

    @AfterEach
    void unwire() {
        Mocks.reset();
    }

    static MemberAccount account(String id, String state) {
        return new MemberAccount(id, "account " + id, state);
    }

    static Grant grant(String arn, String account, String status) {
        return new Grant(arn, LICENSE, account, status, "2");
    }

    ProcessInstance distribute(String accounts, String ou, String tag) {
        return run(null, Variables.createVariables().putValue("productId", "prod-dtdgobserv001").putValue("targetAccountIds", accounts)
                .putValue("targetOuId", ou).putValue("targetTag", tag));
    }

    ProcessInstance run(String businessKey, Map<String, Object> variables) {
        ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(LicenseDistributionProcess.KEY, businessKey, variables);
        runJobs();
        return pi;
    }

    void runJobs() {
        for (int i = 0; i < 100; i++) {
            List<Job> jobs = management.createJobQuery().withRetriesLeft().list();
            if (jobs.isEmpty()) {
                return;
            }
            for (Job job : jobs) {
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException failed) {
                    // A failing job keeps its retries count down and is tried again, as the job executor would.
                }
            }
        }
    }

    Object variable(ProcessInstance pi, String name) {
        return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName(name).singleResult().getValue();
    }

    @Test
    void grantsTheMissingKeepsTheRightAndRevokesTheUnentitledAndTheSuspended() {
        when(licenses.grantsOf(LICENSE)).thenReturn(
                List.of(grant("g-2", "222", "ACTIVE"), grant("g-3", "333", "ACTIVE"), grant("g-4", "444", "ACTIVE")),
                List.of(grant("g-new", "111", "ACTIVE"), grant("g-2", "222", "ACTIVE"), grant("g-3", "333", "PENDING_DELETE"),
                        grant("g-4", "444", "PENDING_DELETE")));

        ProcessInstance pi = distribute("111, 222, 444", null, null);

        assertThat(pi).isEnded().hasPassed("Task_ReportDistribution");
        verify(licenses).grant(LICENSE, "us-east-1", "111", GrantTokens.of(LICENSE, "111", 0));
        verify(licenses).revoke(eq(new Grant("g-3", LICENSE, "333", null, "2")), eq("no longer entitled"));
        verify(licenses).revoke(eq(new Grant("g-4", LICENSE, "444", null, "2")), eq("account not ACTIVE"));
        verify(licenses, never()).grant(anyString(), anyString(), eq("222"), anyString());
        assertThat(List.of(variable(pi, "grantsCreated"), variable(pi, "grantsRevoked"), variable(pi, "grantsUnchanged"),
                variable(pi, "grantsFailed"))).containsExactly(1, 2, 1L, 0);
        assertThat((String) variable(pi, "distributionReport")).contains("111 l-datadog created", "333 l-datadog revoked (no longer entitled)");
    }

    @Test
    void eachBatchOfWritesIsAJobOfItsOwnThatMayRunInParallel() {
        when(licenses.grantsOf(LICENSE)).thenReturn(List.of());
        engine.getRuntimeService().startProcessInstanceByKey(LicenseDistributionProcess.KEY, Variables.createVariables()
                .putValue("productId", "prod-dtdgobserv001").putValue("targetAccountIds", "111,222,333"));
        management.executeJob(management.createJobQuery().singleResult().getId());

        // Three writes in batches of two.
        List<Job> writes = management.createJobQuery().list();
        assertThat(writes).hasSize(2);
        assertThat(writes).allSatisfy(job -> assertThat(((org.camunda.bpm.engine.impl.persistence.entity.JobEntity) job).isExclusive()).isFalse());
    }

    @Test
    void entitlementComesFromTheOuAndTheTagToo() {
        when(organization.accountsUnder("ou-mp01-technlgy")).thenReturn(List.of("555"));
        when(organization.tagsOf(anyString())).thenReturn(Map.of());
        when(organization.tagsOf("333")).thenReturn(Map.of("licence-group", "observability"));
        when(licenses.grantsOf(LICENSE)).thenReturn(List.of());

        distribute(null, "ou-mp01-technlgy", "licence-group=observability");

        verify(licenses).grant(eq(LICENSE), anyString(), eq("555"), anyString());
        verify(licenses).grant(eq(LICENSE), anyString(), eq("333"), anyString());
        verify(licenses, never()).grant(anyString(), anyString(), eq("111"), anyString());
    }

    @Test
    void aThrottledGrantIsRetriedAndSucceeds() {
        when(licenses.grantsOf(LICENSE)).thenReturn(List.of(), List.of(grant("g-new", "111", "ACTIVE")));
        when(licenses.grant(anyString(), anyString(), eq("111"), anyString()))
                .thenThrow(new IllegalStateException("Rate exceeded"))
                .thenAnswer(call -> grant("g-new", "111", "ACTIVE"));

        ProcessInstance pi = distribute("111", null, null);

        assertThat(pi).isEnded();
        assertThat(variable(pi, "grantsCreated")).isEqualTo(1);
    }

    @Test
    void aGrantThatKeepsFailingBecomesAnIncidentWithItsMessage() {
        when(licenses.grantsOf(LICENSE)).thenReturn(List.of());
        when(licenses.grant(anyString(), anyString(), eq("111"), anyString()))
                .thenThrow(new IllegalStateException("AccessDeniedException: not allowed to grant"));

        ProcessInstance pi = distribute("111", null, null);

        var incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(incident.getActivityId()).startsWith("SubProcess_GrantWork");
        assertThat(incident.getIncidentMessage()).contains("1 of 1 grant writes failed", "GRANT 111", "AccessDeniedException");
    }

    @Test
    void aGrantWaitingForActivationIsActivatedAndReportedSo() {
        when(licenses.grantsOf(LICENSE)).thenReturn(List.of(new Grant("g-1", LICENSE, "111", "PENDING_WORKFLOW", "1")),
                List.of(grant("g-1", "111", "ACTIVE")));

        ProcessInstance pi = distribute("111", null, null);

        verify(licenses).grant(LICENSE, "us-east-1", "111", GrantTokens.of(LICENSE, "111", 0));
        assertThat(List.of(variable(pi, "grantsCreated"), variable(pi, "grantsActivated"))).containsExactly(0, 1);
        assertThat((String) variable(pi, "distributionReport")).contains("111 l-datadog activated");
    }

    @Test
    void onlyTheFailingWritesOfABatchAreNamedInItsIncident() {
        when(licenses.grantsOf(LICENSE)).thenReturn(List.of());
        when(licenses.grant(anyString(), anyString(), eq("222"), anyString()))
                .thenThrow(new IllegalStateException("ServiceUnavailableException: try later"));

        ProcessInstance pi = distribute("111,222", null, null);

        var incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(incident.getIncidentMessage()).contains("1 of 2 grant writes failed", "GRANT 222", "ServiceUnavailableException")
                .doesNotContain("GRANT 111");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLargeDistributionKeepsEveryLineAndAReportThatFitsAStringVariable() {
        List<MemberAccount> many = java.util.stream.IntStream.range(0, 300)
                .mapToObj(i -> account(String.valueOf(100_000_000_000L + i), "ACTIVE")).toList();
        when(organization.accounts()).thenReturn(many);
        when(licenses.grantsOf(LICENSE)).thenReturn(List.of());

        ProcessInstance pi = distribute(String.join(",", many.stream().map(MemberAccount::id).toList()), null, null);

        assertThat(pi).isEnded();
        assertThat((List<String>) variable(pi, "distributionLines")).hasSize(300);
        assertThat((String) variable(pi, "distributionReport")).hasSizeLessThan(4000).contains("more (variable distributionLines)");
    }

    @Test
    void aSecondRequestForTheProductAddsToWhoIsEntitledAndRevokesNothingOfTheFirst() {
        entitlements.record(new Entitlement("PR-FIRST", "prod-dtdgobserv001", "111", null, null));
        when(licenses.grantsOf(LICENSE)).thenReturn(List.of(grant("g-1", "111", "ACTIVE")));

        ProcessInstance pi = run("PR-SECOND", Map.of("productId", "prod-dtdgobserv001", "targetAccountIds", "222"));

        assertThat(pi).isEnded();
        verify(licenses).grant(eq(LICENSE), anyString(), eq("222"), anyString());
        verify(licenses, never()).revoke(any(), anyString());
        assertThat(entitlements.forProduct("prod-dtdgobserv001")).extracting(Entitlement::id).contains("PR-SECOND");
    }

    @Test
    void everyRecordedEntitlementCountsEvenWhenTheDistributionNamesOnlyTheProduct() {
        entitlements.record(new Entitlement("PR-FIRST", "prod-dtdgobserv001", "111", null, null));
        entitlements.record(new Entitlement("PR-SECOND", "prod-dtdgobserv001", "222", null, null));
        when(licenses.grantsOf(LICENSE)).thenReturn(List.of(grant("g-1", "111", "ACTIVE"), grant("g-3", "333", "ACTIVE")));

        run(null, Map.of("productId", "prod-dtdgobserv001"));

        verify(licenses).grant(eq(LICENSE), anyString(), eq("222"), anyString());
        verify(licenses).revoke(eq(new Grant("g-3", LICENSE, "333", null, "2")), eq("no longer entitled"));
        verify(licenses, never()).revoke(eq(new Grant("g-1", LICENSE, "111", null, "2")), anyString());
    }

    @Test
    void anAccountEventReconcilesThatAccountOnlyAcrossEveryEntitledProduct() {
        entitlements.record(new Entitlement("PR-FIRST", "prod-dtdgobserv001", "111,222", null, null));
        when(licenses.grantsOf(LICENSE)).thenReturn(List.of(grant("g-1", "111", "ACTIVE")));

        ProcessInstance pi = run("CreateAccountResult 222", Map.of("accountId", "222"));

        verify(licenses).grant(eq(LICENSE), anyString(), eq("222"), anyString());
        verify(licenses, never()).grant(anyString(), anyString(), eq("111"), anyString());
        assertThat(variable(pi, "grantsUnchanged")).isEqualTo(0L);
        assertThat(entitlements.forProduct("prod-dtdgobserv001")).extracting(Entitlement::id).containsExactly("PR-FIRST");
    }

    @Test
    void aLicenseEventReconcilesTheProductOfThatLicense() {
        entitlements.record(new Entitlement("PR-FIRST", "prod-dtdgobserv001", "111", null, null));
        when(licenses.license(LICENSE)).thenReturn(java.util.Optional.of(
                new LicensePort.ReceivedLicense(LICENSE, "prod-dtdgobserv001", "Datadog Pro", "us-east-1")));
        when(licenses.grantsOf(LICENSE)).thenReturn(List.of());

        run("License Change l-datadog", Map.of("licenseArn", LICENSE));

        verify(licenses).grant(LICENSE, "us-east-1", "111", GrantTokens.of(LICENSE, "111", 0));
    }

    @Test
    void aConsistentOrganizationMakesNoWriteCall() {
        when(licenses.grantsOf(LICENSE)).thenReturn(List.of(grant("g-1", "111", "ACTIVE"), grant("g-2", "222", "ACTIVE")));

        ProcessInstance pi = distribute("111,222", null, null);

        assertThat(pi).isEnded();
        verify(licenses, never()).grant(anyString(), anyString(), anyString(), anyString());
        verify(licenses, never()).revoke(any(), anyString());
        assertThat(variable(pi, "grantsUnchanged")).isEqualTo(2L);
    }
}
