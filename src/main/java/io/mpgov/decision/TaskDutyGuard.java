package io.mpgov.decision;

import io.mpgov.security.AccessPolicy;
import io.mpgov.security.Users;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * On every user task of every mpgov process (added by {@link GuardEveryUserTask}, before the model's own
 * listeners): at creation, records who must decide it as the model says; on an assignment, refuses an
 * assignee who may not decide it; at completion, refuses anyone who may not — whoever made them
 * assignee or candidate, and anyone but the one who claimed it. The record, not a variable or an identity link
 * added later, is what counts: a task the model assigned to one person is theirs alone. And the access policy must
 * let the decider's groups decide that task too.
 */
final class TaskDutyGuard implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE ->
                TaskDuties.open(
                        task.getId(),
                        task.getProcessInstanceId(),
                        task.getTaskDefinitionKey(),
                        candidateGroups(task),
                        task.getAssignee(),
                        ClockUtil.getCurrentTime());
            case EVENTNAME_ASSIGNMENT -> {
                String assignee = task.getAssignee();
                // The model's own assignment at creation fires before the duty exists.
                TaskDuties.of(task.getId()).ifPresent(duty -> {
                    if (assignee != null
                            && !assignee.equals(duty.assignee())
                            && !mayDecide(
                                    task, duty, assignee, Users.groups(task.getProcessEngineServices(), assignee))) {
                        throw new AuthorizationException(assignee + " may not be assigned '" + task.getName()
                                + "': only " + duty.deciders() + " decide it");
                    }
                });
            }
            case EVENTNAME_COMPLETE -> {
                String user = Users.current(task.getProcessEngineServices());
                if (user != null) {
                    TaskDuties.Duty duty = TaskDuties.of(task.getId()).orElseGet(() -> legacy(task));
                    List<String> groups = Users.currentGroups(task.getProcessEngineServices());
                    String claimedBy = task.getAssignee();
                    if (!duty.mayComplete(user, groups, claimedBy)) {
                        throw new AuthorizationException(user + " may not complete '" + task.getName() + "': only "
                                + (duty.mayDecide(user, groups) ? claimedBy + ", who claimed it," : duty.deciders())
                                + " decide it");
                    }
                    if (!allowedByPolicy(task, groups)) {
                        throw new AuthorizationException(user + " may not complete '" + task.getName()
                                + "': the access policy lets none of their groups decide it");
                    }
                }
            }
            default -> {}
        }
    }

    /** The model names them (the duty) and the access policy lets their groups decide this task. */
    private static boolean mayDecide(DelegateTask task, TaskDuties.Duty duty, String user, List<String> groups) {
        return duty.mayDecide(user, groups) && allowedByPolicy(task, groups);
    }

    private static boolean allowedByPolicy(DelegateTask task, List<String> groups) {
        String process = task.getProcessEngineServices()
                .getRepositoryService()
                .getProcessDefinition(task.getProcessDefinitionId())
                .getKey();
        return AccessPolicy.standard().mayDecide(groups, process, task.getTaskDefinitionKey());
    }

    /** A task created before mpgov kept duties: its candidate groups and assignee as they are now. */
    private static TaskDuties.Duty legacy(DelegateTask task) {
        return new TaskDuties.Duty(
                task.getId(), task.getTaskDefinitionKey(), candidateGroups(task), task.getAssignee(), null);
    }

    private static List<String> candidateGroups(DelegateTask task) {
        return task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(link -> link.getGroupId())
                .distinct()
                .sorted()
                .toList();
    }
}
