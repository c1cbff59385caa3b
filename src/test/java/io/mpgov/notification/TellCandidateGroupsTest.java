package io.mpgov.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every user task is named after its product and request, and its candidate groups are mailed by a job of its own. */
class TellCandidateGroupsTest {

    @RegisterExtension
    ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("process-test.cfg.xml")
            .build();

    final List<WaitingTaskMail.WaitingTask> sent = new ArrayList<>();
    RuntimeException failure;
    ManagementService management;
    String deployment;

    @BeforeEach
    void deploy() {
        management = engine.getManagementService();
        Mocks.register(WaitingTaskMail.BEAN, (WaitingTaskMail) task -> {
            if (failure != null) {
                throw failure;
            }
            sent.add(task);
        });
        deployment = engine.getRepositoryService()
                .createDeployment()
                .addModelInstance(
                        "waiting-probe.bpmn",
                        // an approval's ids, which the access policy lets finance and legal decide
                        Bpmn.createExecutableProcess("procurement-request")
                                .camundaHistoryTimeToLive(1)
                                .startEvent()
                                .userTask("Task_ApprovePrivateOffer")
                                .name("Approve (${kind})")
                                .camundaCandidateGroups("${groups}")
                                .endEvent()
                                .done())
                .deploy()
                .getId();
    }

    @AfterEach
    void undeploy() {
        engine.getRepositoryService().deleteDeployment(deployment, true);
        Mocks.reset();
        ClockUtil.reset();
    }

    ProcessInstance start(String groups, Map<String, Object> variables) {
        Map<String, Object> all = new java.util.HashMap<>(variables);
        all.put("groups", groups);
        all.put("kind", "finance");
        return engine.getRuntimeService().startProcessInstanceByKey("procurement-request", "PR-1", all);
    }

    Job mailJob(ProcessInstance pi) {
        return management.createJobQuery().processInstanceId(pi.getId()).singleResult();
    }

    @Test
    void theTaskIsNamedAfterItsProductAndRequestAndItsGroupsAreMailedOnceItIsCommitted() {
        ProcessInstance pi =
                start("finance,legal", Map.of("productTitle", "Snowflake Data Cloud", "requestId", "PR-2026-0001"));
        String name = "Approve (finance): Snowflake Data Cloud — PR-2026-0001";
        assertThat(engine.getTaskService().createTaskQuery().singleResult().getName())
                .isEqualTo(name);
        assertThat(engine.getHistoryService()
                        .createHistoricTaskInstanceQuery()
                        .singleResult()
                        .getName())
                .as("history keeps the name Tasklist showed")
                .isEqualTo(name);
        assertThat(sent).as("not inside the transaction that made the task").isEmpty();

        management.executeJob(mailJob(pi).getId());

        assertThat(sent).singleElement().satisfies(task -> {
            assertThat(task.name()).isEqualTo(name);
            assertThat(task.groups()).containsExactly("finance", "legal");
            assertThat(task.variables()).containsEntry("requestId", "PR-2026-0001");
        });
        assertThat(mailJob(pi)).isNull();
    }

    @Test
    void withoutATitleTheProductIdNamesTheTaskAndWithoutEitherTheModelsNameStays() {
        start("finance", Map.of("productId", "prod-abc", "requestId", "PR-2"));
        assertThat(engine.getTaskService().createTaskQuery().singleResult().getName())
                .isEqualTo("Approve (finance): prod-abc — PR-2");

        assertThat(TaskNames.readable("Attest role members", null, null, null)).isEqualTo("Attest role members");
        assertThat(TaskNames.readable("Approve", "x".repeat(300), null, "PR-3"))
                .hasSize(TaskNames.MAX)
                .endsWith("x… — PR-3");
    }

    @Test
    void theRequestersOwnTasksAreNotMailed() {
        ProcessInstance pi = start("requester", Map.of("productId", "prod-abc"));

        assertThat(mailJob(pi)).isNull();
    }

    @Test
    void aTaskTakenBeforeItsMailWentIsNotMailed() {
        var identity = engine.getIdentityService();
        if (identity.createGroupQuery().groupId("finance").count() == 0) {
            identity.saveGroup(identity.newGroup("finance"));
        }
        if (identity.createUserQuery().userId("fin").count() == 0) {
            identity.saveUser(identity.newUser("fin"));
            identity.createMembership("fin", "finance");
        }
        ProcessInstance pi = start("finance,legal", Map.of("productId", "prod-abc"));
        Job job = mailJob(pi);
        engine.getTaskService()
                .claim(engine.getTaskService().createTaskQuery().singleResult().getId(), "fin");

        management.executeJob(job.getId());

        assertThat(sent).isEmpty();
    }

    @Test
    void aRequestThatEndsTakesItsUnsentMailWithIt() {
        ProcessInstance pi = start("finance", Map.of("productId", "prod-abc"));
        assertThat(mailJob(pi)).isNotNull();

        engine.getRuntimeService().deleteProcessInstance(pi.getId(), "withdrawn");

        assertThat(mailJob(pi)).isNull();
    }

    @Test
    void aFailingMailIsRetriedAMinuteApartThenAnIncidentAndTheTaskStays() {
        ProcessInstance pi = start("finance", Map.of("productId", "prod-abc"));
        failure = new IllegalStateException("SES is down");

        for (int attempt = 1; attempt <= TellCandidateGroups.RETRIES; attempt++) {
            Job job = mailJob(pi);
            assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("SES is down");
            Job after = mailJob(pi);
            assertThat(after.getRetries()).isEqualTo(TellCandidateGroups.RETRIES - attempt);
            if (after.getRetries() > 0) {
                assertThat(after.getDuedate()).isAfter(ClockUtil.getCurrentTime());
            }
        }

        assertThat(engine.getRuntimeService()
                        .createIncidentQuery()
                        .processDefinitionId(pi.getProcessDefinitionId())
                        .singleResult())
                .satisfies(incident -> {
                    assertThat(incident.getIncidentType()).isEqualTo("failedJob");
                    assertThat(incident.getIncidentMessage()).contains("SES is down");
                });
        assertThat(engine.getTaskService().createTaskQuery().count()).isEqualTo(1);
    }
}
