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
    static final String OU_ARN_PREFIX = "arn:aws:organizations::111111111111:ou/o-mpgovdemo01/";
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
        when(licenses.grant(any(LicensePort.GrantOrder.class)))
                .thenAnswer(call -> new Grant("g-new", ((LicensePort.GrantOrder) call.getArgument(0)).licenseArn(), "?", "ACTIVE", "2"));
        when(organization.organizationalUnitArn(anyString())).thenAnswer(call -> OU_ARN_PREFIX + call.getArgument(0));
    }

    @AfterEach
    void unwire() {
        Mocks.reset();
    }

    /** A grant order to the account (or, for an {@code ou-…} id, to the OU). */
    static LicensePort.GrantOrder to(String grantee) {
        String principal = grantee.startsWith("ou-") ? OU_ARN_PREFIX + grantee : "arn:aws:iam::" + grantee + ":root";
        return org.mockito.ArgumentMatchers.argThat(order -> order != null && order.principalArn().equals(principal));
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
        verify(licenses).grant(new LicensePort.GrantOrder(LICENSE, "us-east-1", "arn:aws:iam::111:root", GrantTokens.of(LICENSE, "111", 0), null, false));
        verify(licenses).revoke(eq(new Grant("g-3", LICENSE, "333", null, "2")), eq("no longer entitled"));
        verify(licenses).revoke(eq(new Grant("g-4", LICENSE, "444", null, "2")), eq("account not ACTIVE"));
        verify(licenses, never()).grant(to("222"));
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
        when(organization.membersUnder("ou-mp01-technlgy")).thenReturn(List.of(account("555", "ACTIVE")));
        when(organization.tagsOf(anyString())).thenReturn(Map.of());
        when(organization.tagsOf("333")).thenReturn(Map.of("licence-group", "observability"));
        when(licenses.grantsOf(LICENSE)).thenReturn(List.of());

        distribute(null, "ou-mp01-technlgy", "licence-group=observability");

        verify(licenses).grant(to("ou-mp01-technlgy"));
        verify(licenses, never()).grant(to("555"));
        verify(licenses).grant(to("333"));
        verify(licenses, never()).grant(to("111"));
    }

    @Test
    void anEntitledOuGetsOneGrantAndItsSuspendedAccountIsReportedNotRevoked() {
        when(organization.membersUnder("ou-mp01-technlgy")).thenReturn(List.of(account("555", "ACTIVE"), account("444", "SUSPENDED")));
        when(licenses.grantsOf(LICENSE)).thenReturn(List.of(grant("g-ou", "ou-mp01-technlgy", "WORKFLOW_COMPLETED")));

        ProcessInstance pi = distribute(null, "ou-mp01-technlgy", null);

        verify(licenses, never()).grant(any(LicensePort.GrantOrder.class));
        verify(licenses, never()).revoke(any(), anyString());
        verify(organization, never()).accounts();
        assertThat(variable(pi, "grantsUnchanged")).isEqualTo(1L);
        assertThat((String) variable(pi, "distributionReport")).contains("444 l-datadog unchanged (not ACTIVE, but covered by the grant to ou-mp01-technlgy");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} v{1}")
    @org.junit.jupiter.params.provider.CsvSource({
            "PENDING_WORKFLOW, 1, true, activated",
            "PENDING_WORKFLOW, 2, false, ",
            "PENDING_ACCEPT, 2, false, pending acceptance",
            "REJECTED, 2, false, rejected by the grantee",
            "ACTIVE, 2, false, ",
            "FAILED_WORKFLOW, 1, true, created",
            "DELETED, 3, true, created",
            "PENDING_DELETE, 3, false, being deleted",
            "DISABLED, 2, true, activated",
            "WORKFLOW_COMPLETED, 2, false, "})
    @SuppressWarnings("unchecked")
    void everyGrantStatusAwsDocumentsIsHandled(String status, String version, boolean writes, String reported) {
        Grant held = new Grant("g-1", LICENSE, "111", status, version);
        boolean existing = List.of("PENDING_WORKFLOW", "DISABLED").contains(status);
        when(licenses.grantsOf(LICENSE)).thenReturn(List.of(held), List.of(existing || writes
                ? new Grant(existing ? "g-1" : "g-new", LICENSE, "111", "ACTIVE", "3") : held));

        ProcessInstance pi = distribute("111", null, null);

        assertThat(pi).isEnded();
        if (writes) {
            verify(licenses).grant(to("111"));
            if (existing) {
                verify(licenses).grant(org.mockito.ArgumentMatchers.argThat(o -> o != null && held.equals(o.existing())));
            }
        } else {
            verify(licenses, never()).grant(any(LicensePort.GrantOrder.class));
        }
        verify(licenses, never()).revoke(any(), anyString());
        if (reported != null) {
            assertThat((List<String>) variable(pi, "distributionLines")).anySatisfy(line -> assertThat(line).startsWith("111 l-datadog").contains(reported));
        } else {
            assertThat((List<String>) variable(pi, "distributionLines")).isEmpty();
        }
        assertThat(variable(pi, "grantsPendingAcceptance")).isEqualTo(status.equals("PENDING_ACCEPT") ? 1 : 0);
    }

    @Test
    void aGrantAcceptedByItsGranteeIsActivatedNextTime() {
        Grant accepted = new Grant("g-1", LICENSE, "111", "DISABLED", "3");
        when(licenses.grantsOf(LICENSE)).thenReturn(List.of(accepted), List.of(grant("g-1", "111", "ACTIVE")));

        ProcessInstance pi = distribute("111", null, null);

        verify(licenses).grant(new LicensePort.GrantOrder(LICENSE, "us-east-1", "arn:aws:iam::111:root", GrantTokens.of(LICENSE, "111", 0),
                accepted, false));
        verify(licenses, never()).grant(org.mockito.ArgumentMatchers.argThat(o -> o != null && o.existing() == null));
        assertThat(variable(pi, "grantsActivated")).isEqualTo(1);
    }

    @Test
    void anUnshareableLicenseIsNotTriedAndTheReportSaysWhy() {
        when(licenses.licensesOf("prod-dtdgobserv001")).thenReturn(List.of(new LicensePort.ReceivedLicense(LICENSE,
                "prod-dtdgobserv001", "Datadog Pro", "us-east-1", null, null, false)));

        ProcessInstance pi = distribute("111,222", null, null);

        assertThat(pi).isEnded();
        verify(licenses, never()).grant(any(LicensePort.GrantOrder.class));
        verify(licenses, never()).grantsOf(anyString());
        assertThat(variable(pi, "licensesNotShareable")).isEqualTo(1);
        assertThat((String) variable(pi, "distributionReport")).contains("l-datadog not shared", "SaaS licenses cannot be shared");
    }

    @Test
    void aRenewalsLicenseReplacesTheOldOneInsteadOfJoiningIt() {
        String renewal = LICENSE + "-2";
        java.time.Instant now = java.time.Instant.now();
        when(licenses.licensesOf("prod-dtdgobserv001")).thenReturn(List.of(
                new LicensePort.ReceivedLicense(LICENSE, "prod-dtdgobserv001", "Datadog Pro", "us-east-1",
                        now.minus(java.time.Duration.ofDays(360)), now.plus(java.time.Duration.ofDays(5)), true),
                new LicensePort.ReceivedLicense(renewal, "prod-dtdgobserv001", "Datadog Pro", "us-east-1",
                        now.minus(java.time.Duration.ofDays(1)), now.plus(java.time.Duration.ofDays(370)), true)));
        when(licenses.grantsOf(LICENSE)).thenReturn(List.of(grant("g-old", "111", "ACTIVE")));
        when(licenses.grantsOf(renewal)).thenReturn(List.of());

        ProcessInstance pi = distribute("111", null, null);

        assertThat(pi).isEnded();
        verify(licenses).grant(new LicensePort.GrantOrder(renewal, "us-east-1", "arn:aws:iam::111:root", GrantTokens.of(renewal, "111", 0),
                null, true));
        verify(licenses, never()).grant(org.mockito.ArgumentMatchers.argThat(o -> o != null && o.licenseArn().equals(LICENSE)));
        verify(licenses, never().description("the old grant stays until the new one is active")).revoke(any(), any());

        // The next run finds the renewal's grant active: the old one goes.
        when(licenses.grantsOf(renewal)).thenReturn(List.of(new Grant("g-new", renewal, "111", "ACTIVE", "2")));
        assertThat(distribute("111", null, null)).isEnded();
        verify(licenses).revoke(eq(new Grant("g-old", LICENSE, "111", null, "2")), eq("superseded by the current license l-datadog-2"));
    }

    @Test
    void aThrottledGrantIsRetriedAndSucceeds() {
        when(licenses.grantsOf(LICENSE)).thenReturn(List.of(), List.of(grant("g-new", "111", "ACTIVE")));
        when(licenses.grant(to("111")))
                .thenThrow(new IllegalStateException("Rate exceeded"))
                .thenAnswer(call -> grant("g-new", "111", "ACTIVE"));

        ProcessInstance pi = distribute("111", null, null);

        assertThat(pi).isEnded();
        assertThat(variable(pi, "grantsCreated")).isEqualTo(1);
    }

    @Test
    void aGrantThatKeepsFailingBecomesAnIncidentWithItsMessage() {
        when(licenses.grantsOf(LICENSE)).thenReturn(List.of());
        when(licenses.grant(to("111")))
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

        verify(licenses).grant(new LicensePort.GrantOrder(LICENSE, "us-east-1", "arn:aws:iam::111:root", GrantTokens.of(LICENSE, "111", 0),
                new Grant("g-1", LICENSE, "111", "PENDING_WORKFLOW", "1"), false));
        assertThat(List.of(variable(pi, "grantsCreated"), variable(pi, "grantsActivated"))).containsExactly(0, 1);
        assertThat((String) variable(pi, "distributionReport")).contains("111 l-datadog activated");
    }

    @Test
    void onlyTheFailingWritesOfABatchAreNamedInItsIncident() {
        when(licenses.grantsOf(LICENSE)).thenReturn(List.of());
        when(licenses.grant(to("222")))
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
        verify(licenses).grant(to("222"));
        verify(licenses, never()).revoke(any(), anyString());
        assertThat(entitlements.forProduct("prod-dtdgobserv001")).extracting(Entitlement::id).contains("PR-SECOND");
    }

    @Test
    void everyRecordedEntitlementCountsEvenWhenTheDistributionNamesOnlyTheProduct() {
        entitlements.record(new Entitlement("PR-FIRST", "prod-dtdgobserv001", "111", null, null));
        entitlements.record(new Entitlement("PR-SECOND", "prod-dtdgobserv001", "222", null, null));
        when(licenses.grantsOf(LICENSE)).thenReturn(List.of(grant("g-1", "111", "ACTIVE"), grant("g-3", "333", "ACTIVE")));

        run(null, Map.of("productId", "prod-dtdgobserv001"));

        verify(licenses).grant(to("222"));
        verify(licenses).revoke(eq(new Grant("g-3", LICENSE, "333", null, "2")), eq("no longer entitled"));
        verify(licenses, never()).revoke(eq(new Grant("g-1", LICENSE, "111", null, "2")), anyString());
    }

    @Test
    void anAccountEventReconcilesThatAccountOnlyAcrossEveryEntitledProduct() {
        entitlements.record(new Entitlement("PR-FIRST", "prod-dtdgobserv001", "111,222", null, null));
        when(licenses.grantsOf(LICENSE)).thenReturn(List.of(grant("g-1", "111", "ACTIVE")));

        ProcessInstance pi = run("CreateAccountResult 222", Map.of("accountId", "222"));

        verify(licenses).grant(to("222"));
        verify(licenses, never()).grant(to("111"));
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

        verify(licenses).grant(new LicensePort.GrantOrder(LICENSE, "us-east-1", "arn:aws:iam::111:root", GrantTokens.of(LICENSE, "111", 0), null, false));
    }

    @Test
    void aConsistentOrganizationMakesNoWriteCall() {
        when(licenses.grantsOf(LICENSE)).thenReturn(List.of(grant("g-1", "111", "ACTIVE"), grant("g-2", "222", "ACTIVE")));

        ProcessInstance pi = distribute("111,222", null, null);

        assertThat(pi).isEnded();
        verify(licenses, never()).grant(any(LicensePort.GrantOrder.class));
        verify(licenses, never()).revoke(any(), anyString());
        assertThat(variable(pi, "grantsUnchanged")).isEqualTo(2L);
    }
}
