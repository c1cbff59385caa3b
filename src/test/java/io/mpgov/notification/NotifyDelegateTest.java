package io.mpgov.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The notify delegate in a process of its own: who gets which mail, and the SLA breach an escalation counts, by process. */
class NotifyDelegateTest {

    @RegisterExtension
    ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("process-test.cfg.xml")
            .build();

    final PeopleNotifier notifier = mock(PeopleNotifier.class);
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    String deployment;

    @BeforeEach
    void wire() {
        Mocks.register(
                "notify",
                new NotifyDelegate(notifier, new NotificationSettings("mpgov@test.example", "https://mpgov.example")));
        Metrics.addRegistry(meters);
        // The escalation sits in a subprocess, as the approval escalation does: the key is the process's, not the
        // subprocess's.
        deployment = engine.getRepositoryService()
                .createDeployment()
                .addModelInstance(
                        "sla-probe.bpmn",
                        Bpmn.createExecutableProcess("sla-probe")
                                .camundaHistoryTimeToLive(1)
                                .startEvent()
                                .subProcess()
                                .embeddedSubProcess()
                                .startEvent()
                                .serviceTask("Task_Escalate")
                                .camundaDelegateExpression("${notify}")
                                .camundaInputParameter("mailTemplate", "approval-escalated")
                                .camundaInputParameter("recipients", "lead, group:finance")
                                .endEvent()
                                .subProcessDone()
                                .endEvent()
                                .done())
                .deploy()
                .getId();
    }

    @AfterEach
    void unwire() {
        engine.getRepositoryService().deleteDeployment(deployment, true);
        Metrics.removeRegistry(meters);
        Mocks.reset();
    }

    @Test
    void anEscalationMailsTheNamedRecipientsAndCountsABreachOfItsProcess() {
        engine.getRuntimeService().startProcessInstanceByKey("sla-probe", "PR-1", Map.of("initiator", "alice"));

        verify(notifier).notify(eq(List.of("lead", "group:finance")), eq("approval-escalated"), anyMap());
        assertThat(meters.get("mpgov.sla.breaches")
                        .tag("process", "sla-probe")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        assertThat(meters.get("mpgov.mails")
                        .tag("template", "approval-escalated")
                        .counter()
                        .count())
                .isEqualTo(1.0);
    }
}
