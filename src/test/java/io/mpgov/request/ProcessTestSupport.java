package io.mpgov.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.mpgov.agreement.Agreement;
import io.mpgov.agreement.AgreementPort;
import io.mpgov.agreement.AgreementTestDelegates;
import io.mpgov.catalog.CatalogPort;
import io.mpgov.catalog.CatalogTestDelegates;
import io.mpgov.catalog.ChangeSetStatus;
import io.mpgov.notification.WaitingTaskMail;
import io.mpgov.request.approval.ApprovalSettings;
import io.mpgov.request.approval.ApprovalTestListeners;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The procurement-request models, DMN tables and forms deployed in an in-memory engine; the ports
 * (AWS, organization) are test doubles, the delegates and listeners the real ones, and the demo
 * personas exist as users and groups.
 */
@Deployment(
        resources = {
            "processes/procurement-request.bpmn",
            "processes/catalog-change.bpmn",
            "processes/license-distribution.bpmn",
            "processes/offer-routing.dmn",
            "processes/approval-matrix.dmn",
            "forms/request-form.form",
            "forms/public-offer-review.form",
            "forms/catalog-change-failure.form",
            "forms/private-offer-approval.form",
            "forms/revise-request.form",
            "forms/accept-private-offer.form",
            "forms/confirm-pmp-addition.form",
            "forms/approval-escalation.form"
        })
abstract class ProcessTestSupport {

    /** Per test instance: a static one in a base class breaks for the second subclass. The engine is cached. */
    @RegisterExtension
    ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("process-test.cfg.xml")
            .build();

    static final String OFFER = "offer-pagerdutypriv1";
    static final String PRODUCT = "prod-pagerduty0001";

    final RequestValidator validator = mock(RequestValidator.class);
    final CatalogPort catalog = mock(CatalogPort.class);
    /** The experiences mpgov governs in these tests: exp-test alone unless a test adds some. */
    io.mpgov.catalog.CatalogSettings catalogSettings;

    final AgreementPort agreements = mock(AgreementPort.class);
    final io.mpgov.organization.OrganizationPort organization = mock(io.mpgov.organization.OrganizationPort.class);
    /** No license for the product unless a test says otherwise: distribution has nothing to do. */
    final io.mpgov.license.LicensePort licenses = mock(io.mpgov.license.LicensePort.class);

    final io.mpgov.catalog.InMemoryPmpInventory inventory = new io.mpgov.catalog.InMemoryPmpInventory();
    /** "template → recipients" of every mail sent. */
    final List<String> mails = new ArrayList<>();
    /** "task name → candidate groups" of every "a task waits for you" mail sent. */
    final List<String> waitingMails = new ArrayList<>();

    RuntimeService runtime;
    TaskService tasks;
    IdentityService identity;
    ManagementService management;
    HistoryService history;

    @BeforeEach
    void wire() {
        var processEngine = engine.getProcessEngine();
        runtime = processEngine.getRuntimeService();
        tasks = processEngine.getTaskService();
        identity = processEngine.getIdentityService();
        management = processEngine.getManagementService();
        history = processEngine.getHistoryService();
        catalogSettings = CatalogTestDelegates.settings(5);
        ApprovalSettings approvals = ApprovalSettings.defaults();
        Mocks.register("catalogSettings", catalogSettings);
        Mocks.register("approvalSettings", approvals);
        RequestCheck check = new RequestCheck(validator, new ProductDetails(catalog), new RequestFormLabels());
        Mocks.register("validateRequest", new ValidateRequestDelegate(check));
        Mocks.register("checkSubmission", new CheckSubmissionListener(check));
        CatalogTestDelegates.register(catalog, catalogSettings, organization);
        Mocks.register("recordPmpAddition", CatalogTestDelegates.recordPmpAddition(inventory));
        Mocks.register("recordDecision", ApprovalTestListeners.recordDecision(approvals));
        Mocks.register("planApprovals", ApprovalTestListeners.planApprovals(approvals));
        Mocks.register("approvalRound", ApprovalTestListeners.ROUND);
        Mocks.register("showApprovals", ApprovalTestListeners.showApprovals(approvals));
        Mocks.register("decisions", new io.mpgov.decision.DecisionRecords());
        Mocks.register("verifyAgreement", AgreementTestDelegates.verifyAgreement(agreements));
        Mocks.register("recordAgreementAttempt", AgreementTestDelegates.recordAgreementAttempt());
        Mocks.register("takeOverRequest", new TakeOverRequestListener());
        Mocks.register("assignRequestId", new AssignRequestIdListener());
        io.mpgov.license.LicenseTestDelegates.register(organization, licenses);
        Mocks.register("notify", (JavaDelegate)
                (DelegateExecution e) -> mails.add(e.getVariableLocal("mailTemplate") + " → "
                        + (e.getVariableLocal("recipients") == null
                                ? e.getVariable("initiator")
                                : e.getVariableLocal("recipients"))));
        Mocks.register(WaitingTaskMail.BEAN, (WaitingTaskMail)
                task -> waitingMails.add(task.name() + " → " + String.join(",", task.groups())));
        when(validator.validate(any(), anyString())).thenReturn(List.of());
        when(catalog.startProductChange(any())).thenReturn("cs-1");
        when(catalog.describeChangeSet("cs-1")).thenReturn(new ChangeSetStatus("cs-1", "SUCCEEDED", null, List.of()));
        when(agreements.find(anyString())).thenReturn(Optional.empty());
        personas();
    }

    /** Governs these experiences too, beside exp-test: the catalog's beans are wired anew with the settings. */
    void governAlso(String... experienceIds) {
        catalogSettings = catalogSettings.withExperienceIds(List.of(experienceIds));
        Mocks.register("catalogSettings", catalogSettings);
        CatalogTestDelegates.register(catalog, catalogSettings, organization);
    }

    @AfterEach
    void unwire() {
        Mocks.reset();
        identity.clearAuthentication();
    }

    /** The demo personas, plus people with two hats to test separation of duties. */
    private void personas() {
        for (String group : List.of(
                "requester", "procurement-manager", "pmp-admin", "finance", "legal", "security", "camunda-admin")) {
            if (identity.createGroupQuery().groupId(group).count() == 0) {
                identity.saveGroup(identity.newGroup(group));
            }
        }
        Map<String, List<String>> users = Map.ofEntries(
                Map.entry("requester", List.of("requester")),
                Map.entry("requester2", List.of("requester")),
                Map.entry("procurement-manager", List.of("procurement-manager")),
                Map.entry("pmp-admin", List.of("pmp-admin")),
                Map.entry("finance", List.of("finance")),
                Map.entry("legal", List.of("legal")),
                Map.entry("security", List.of("security")),
                Map.entry("finance-and-legal", List.of("finance", "legal")),
                Map.entry("pm-and-pmp", List.of("procurement-manager", "pmp-admin")),
                Map.entry("requester-and-pmp", List.of("requester", "pmp-admin")),
                Map.entry("requester-and-legal", List.of("requester", "legal")));
        users.forEach((user, groups) -> {
            if (identity.createUserQuery().userId(user).count() == 0) {
                identity.saveUser(identity.newUser(user));
                groups.forEach(g -> identity.createMembership(user, g));
            }
        });
    }

    static VariableMap request(String offerType) {
        return Variables.createVariables()
                .putValue("productId", PRODUCT)
                .putValue("productTitle", "PagerDuty")
                .putValue("sellerName", "PagerDuty")
                .putValue("offerType", offerType)
                .putValue("offerId", "PRIVATE".equals(offerType) ? OFFER : null)
                .putValue("newVendor", "PRIVATE".equals(offerType) ? false : null)
                .putValue("customEula", "PRIVATE".equals(offerType) ? false : null)
                .putValue("estimatedAnnualCost", 12000L)
                .putValue("contractMonths", 12L)
                .putValue("dataClassification", "INTERNAL")
                .putValue("businessJustification", "On-call alerting for the retail platform")
                .putValue("targetAccountIds", "310987654321, 310987654322");
    }

    ProcessInstance submit(VariableMap variables) {
        return submitAs("requester", variables);
    }

    ProcessInstance submitAs(String requester, VariableMap variables) {
        identity.setAuthenticatedUserId(requester);
        try {
            ProcessInstance pi = runtime.startProcessInstanceByKey(ProcurementRequestProcess.KEY, variables);
            runJobs();
            return pi;
        } finally {
            identity.clearAuthentication();
        }
    }

    /** Runs every due-or-not async continuation (not timers) until none is left. */
    void runJobs() {
        // as the job executor does: nobody signed in (the engine gate lets no persona execute jobs)
        var caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            runJobsAsSystem();
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }

    private void runJobsAsSystem() {
        for (int i = 0; i < 50; i++) {
            List<Job> jobs = management.createJobQuery().messages().list().stream()
                    .filter(j -> j.getRetries() > 0)
                    .toList();
            List<Job> timers = management.createJobQuery().timers().list().stream()
                    .filter(j -> j.getRetries() > 0 && isPollingTimer(j))
                    .toList();
            if (jobs.isEmpty() && timers.isEmpty()) {
                return;
            }
            jobs.forEach(j -> management.executeJob(j.getId()));
            timers.forEach(j -> management.executeJob(j.getId()));
        }
        throw new AssertionError("Jobs keep coming");
    }

    /** catalog-change's timers are run at once; approval SLA timers only when a test moves the clock. */
    private boolean isPollingTimer(Job job) {
        String activity = management
                .createJobDefinitionQuery()
                .jobDefinitionId(job.getJobDefinitionId())
                .singleResult()
                .getActivityId();
        return activity.equals("Event_WaitForChangeSet") || activity.equals("Event_WaitForEntityLock");
    }

    Task task(ProcessInstance pi, String taskDefinitionKey, String candidateGroup) {
        var query = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskDefinitionKey);
        if (candidateGroup != null) {
            query = query.taskCandidateGroup(candidateGroup);
        }
        return query.singleResult();
    }

    void complete(Task task, String user, Map<String, Object> variables) {
        assertThat(task).as("open task").isNotNull();
        identity.setAuthenticatedUserId(user);
        try {
            tasks.complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
        runJobs();
    }

    static VariableMap decision(String decision, String comment) {
        return Variables.createVariables().putValue("decision", decision).putValue("comment", comment);
    }

    List<String> openTaskGroups(ProcessInstance pi, String taskDefinitionKey) {
        return tasks
                .createTaskQuery()
                .processInstanceId(pi.getId())
                .taskDefinitionKey(taskDefinitionKey)
                .list()
                .stream()
                .map(t -> tasks.getIdentityLinksForTask(t.getId()).stream()
                        .filter(l -> l.getGroupId() != null)
                        .map(l -> l.getGroupId())
                        .findFirst()
                        .orElse(null))
                .sorted()
                .toList();
    }

    /** The request id the process gave itself (the instance object predates it). */
    String requestIdOf(ProcessInstance pi) {
        return history.createHistoricProcessInstanceQuery()
                .processInstanceId(pi.getId())
                .singleResult()
                .getBusinessKey();
    }

    Object variable(ProcessInstance pi, String name) {
        return history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId())
                .variableName(name)
                .list()
                .stream()
                .filter(v -> v.getTaskId() == null)
                .map(HistoricVariableInstance::getValue)
                .findFirst()
                .orElse(null);
    }

    Map<String, Object> decisionOf(String taskDefinitionKey) {
        String taskId = history.createHistoricTaskInstanceQuery()
                .taskDefinitionKey(taskDefinitionKey)
                .finished()
                .list()
                .get(0)
                .getId();
        return history.createHistoricVariableInstanceQuery().taskIdIn(taskId).list().stream()
                .collect(Collectors.toMap(HistoricVariableInstance::getName, HistoricVariableInstance::getValue));
    }

    /** The engine's database, where mpgov's own tables are too. */
    javax.sql.DataSource database() {
        return ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
                        engine.getProcessEngine().getProcessEngineConfiguration())
                .getDataSource();
    }

    void agreementIs(String id, String status, String offerId) {
        when(agreements.find(id))
                .thenReturn(Optional.of(new Agreement(
                        id, status, offerId, List.of(PRODUCT), Instant.parse("2027-11-23T00:00:00Z"), false)));
    }
}
