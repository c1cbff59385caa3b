package io.mpgov.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.mpgov.decision.RecordDecisionListener;
import io.mpgov.notification.WaitingTaskMail;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** access-review on the engine's own identity service: attestation, removal, refusal, escalation. */
class AccessReviewProcessTest {

    @RegisterExtension
    ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("process-test.cfg.xml")
            .build();

    static final Instant T0 = Instant.parse("2027-01-01T06:00:00Z");
    final List<String> mails = new ArrayList<>();
    /** "task name → candidate groups" of every "a task waits for you" mail sent. */
    final List<String> waitingMails = new ArrayList<>();

    IdentityService identity;
    TaskService tasks;
    ManagementService management;
    String deployment;

    @BeforeEach
    void fixture() {
        identity = engine.getProcessEngine().getIdentityService();
        tasks = engine.getTaskService();
        management = engine.getProcessEngine().getManagementService();
        ClockUtil.setCurrentTime(Date.from(T0));
        // The test engine is shared: other tests' people must not show up among the members reviewed here.
        clearIdentities();
        for (String group : List.of("procurement-manager", "pmp-admin", "security")) {
            identity.saveGroup(identity.newGroup(group));
        }
        user("alice", "procurement-manager");
        user("bob", "pmp-admin");
        user("sam", "security");
        user("carol", "security", "pmp-admin");

        configure(ReviewSettings.defaults()
                .withAccessRoleMappings(Map.of("pmp-admin", "arn:aws:iam::111111111111:role/pmp-administrator")));
        Mocks.register("recordDecision", new RecordDecisionListener(List.of()));
        Mocks.register(WaitingTaskMail.BEAN, (WaitingTaskMail)
                task -> waitingMails.add(task.name() + " → " + String.join(",", task.groups())));
        Mocks.register("notify", (JavaDelegate) (DelegateExecution e) ->
                mails.add(e.getVariableLocal("mailTemplate") + " → " + e.getVariableLocal("recipients")));
        // Deployed here, not by annotation: the review timer reads reviewSettings when it is deployed.
        deployment = engine.getRepositoryService()
                .createDeployment()
                .addClasspathResource("processes/access-review.bpmn")
                .deploy()
                .getId();
    }

    @AfterEach
    void reset() {
        engine.getRepositoryService().deleteDeployment(deployment, true);
        tasks.createTaskQuery().list().stream()
                .filter(t -> t.getProcessInstanceId() == null)
                .forEach(t -> tasks.deleteTask(t.getId(), true));
        clearIdentities();
        Mocks.reset();
        ClockUtil.reset();
    }

    void clearIdentities() {
        identity.createUserQuery().list().forEach(u -> identity.deleteUser(u.getId()));
        identity.createGroupQuery().list().forEach(g -> identity.deleteGroup(g.getId()));
    }

    void user(String id, String... groups) {
        User user = identity.newUser(id);
        user.setFirstName(id.substring(0, 1).toUpperCase() + id.substring(1));
        identity.saveUser(user);
        for (String group : groups) {
            identity.createMembership(id, group);
        }
    }

    void runJobs() {
        for (int i = 0; i < 20; i++) {
            List<Job> due = management.createJobQuery().executable().list().stream()
                    .filter(j -> j.getDuedate() == null || !j.getDuedate().after(ClockUtil.getCurrentTime()))
                    .filter(j -> !"timer-start-event".equals(jobType(j)))
                    .toList();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(j -> management.executeJob(j.getId()));
        }
    }

    static String jobType(Job job) {
        return ((org.camunda.bpm.engine.impl.persistence.entity.JobEntity) job).getJobHandlerType();
    }

    ReviewSettings settings;

    /** The review's settings, and the delegates that read them. */
    void configure(ReviewSettings settings) {
        this.settings = settings;
        AccessReviewer reviewer = new AccessReviewer(identity, engine.getHistoryService(), tasks, settings);
        AccessReviewDelegates delegates = new AccessReviewDelegates();
        Mocks.register("reviewSettings", settings);
        Mocks.register("listRoleMembers", delegates.listRoleMembers(reviewer));
        Mocks.register("validateAttestation", delegates.validateAttestation(reviewer));
        Mocks.register("applyAccessRemovals", delegates.applyAccessRemovals(reviewer));
    }

    ProcessInstance startReview() {
        ProcessInstance pi =
                engine.getRuntimeService().startProcessInstanceByMessage(AccessReviewProcess.MESSAGE_REVIEW_REQUESTED);
        runJobs();
        return pi;
    }

    Task attestation(ProcessInstance pi) {
        return tasks.createTaskQuery()
                .processInstanceId(pi.getId())
                .taskDefinitionKey("Task_AttestAccess")
                .singleResult();
    }

    void attest(ProcessInstance pi, String user, String removals) {
        identity.setAuthenticatedUserId(user);
        try {
            tasks.complete(
                    attestation(pi).getId(),
                    Map.of("decision", "ATTEST", "accessRemovals", removals, "comment", "quarterly"));
        } finally {
            identity.clearAuthentication();
        }
        runJobs();
    }

    @Test
    void securityAttestsAndARemovalTakesEffectInMpgovAndIsListedForAws() {
        ProcessInstance pi = startReview();

        assertThat(pi).isWaitingAt("Task_AttestAccess");
        assertThat(tasks.createTaskQuery().taskCandidateGroup("security").count())
                .isEqualTo(1);
        assertThat(waitingMails).containsExactly("Attest role members → security");
        assertThat((String) engine.getRuntimeService().getVariable(pi.getId(), "membersText"))
                .contains(
                        "alice@procurement-manager (Alice), last active never",
                        "bob@pmp-admin (Bob)",
                        "AWS role arn:aws:iam::111111111111:role/pmp-administrator");

        Task claimed = tasks.newTask();
        claimed.setName("Review public offer");
        claimed.setAssignee("bob");
        tasks.saveTask(claimed);
        tasks.addCandidateGroup(claimed.getId(), "pmp-admin");

        attest(pi, "sam", "bob@pmp-admin");

        assertThat(pi).isEnded().hasPassed("Task_ApplyAccessRemovals", "EndEvent_AccessReviewed");
        assertThat(tasks.createTaskQuery()
                        .taskId(claimed.getId())
                        .singleResult()
                        .getAssignee())
                .as("the task bob had claimed goes back to pmp-admin")
                .isNull();
        assertThat(identity.createUserQuery().memberOfGroup("pmp-admin").list())
                .extracting(User::getId)
                .containsExactly("carol");
        assertThat(identity.createUserQuery()
                        .memberOfGroup("procurement-manager")
                        .list())
                .extracting(User::getId)
                .containsExactly("alice");
        assertThat((String) engine.getHistoryService()
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(pi.getId())
                        .variableName("accessReviewReport")
                        .singleResult()
                        .getValue())
                .contains(
                        "removed bob@pmp-admin from the mpgov group pmp-admin",
                        "gave 'Review public offer', which bob had claimed, back to pmp-admin",
                        "AWS: remove bob from the IAM role arn:aws:iam::111111111111:role/pmp-administrator");
        assertThat(mails).containsExactly("access-review-done → group:security,group:camunda-admin");
    }

    @Test
    void aRemovalThatNamesNoCurrentMembershipIsRefusedAndNothingIsRemoved() {
        ProcessInstance pi = startReview();

        assertThatThrownBy(() -> attest(pi, "sam", "bob@pmp-admin, mallory@pmp-admin, alice@pmp-admin"))
                .hasMessageContaining("Not a current membership (user@group): mallory@pmp-admin, alice@pmp-admin");

        assertThat(pi).isWaitingAt("Task_AttestAccess");
        assertThat(identity.createUserQuery().memberOfGroup("pmp-admin").count())
                .isEqualTo(2);
    }

    @Test
    void theGroupsThatMayNotAttestAreTheReviewedOnesAsConfigured() {
        configure(settings.withAccessGroups(List.of("procurement-manager")));
        ProcessInstance pi = startReview();

        attest(pi, "carol", "");

        assertThat(pi)
                .as("carol holds pmp-admin, which this review does not cover")
                .isEnded();
    }

    @Test
    void nobodyAttestsARoleTheyHoldThemselves() {
        ProcessInstance pi = startReview();

        assertThatThrownBy(() -> attest(pi, "carol", "")).hasMessageContaining("pmp-admin");

        assertThat(pi).isWaitingAt("Task_AttestAccess");
        attest(pi, "sam", "");
        assertThat(pi).isEnded();
        assertThat(identity.createUserQuery().memberOfGroup("pmp-admin").count())
                .isEqualTo(2);
    }

    @Test
    void anOverdueAttestationEscalatesAndStaysOpen() {
        ProcessInstance pi = startReview();
        runJobs();
        assertThat(mails).isEmpty();

        ClockUtil.setCurrentTime(Date.from(T0.plus(Duration.ofDays(10)).plusSeconds(60)));
        runJobs();

        assertThat(mails).containsExactly("access-review-escalated → group:camunda-admin,group:security");
        assertThat(pi).isWaitingAt("Task_AttestAccess").hasPassed("EndEvent_AttestationEscalated");
    }

    @Test
    void theReviewIsScheduledQuarterly() {
        Job timer = management.createJobQuery().timers().list().stream()
                .filter(j -> "timer-start-event".equals(jobType(j)))
                .findFirst()
                .orElseThrow();

        assertThat(timer.getDuedate()).isEqualTo(Date.from(Instant.parse("2027-04-01T06:00:00Z")));
    }
}
