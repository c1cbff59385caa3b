package io.mpgov.request;

import io.mpgov.security.Personas;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Where requests stand, for people: their open tasks (who may work each, since when) and their state in words —
 * "Waiting for approval (finance)", "Completed: product added to the PMP", "Rejected". Reads what the caller may see
 * already; the caller decides visibility.
 */
@Component
class RequestStatus {

    /** Tasklist's page of one task; relative, so that it opens on the host the person reached mpgov by. */
    static String tasklistUrl(String taskId) {
        return "/camunda/app/tasklist/default/#/?task=" + taskId;
    }

    private static final Pattern IN_PARENTHESES = Pattern.compile("\\(([^)]+)\\)");

    private final TaskService tasks;
    private final HistoryService history;

    RequestStatus(TaskService tasks, HistoryService history) {
        this.tasks = tasks;
        this.history = history;
    }

    /** The open tasks of these requests (one query, plus each task's candidates), by process instance. */
    Map<String, List<RequestView.Waiting>> waiting(Collection<String> processInstanceIds, Authentication caller) {
        Map<String, List<RequestView.Waiting>> waiting = new LinkedHashMap<>();
        if (processInstanceIds.isEmpty()) {
            return waiting;
        }
        for (Task task : tasks.createTaskQuery()
                .processInstanceIdIn(processInstanceIds.toArray(String[]::new))
                .orderByTaskCreateTime()
                .asc()
                .orderByTaskId()
                .asc()
                .list()) {
            waiting.computeIfAbsent(task.getProcessInstanceId(), k -> new ArrayList<>())
                    .add(waiting(task, tasks.getIdentityLinksForTask(task.getId()), caller));
        }
        return waiting;
    }

    static RequestView.Waiting waiting(Task task, List<IdentityLink> links, Authentication caller) {
        List<String> groups = candidates(links, IdentityLink::getGroupId);
        List<String> users = candidates(links, IdentityLink::getUserId);
        return new RequestView.Waiting(
                task.getId(),
                task.getTaskDefinitionKey(),
                task.getName(),
                groups,
                users,
                task.getAssignee(),
                task.getCreateTime(),
                task.getDueDate(),
                mayWork(caller, task.getAssignee(), groups, users) ? tasklistUrl(task.getId()) : null);
    }

    /** The assignee works it; unassigned, any candidate may claim it. */
    static boolean mayWork(Authentication caller, String assignee, List<String> groups, List<String> users) {
        if (assignee != null) {
            return assignee.equals(caller.getUserId());
        }
        return users.contains(caller.getUserId())
                || (caller.getGroupIds() != null
                        && caller.getGroupIds().stream().anyMatch(groups::contains));
    }

    private static List<String> candidates(
            List<IdentityLink> links, java.util.function.Function<IdentityLink, String> who) {
        return links.stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && who.apply(l) != null)
                .map(who)
                .distinct()
                .sorted()
                .toList();
    }

    /** The end event an ended request reached (ending in an event subprocess: the last end event to finish). */
    String outcome(HistoricProcessInstance request) {
        String outcome = request.getEndActivityId();
        if (outcome == null || !outcome.startsWith("SubProcess_")) {
            return outcome;
        }
        return history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(request.getId())
                .finished()
                .orderByHistoricActivityInstanceEndTime()
                .desc()
                .orderPartiallyByOccurrence()
                .desc()
                .list()
                .stream()
                .map(HistoricActivityInstance::getActivityId)
                .filter(a -> a.startsWith("EndEvent_"))
                .findFirst()
                .orElse(outcome);
    }

    /** The steps a running request is in that no person works: what it waits for when no task is open. */
    List<String> runningSteps(HistoricProcessInstance request) {
        return history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(request.getId())
                .unfinished()
                .list()
                .stream()
                .filter(a -> !"userTask".equals(a.getActivityType())
                        && a.getActivityName() != null
                        && !a.getActivityType().startsWith("multiInstance")
                        && !a.getActivityType().equals("subProcess"))
                .map(HistoricActivityInstance::getActivityName)
                .distinct()
                .toList();
    }

    /** The request's state in words. */
    static String words(String state, String outcome, List<RequestView.Waiting> waiting, List<String> running) {
        if (!"ACTIVE".equals(state) && !"SUSPENDED".equals(state)) {
            return ended(state, outcome);
        }
        List<String> waits = waiting.stream()
                .filter(w -> !"Task_HandleOverdueApproval".equals(w.task()))
                .map(RequestStatus::waitsFor)
                .distinct()
                .collect(Collectors.toCollection(ArrayList::new));
        if (waits.isEmpty() && !waiting.isEmpty()) {
            waits.add(waitsFor(waiting.get(0)));
        }
        String approvals = waiting.stream()
                .filter(w -> "Task_ApprovePrivateOffer".equals(w.task()))
                .map(RequestStatus::approvalKind)
                .distinct()
                .collect(Collectors.joining(", "));
        waits.replaceAll(w -> w.equals("approval") ? "approval (" + approvals + ")" : w);
        String words = !waits.isEmpty()
                ? "Waiting for " + String.join(" and ", waits)
                : running.isEmpty() ? "In progress" : "In progress: " + String.join(", ", running);
        return "SUSPENDED".equals(state) ? words + " (suspended)" : words;
    }

    private static String waitsFor(RequestView.Waiting w) {
        return switch (w.task() == null ? "" : w.task()) {
            case "Task_ApprovePrivateOffer" -> "approval";
            case "Task_ReviewPublicOffer" -> "review by a PMP administrator";
            case "Task_AcceptPrivateOffer" -> "the procurement manager to accept the offer in AWS Marketplace";
            case "Task_ConfirmPmpAddition" -> "a PMP administrator to confirm the approvals";
            case "Task_ReviseRequest" -> "the requester to revise the request";
            case "Task_CompletePmpRequest" -> "the requester to complete the request";
            case "Task_ResolveCatalogChangeFailure" -> "a PMP administrator: the Private Marketplace change failed";
            default ->
                w.taskName()
                        + (w.candidateGroups().isEmpty()
                                ? ""
                                : " ("
                                        + w.candidateGroups().stream()
                                                .map(Personas::displayName)
                                                .collect(Collectors.joining(", "))
                                        + ")");
        };
    }

    /** "Approve private offer (finance)…": the approval's kind, else the group that gives it. */
    private static String approvalKind(RequestView.Waiting w) {
        Matcher kind = IN_PARENTHESES.matcher(w.taskName() == null ? "" : w.taskName());
        return kind.find() ? kind.group(1) : String.join(", ", w.candidateGroups());
    }

    private static String ended(String state, String outcome) {
        if (!"COMPLETED".equals(state)) {
            return "Cancelled by an administrator";
        }
        return switch (outcome == null ? "" : outcome) {
            case "EndEvent_ProductAllowed" -> "Completed: product added to the PMP";
            case "EndEvent_RequestRejected", "EndEvent_PrivateRequestRejected" -> "Rejected";
            case "EndEvent_RequestWithdrawn" -> "Withdrawn by the requester";
            case "EndEvent_RequestInvalid" -> "Not accepted: the request was invalid";
            case "EndEvent_CatalogChangeAbandoned" -> "Ended: the Private Marketplace change was abandoned";
            case "EndEvent_PmpRequestClosed" -> "Closed: the Private Marketplace request was cancelled or expired";
            default -> "Completed";
        };
    }
}
