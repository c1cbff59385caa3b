package io.mpgov.license;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.mpgov.license.LicensePort.Grant;
import io.mpgov.organization.MemberAccount;
import io.mpgov.organization.OrganizationPort;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** license-distribution with the real plan and delegates; Organizations and License Manager are test doubles. */
@Deployment(resources = "processes/license-distribution.bpmn")
class LicenseDistributionProcessTest {

    @RegisterExtension
    ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("process-test.cfg.xml")
            .build();

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
        when(organization.accounts())
                .thenReturn(List.of(
                        account("111", "ACTIVE"),
                        account("222", "ACTIVE"),
                        account("333", "ACTIVE"),
                        account("444", "SUSPENDED"),
                        account("555", "ACTIVE")));
        when(licenses.licensesOf("prod-dtdgobserv001"))
                .thenReturn(List.of(
                        new LicensePort.ReceivedLicense(LICENSE, "prod-dtdgobserv001", "Datadog Pro", "us-east-1")));
        when(licenses.grant(any(LicensePort.GrantOrder.class)))
                .thenAnswer(call -> new Grant(
                        "g-new", ((LicensePort.GrantOrder) call.getArgument(0)).licenseArn(), "?", "ACTIVE", "2"));
        when(organization.organizationalUnitArn(anyString())).thenAnswer(call -> OU_ARN_PREFIX + call.getArgument(0));
    }

    @AfterEach
    void unwire() {
        Mocks.reset();
    }

    /** A grant order to the account (or, for an {@code ou-…} id, to the OU). */
    static LicensePort.GrantOrder to(String grantee) {
        String principal = grantee.startsWith("ou-") ? OU_ARN_PREFIX + grantee : "arn:aws:iam::" + grantee + ":root";
        return org.mockito.ArgumentMatchers.argThat(
                order -> order != null && order.principalArn().equals(principal));
    }

    static MemberAccount account(String id, String state) {
        return new MemberAccount(id, "account " + id, state);
    }

    static Grant grant(String arn, String account, String status) {
        return new Grant(arn, LICENSE, account, status, "2");
    }

    ProcessInstance distribute(String accounts, String ou, String tag) {
        return run(
                null,
                Variables.createVariables()
                        .putValue("productId", "prod-dtdgobserv001")
                        .putValue("targetAccountIds", accounts)
                        .putValue("targetOuId", ou)
                        .putValue("targetTag", tag));
    }

    ProcessInstance run(String businessKey, Map<String, Object> variables) {
        ProcessInstance pi = engine.getRuntimeService()
                .startProcessInstanceByKey(LicenseDistributionProcess.KEY, businessKey, variables);
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
        return engine.getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId())
                .variableName(name)
                .singleResult()
                .getValue();
    }

    @Test
    void grantsTheMissingKeepsTheRightAndRevokesTheUnentitledAndTheSuspended() {
        when(licenses.grantsOf(LICENSE))
                .thenReturn(
                        List.of(
                                grant("g-2", "222", "ACTIVE"),
                                grant("g-3", "333", "ACTIVE"),
                                grant("g-4", "444", "ACTIVE")),
                        List.of(
                                grant("g-new", "111", "ACTIVE"),
                                grant("g-2", "222", "ACTIVE"),
                                grant("g-3", "333", "PENDING_DELETE"),
                                grant("g-4", "444", "PENDING_DELETE")));

        ProcessInstance pi = distribute("111, 222, 444", null, null);

        assertThat(pi).isEnded().hasPassed("Task_ReportDistribution");
        verify(licenses)
                .grant(new LicensePort.GrantOrder(
                        LICENSE, "us-east-1", "arn:aws:iam::111:root", GrantTokens.of(LICENSE, "111", 0), null, false));
        verify(licenses).revoke(eq(new Grant("g-3", LICENSE, "333", null, "2")), eq("no longer entitled"));
        verify(licenses).revoke(eq(new Grant("g-4", LICENSE, "444", null, "2")), eq("account not ACTIVE"));
        verify(licenses, never()).grant(to("222"));
        assertThat(List.of(
                        variable(pi, "grantsCreated"),
                        variable(pi, "grantsRevoked"),
                        variable(pi, "grantsUnchanged"),
                        variable(pi, "grantsFailed")))
                .containsExactly(1, 2, 1L, 0);
        assertThat((String) variable(pi, "distributionReport"))
                .contains(
                        "account 111, license l-datadog: created",
                        "account 333, license l-datadog: revoked (no longer entitled)");
        assertThat(variable(pi, "distributionSummary"))
                .isEqualTo("granted to 1 account; revoked from 2 accounts; 1 already held it.");
    }

    @Test
    void eachBatchOfWritesIsAJobOfItsOwnThatMayRunInParallel() {
        when(licenses.grantsOf(LICENSE)).thenReturn(List.of());
        engine.getRuntimeService()
                .startProcessInstanceByKey(
                        LicenseDistributionProcess.KEY,
                        Variables.createVariables()
                                .putValue("productId", "prod-dtdgobserv001")
                                .putValue("targetAccountIds", "111,222,333"));
        management.executeJob(management.createJobQuery().singleResult().getId());

        // Three writes in batches of two.
        List<Job> writes = management.createJobQuery().list();
        assertThat(writes).hasSize(2);
        assertThat(writes)
                .allSatisfy(job -> assertThat(
                                ((org.camunda.bpm.engine.impl.persistence.entity.JobEntity) job).isExclusive())
                        .isFalse());
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
        when(organization.membersUnder("ou-mp01-technlgy"))
                .thenReturn(List.of(account("555", "ACTIVE"), account("444", "SUSPENDED")));
        when(licenses.grantsOf(LICENSE)).thenReturn(List.of(grant("g-ou", "ou-mp01-technlgy", "WORKFLOW_COMPLETED")));

        ProcessInstance pi = distribute(null, "ou-mp01-technlgy", null);

        verify(licenses, never()).grant(any(LicensePort.GrantOrder.class));
        verify(licenses, never()).revoke(any(), anyString());
        verify(organization, never()).accounts();
        assertThat(variable(pi, "grantsUnchanged")).isEqualTo(1L);
        assertThat((String) variable(pi, "distributionReport"))
                .contains(
                        "account 444, license l-datadog: unchanged (not ACTIVE, but covered by the grant to ou-mp01-technlgy");
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
        "WORKFLOW_COMPLETED, 2, false, "
    })
    @SuppressWarnings("unchecked")
    void everyGrantStatusAwsDocumentsIsHandled(String status, String version, boolean writes, String reported) {
        Grant held = new Grant("g-1", LICENSE, "111", status, version);
        boolean existing = List.of("PENDING_WORKFLOW", "DISABLED").contains(status);
        when(licenses.grantsOf(LICENSE))
                .thenReturn(
                        List.of(held),
                        List.of(
                                existing || writes
                                        ? new Grant(existing ? "g-1" : "g-new", LICENSE, "111", "ACTIVE", "3")
                                        : held));

        ProcessInstance pi = distribute("111", null, null);

        assertThat(pi).isEnded();
        if (writes) {
            verify(licenses).grant(to("111"));
            if (existing) {
                verify(licenses)
                        .grant(org.mockito.ArgumentMatchers.argThat(o -> o != null && held.equals(o.existing())));
            }
        } else {
            verify(licenses, never()).grant(any(LicensePort.GrantOrder.class));
        }
        verify(licenses, never()).revoke(any(), anyString());
        if (reported != null) {
            assertThat((List<String>) variable(pi, "distributionLines"))
                    .anySatisfy(line -> assertThat(line)
                            .startsWith("account 111, license l-datadog:")
                            .contains(reported));
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

        verify(licenses)
                .grant(new LicensePort.GrantOrder(
                        LICENSE,
                        "us-east-1",
                        "arn:aws:iam::111:root",
                        GrantTokens.of(LICENSE, "111", 0),
                        accepted,
                        false));
        verify(licenses, never()).grant(org.mockito.ArgumentMatchers.argThat(o -> o != null && o.existing() == null));
        assertThat(variable(pi, "grantsActivated")).isEqualTo(1);
    }

    @Test
    void anUnshareableLicenseIsNotTriedAndTheReportSaysWhy() {
        when(licenses.licensesOf("prod-dtdgobserv001"))
                .thenReturn(List.of(new LicensePort.ReceivedLicense(
                        LICENSE, "prod-dtdgobserv001", "Datadog Pro", "us-east-1", null, null, false)));

        ProcessInstance pi = distribute("111,222", null, null);

        assertThat(pi).isEnded();
        verify(licenses, never()).grant(any(LicensePort.GrantOrder.class));
        verify(licenses, never()).grantsOf(anyString());
        assertThat(variable(pi, "licensesNotShareable")).isEqualTo(1);
        assertThat((String) variable(pi, "distributionReport"))
                .contains("license l-datadog: not shared", "SaaS licenses cannot be shared");
        assertThat((String) variable(pi, "distributionSummary"))
                .as("a mail that grants nothing says why")
                .startsWith("not granted: AWS does not let this product's license be shared");
    }

    @Test
    void aRenewalsLicenseReplacesTheOldOneInsteadOfJoiningIt() {
        String renewal = LICENSE + "-2";
        java.time.Instant now = java.time.Instant.now();
        when(licenses.licensesOf("prod-dtdgobserv001"))
                .thenReturn(List.of(
                        new LicensePort.ReceivedLicense(
                                LICENSE,
                                "prod-dtdgobserv001",
                                "Datadog Pro",
                                "us-east-1",
                                now.minus(java.time.Duration.ofDays(360)),
                                now.plus(java.time.Duration.ofDays(5)),
                                true),
                        new LicensePort.ReceivedLicense(
                                renewal,
                                "prod-dtdgobserv001",
                                "Datadog Pro",
                                "us-east-1",
                                now.minus(java.time.Duration.ofDays(1)),
                                now.plus(java.time.Duration.ofDays(370)),
                                true)));
        when(licenses.grantsOf(LICENSE)).thenReturn(List.of(grant("g-old", "111", "ACTIVE")));
        when(licenses.grantsOf(renewal)).thenReturn(List.of());

        ProcessInstance pi = distribute("111", null, null);

        assertThat(pi).isEnded();
        verify(licenses)
                .grant(new LicensePort.GrantOrder(
                        renewal, "us-east-1", "arn:aws:iam::111:root", GrantTokens.of(renewal, "111", 0), null, true));
        verify(licenses, never())
                .grant(org.mockito.ArgumentMatchers.argThat(
                        o -> o != null && o.licenseArn().equals(LICENSE)));
        verify(licenses, never().description("the old grant stays until the new one is active"))
                .revoke(any(), any());

        // The next run finds the renewal's grant active: the old one goes.
        when(licenses.grantsOf(renewal)).thenReturn(List.of(new Grant("g-new", renewal, "111", "ACTIVE", "2")));
        assertThat(distribute("111", null, null)).isEnded();
        verify(licenses)
                .revoke(
                        eq(new Grant("g-old", LICENSE, "111", null, "2")),
                        eq("superseded by the current license l-datadog-2"));
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

        var incident = engine.getRuntimeService()
                .createIncidentQuery()
                .processInstanceId(pi.getId())
                .singleResult();
        assertThat(incident.getActivityId()).startsWith("SubProcess_GrantWork");
        assertThat(incident.getIncidentMessage())
                .contains("1 of 1 grant writes failed", "GRANT 111", "AccessDeniedException");
    }

    @Test
    void aGrantWaitingForActivationIsActivatedAndReportedSo() {
        when(licenses.grantsOf(LICENSE))
                .thenReturn(
                        List.of(new Grant("g-1", LICENSE, "111", "PENDING_WORKFLOW", "1")),
                        List.of(grant("g-1", "111", "ACTIVE")));

        ProcessInstance pi = distribute("111", null, null);

        verify(licenses)
                .grant(new LicensePort.GrantOrder(
                        LICENSE,
                        "us-east-1",
                        "arn:aws:iam::111:root",
                        GrantTokens.of(LICENSE, "111", 0),
                        new Grant("g-1", LICENSE, "111", "PENDING_WORKFLOW", "1"),
                        false));
        assertThat(List.of(variable(pi, "grantsCreated"), variable(pi, "grantsActivated")))
                .containsExactly(0, 1);
        assertThat((String) variable(pi, "distributionReport")).contains("account 111, license l-datadog: activated");
    }

    @Test
    void onlyTheFailingWritesOfABatchAreNamedInItsIncident() {
        when(licenses.grantsOf(LICENSE)).thenReturn(List.of());
        when(licenses.grant(to("222"))).thenThrow(new IllegalStateException("ServiceUnavailableException: try later"));

        ProcessInstance pi = distribute("111,222", null, null);

        var incident = engine.getRuntimeService()
                .createIncidentQuery()
                .processInstanceId(pi.getId())
                .singleResult();
        assertThat(incident.getIncidentMessage())
                .contains("1 of 2 grant writes failed", "GRANT 222", "ServiceUnavailableException")
                .doesNotContain("GRANT 111");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLargeDistributionKeepsEveryLineAndAReportThatFitsAStringVariable() {
        List<MemberAccount> many = java.util.stream.IntStream.range(0, 300)
                .mapToObj(i -> account(String.valueOf(100_000_000_000L + i), "ACTIVE"))
                .toList();
        when(organization.accounts()).thenReturn(many);
        when(licenses.grantsOf(LICENSE)).thenReturn(List.of());

        ProcessInstance pi =
                distribute(String.join(",", many.stream().map(MemberAccount::id).toList()), null, null);

        assertThat(pi).isEnded();
        assertThat((List<String>) variable(pi, "distributionLines")).hasSize(300);
        assertThat((String) variable(pi, "distributionReport"))
                .hasSizeLessThan(4000)
                .contains("more (variable distributionLines)");
    }

    @Test
    void aSecondRequestForTheProductAddsToWhoIsEntitledAndRevokesNothingOfTheFirst() {
        entitlements.record(new Entitlement("PR-FIRST", "prod-dtdgobserv001", "111", null, null));
        when(licenses.grantsOf(LICENSE)).thenReturn(List.of(grant("g-1", "111", "ACTIVE")));

        ProcessInstance pi = run("PR-SECOND", Map.of("productId", "prod-dtdgobserv001", "targetAccountIds", "222"));

        assertThat(pi).isEnded();
        verify(licenses).grant(to("222"));
        verify(licenses, never()).revoke(any(), anyString());
        assertThat(entitlements.forProduct("prod-dtdgobserv001"))
                .extracting(Entitlement::id)
                .contains("PR-SECOND");
    }

    @Test
    void everyRecordedEntitlementCountsEvenWhenTheDistributionNamesOnlyTheProduct() {
        entitlements.record(new Entitlement("PR-FIRST", "prod-dtdgobserv001", "111", null, null));
        entitlements.record(new Entitlement("PR-SECOND", "prod-dtdgobserv001", "222", null, null));
        when(licenses.grantsOf(LICENSE))
                .thenReturn(List.of(grant("g-1", "111", "ACTIVE"), grant("g-3", "333", "ACTIVE")));

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
        assertThat(entitlements.forProduct("prod-dtdgobserv001"))
                .extracting(Entitlement::id)
                .containsExactly("PR-FIRST");
    }

    @Test
    void aLicenseEventReconcilesTheProductOfThatLicense() {
        entitlements.record(new Entitlement("PR-FIRST", "prod-dtdgobserv001", "111", null, null));
        when(licenses.license(LICENSE))
                .thenReturn(java.util.Optional.of(
                        new LicensePort.ReceivedLicense(LICENSE, "prod-dtdgobserv001", "Datadog Pro", "us-east-1")));
        when(licenses.grantsOf(LICENSE)).thenReturn(List.of());

        run("License Change l-datadog", Map.of("licenseArn", LICENSE));

        verify(licenses)
                .grant(new LicensePort.GrantOrder(
                        LICENSE, "us-east-1", "arn:aws:iam::111:root", GrantTokens.of(LICENSE, "111", 0), null, false));
    }

    @Test
    void aConsistentOrganizationMakesNoWriteCall() {
        when(licenses.grantsOf(LICENSE))
                .thenReturn(List.of(grant("g-1", "111", "ACTIVE"), grant("g-2", "222", "ACTIVE")));

        ProcessInstance pi = distribute("111,222", null, null);

        assertThat(pi).isEnded();
        verify(licenses, never()).grant(any(LicensePort.GrantOrder.class));
        verify(licenses, never()).revoke(any(), anyString());
        assertThat(variable(pi, "grantsUnchanged")).isEqualTo(2L);
    }

    HistoricVariableInstance historic(ProcessInstance pi, String name) {
        return engine.getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId())
                .variableName(name)
                .disableCustomObjectDeserialization()
                .list()
                .get(0);
    }

    @Test
    void theWorkItsNoticesAndTheReportTravelAsRecordsInJsonVariablesAndAreReadBackAsThem() {
        when(licenses.grantsOf(LICENSE))
                .thenReturn(
                        List.of(grant("g-3", "333", "ACTIVE"), grant("g-5", "555", "PENDING_ACCEPT")),
                        List.of(grant("g-new", "111", "ACTIVE"), grant("g-5", "555", "PENDING_ACCEPT")));
        entitlements.record(new Entitlement("PR-FIRST", "prod-dtdgobserv001", "555", null, null));

        ProcessInstance pi = distribute("111", null, null);

        assertThat(pi).isEnded();
        Map<String, String> types = Map.of(
                "grantBatches",
                "java.util.ArrayList<io.mpgov.license.GrantBatch>",
                "batch",
                "io.mpgov.license.GrantBatch",
                "distributionNotices",
                "java.util.ArrayList<io.mpgov.license.GrantOutcome>",
                "distributionOutcomes",
                "io.mpgov.license.DistributionReport");
        types.forEach((name, type) -> {
            ObjectValue stored = (ObjectValue) historic(pi, name).getTypedValue();
            assertThat(stored.getSerializationDataFormat()).as(name).isEqualTo("application/json");
            assertThat(stored.getObjectTypeName()).as(name).isEqualTo(type);
        });
        assertThat(((ObjectValue) historic(pi, "distributionOutcomes").getTypedValue()).getValueSerialized())
                .as("the record's components, the enum by name, nothing else")
                .contains("\"kind\":\"CREATED\"", "\"accountId\":\"111\"", "\"grantArn\":\"g-new\"")
                .doesNotContain("\"line\"", "\"label\"");

        // Read back deserialized, in a command of its own, as the next job and the audit read them.
        DistributionReport report = (DistributionReport) variable(pi, "distributionOutcomes");
        assertThat(report.writes())
                .containsExactly(
                        new GrantOutcome(
                                GrantOutcome.Kind.CREATED, "111", LICENSE, "g-new", "entitled, had no grant yet"),
                        new GrantOutcome(GrantOutcome.Kind.REVOKED, "333", LICENSE, "g-3", "no longer entitled"));
        assertThat(report.notices())
                .extracting(GrantOutcome::accountId, GrantOutcome::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("555", GrantOutcome.Kind.PENDING_ACCEPTANCE));
        assertThat((List<?>) variable(pi, "grantBatches"))
                .singleElement()
                .isInstanceOfSatisfying(
                        GrantBatch.class,
                        batch -> assertThat(batch.items())
                                .extracting(GrantWork::action, GrantWork::accountId)
                                .containsExactly(
                                        org.assertj.core.groups.Tuple.tuple(DistributionPlan.Action.GRANT, "111"),
                                        org.assertj.core.groups.Tuple.tuple(DistributionPlan.Action.REVOKE, "333")));
        assertThat(variable(pi, "grantsPendingAcceptance")).isEqualTo(1);
    }

    /**
     * An instance planned before the records: its batches, each element's batch and its notices are the lists of maps the
     * plan wrote then. It goes on where it waits and reports as it would have.
     */
    @Test
    @SuppressWarnings("unchecked")
    void anInstancePlannedBeforeTheRecordsFinishesWithItsListsOfMaps() {
        when(licenses.grantsOf(LICENSE))
                .thenReturn(
                        List.of(
                                grant("g-1", "111", "DISABLED"),
                                grant("g-3", "333", "ACTIVE"),
                                grant("g-5", "555", "PENDING_ACCEPT")),
                        List.of(
                                grant("g-1", "111", "ACTIVE"),
                                grant("g-new", "222", "ACTIVE"),
                                grant("g-5", "555", "PENDING_ACCEPT")));
        entitlements.record(new Entitlement("PR-FIRST", "prod-dtdgobserv001", "555", null, null));
        ProcessInstance pi = engine.getRuntimeService()
                .startProcessInstanceByKey(
                        LicenseDistributionProcess.KEY,
                        Variables.createVariables()
                                .putValue("productId", "prod-dtdgobserv001")
                                .putValue("targetAccountIds", "111,222"));
        management.executeJob(management.createJobQuery().singleResult().getId());

        // What the plan of before left: the same work and notices, as ArrayList and LinkedHashMap.
        var runtime = engine.getRuntimeService();
        List<?> batches = (List<?>) runtime.getVariable(pi.getId(), "grantBatches");
        runtime.setVariable(
                pi.getId(),
                "grantBatches",
                json(new java.util.ArrayList<>(
                        batches.stream().map(b -> oldBatch((GrantBatch) b)).toList())));
        runtime.setVariable(
                pi.getId(),
                "distributionNotices",
                json(new java.util.ArrayList<>(((List<?>) runtime.getVariable(pi.getId(), "distributionNotices"))
                        .stream().map(n -> oldNotice((GrantOutcome) n)).toList())));
        for (var element : runtime.createVariableInstanceQuery()
                .processInstanceIdIn(pi.getId())
                .variableName("batch")
                .list()) {
            runtime.setVariableLocal(
                    element.getExecutionId(), "batch", json(oldBatch((GrantBatch) element.getValue())));
        }
        assertThat(historic(pi, "batch").getTypedValue())
                .isInstanceOfSatisfying(
                        ObjectValue.class,
                        v -> assertThat(v.getObjectTypeName()).startsWith("java.util.ArrayList<java.util."));
        runJobs();

        assertThat(pi).isEnded();
        verify(licenses)
                .grant(new LicensePort.GrantOrder(
                        LICENSE,
                        "us-east-1",
                        "arn:aws:iam::111:root",
                        GrantTokens.of(LICENSE, "111", 0),
                        grant("g-1", "111", "DISABLED"),
                        false));
        verify(licenses)
                .grant(new LicensePort.GrantOrder(
                        LICENSE, "us-east-1", "arn:aws:iam::222:root", GrantTokens.of(LICENSE, "222", 0), null, false));
        verify(licenses).revoke(eq(new Grant("g-3", LICENSE, "333", null, "2")), eq("no longer entitled"));
        assertThat(List.of(
                        variable(pi, "grantsCreated"),
                        variable(pi, "grantsActivated"),
                        variable(pi, "grantsRevoked"),
                        variable(pi, "grantsFailed"),
                        variable(pi, "grantsPendingAcceptance")))
                .containsExactly(1, 1, 1, 0, 1);
        assertThat((List<String>) variable(pi, "distributionLines"))
                .first(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("account 555, license l-datadog: pending acceptance");
        assertThat(((DistributionReport) variable(pi, "distributionOutcomes")).writes())
                .extracting(GrantOutcome::kind)
                .containsExactly(GrantOutcome.Kind.ACTIVATED, GrantOutcome.Kind.CREATED, GrantOutcome.Kind.REVOKED);
    }

    static ObjectValue json(Object value) {
        return Variables.objectValue(value)
                .serializationDataFormat(Variables.SerializationDataFormats.JSON)
                .create();
    }

    /** A batch as the plan wrote it before the records (DistributionPlanner.batches): a list of maps with these keys. */
    static java.util.ArrayList<Map<String, Object>> oldBatch(GrantBatch batch) {
        java.util.ArrayList<Map<String, Object>> items = new java.util.ArrayList<>();
        for (GrantWork w : batch.items()) {
            Map<String, Object> element = new java.util.LinkedHashMap<>();
            element.put("action", w.action().name());
            element.put("licenseArn", w.licenseArn());
            element.put("homeRegion", w.homeRegion());
            element.put("accountId", w.accountId());
            element.put("token", w.token());
            element.put("grantArn", w.grantArn());
            element.put("version", w.version());
            element.put("reason", w.reason());
            element.put("principalArn", w.principalArn());
            element.put("grantStatus", w.grantStatus());
            element.put("replaceActive", w.replaceActive());
            items.add(element);
        }
        return items;
    }

    /** A notice as the plan wrote it before: WAIT or NOT_SHAREABLE, and the reason the report read "pending acceptance" from. */
    static Map<String, Object> oldNotice(GrantOutcome notice) {
        Map<String, Object> element = new java.util.LinkedHashMap<>();
        element.put("action", notice.kind() == GrantOutcome.Kind.NOT_SHARED ? "NOT_SHAREABLE" : "WAIT");
        element.put("licenseArn", notice.licenseArn());
        element.put("accountId", notice.accountId());
        element.put("grantArn", notice.grantArn());
        element.put("reason", notice.reason());
        return element;
    }
}
