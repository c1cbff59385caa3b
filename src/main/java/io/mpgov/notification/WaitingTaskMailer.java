package io.mpgov.notification;

import io.micrometer.core.instrument.Metrics;
import io.mpgov.security.Personas;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The "a task waits for you" mail to every member of the task's candidate groups, with the link that opens it. */
@Component(WaitingTaskMail.BEAN)
class WaitingTaskMailer implements WaitingTaskMail {

    static final String TEMPLATE = "task-waiting";

    private final PeopleNotifier notifier;
    private final NotificationSettings settings;

    WaitingTaskMailer(PeopleNotifier notifier, NotificationSettings settings) {
        this.notifier = notifier;
        this.settings = settings;
    }

    @Override
    public void send(WaitingTask task) {
        Map<String, Object> model = new HashMap<>(task.variables());
        model.put("taskName", task.name());
        model.put(
                "groupNames", task.groups().stream().map(Personas::displayName).collect(Collectors.joining(", ")));
        model.put("dueDate", task.due());
        model.put("taskUrl", settings.taskUrl(task.id()));
        model.put("requestUrl", settings.requestUrl(task.variables().get("requestId")));
        notifier.notify(
                task.groups().stream().map(g -> PeopleNotifier.GROUP_PREFIX + g).toList(), TEMPLATE, model);
        Metrics.counter("mpgov.mails", "template", TEMPLATE).increment();
    }
}
