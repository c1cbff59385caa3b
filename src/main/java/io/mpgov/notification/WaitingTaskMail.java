package io.mpgov.notification;

import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Tells a task's candidate groups that it waits for them. The engine's mail job finds it as the bean
 * {@value #BEAN}, as a model finds a delegate: Spring wires mpgov's, process tests register their own.
 */
public interface WaitingTaskMail {

    String BEAN = "waitingTaskMail";

    /** @throws RuntimeException when the mail cannot go: the job is retried, then an incident */
    void send(WaitingTask task);

    /**
     * @param groups    the candidate groups the mail goes to
     * @param variables the variables the task sees (its request's among them)
     */
    record WaitingTask(String id, String name, List<String> groups, Date due, Map<String, Object> variables) {}
}
