package io.mpgov.notification;

import io.micrometer.core.instrument.Metrics;
import io.mpgov.decision.DecisionLog;
import io.mpgov.decision.DecisionRecord;
import io.mpgov.decision.DecisionRecords;
import io.mpgov.decision.DecisionVariables;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * Every "tell someone" task. The model names the template ({@code mailTemplate}) and, optionally, the
 * recipients ({@code recipients}: user ids and {@code group:<id>}, comma-separated); without them the
 * mail goes to the request's initiator. Templates get the process variables and the Tasklist link, and what people
 * decided as mpgov recorded it: {@code decisionLog} rendered from the records, and {@code comment}, the reason the
 * last rejection, request for changes or abandonment gave.
 */
@Component("notify")
class NotifyDelegate implements JavaDelegate {

    static final String TEMPLATE = "mailTemplate";
    static final String RECIPIENTS = "recipients";
    static final String INITIATOR = "initiator";
    static final String DECISION_LOG = "decisionLog";

    private final PeopleNotifier notifier;
    private final NotificationSettings settings;

    NotifyDelegate(PeopleNotifier notifier, NotificationSettings settings) {
        this.notifier = notifier;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object named = execution.getVariableLocal(RECIPIENTS);
        List<String> recipients = Arrays.stream((named == null ? execution.getVariable(INITIATOR) : named)
                        .toString()
                        .split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty() && !s.equals("null"))
                .distinct()
                .toList();
        Map<String, Object> model = new HashMap<>(execution.getVariables());
        List<DecisionRecord> decisions = DecisionRecords.of(execution.getProcessInstanceId());
        model.put(DECISION_LOG, DecisionLog.render(decisions));
        model.put(DecisionVariables.COMMENT, DecisionLog.lastReason(decisions));
        model.put("tasklistUrl", settings.tasklistUrl());
        model.put("requestUrl", settings.requestUrl(execution.getProcessBusinessKey()));
        String template = (String) execution.getVariableLocal(TEMPLATE);
        notifier.notify(recipients, template, model);
        Metrics.counter("mpgov.mails", "template", template).increment();
        if (template.endsWith("-escalated")) {
            // An escalation is a missed SLA: an approval or an attestation waited longer than the policy allows.
            Metrics.counter("mpgov.sla.breaches", "process", processKey(execution))
                    .increment();
        }
    }

    /** The key of the process the task belongs to, from its model (the engine's public API: no lookup, no authorization check). */
    static String processKey(DelegateExecution execution) {
        ModelElementInstance element = execution.getBpmnModelElementInstance();
        while (element != null && !(element instanceof Process)) {
            element = element.getParentElement();
        }
        return element != null ? ((Process) element).getId() : execution.getProcessDefinitionId();
    }
}
