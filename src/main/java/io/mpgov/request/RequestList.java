package io.mpgov.request;

import static io.mpgov.request.ProcurementRequestProcess.KEY;

import io.mpgov.security.AsSystem;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Service;

/**
 * The lists behind the request pages: the requests a caller may see ({@link RequestVisibility}, as one request's view
 * does) and the tasks that wait for them — newest request first, oldest task first, a page at a time.
 */
@Service
class RequestList {

    /** Which requests: all, the running ones, or those that ended. */
    enum State {
        ALL,
        OPEN,
        FINISHED;

        /** @return null for every request */
        Boolean finished() {
            return this == ALL ? null : this == FINISHED;
        }

        static State of(String value) {
            if (value == null || value.isEmpty()) {
                return ALL;
            }
            return switch (value) {
                case "all" -> ALL;
                case "open" -> OPEN;
                case "finished" -> FINISHED;
                default -> throw Paging.refused("state", "open, finished or all");
            };
        }
    }

    /**
     * @param allVisible the caller sees every request (else only those involving them)
     */
    record Requests(List<Summary> items, int page, int size, long total, boolean allVisible) {}

    /**
     * A request in a list.
     *
     * @param state      Camunda's: ACTIVE, COMPLETED, …
     * @param status     where it stands, in words ({@link RequestStatus})
     * @param waitingFor its open tasks, who may work them and since when
     */
    record Summary(
            String requestId,
            String productId,
            String productTitle,
            String offerType,
            String requestType,
            String state,
            String status,
            List<RequestView.Waiting> waitingFor,
            String startedBy,
            Date startedAt,
            Date endedAt) {}

    record Tasks(List<WaitingTask> items, int page, int size, long total) {}

    /** A task the caller is assigned to or may claim. */
    record WaitingTask(
            String taskId,
            String name,
            String task,
            String requestId,
            String process,
            String productId,
            String productTitle,
            Date created,
            Date due,
            String tasklistUrl) {}

    private static final String[] SUMMARY_FIELDS = {
        ProcurementRequestProcess.PRODUCT_ID,
        ProcurementRequestProcess.PRODUCT_TITLE,
        ProcurementRequestProcess.OFFER_TYPE,
        ProcurementRequestProcess.REQUEST_TYPE,
        ProcurementRequestProcess.INITIATOR
    };

    private final HistoryService history;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final IdentityService identity;
    private final RequestVisibility visibility;
    private final RequestStatus status;

    RequestList(
            HistoryService history,
            RuntimeService runtime,
            TaskService tasks,
            IdentityService identity,
            RequestVisibility visibility,
            RequestStatus status) {
        this.history = history;
        this.runtime = runtime;
        this.tasks = tasks;
        this.identity = identity;
        this.visibility = visibility;
        this.status = status;
    }

    /**
     * @param mine only those involving the caller ({@link RequestVisibility}: started, taken over, or with a task of
     *             theirs), even for those who see all
     */
    Requests requests(Paging paging, State state, boolean mine) {
        Authentication user = identity.getCurrentAuthentication();
        boolean allVisible = visibility.seesAll(user);
        return AsSystem.run(identity, () -> {
            long total;
            List<HistoricProcessInstance> page;
            if (mine || !allVisible) {
                RequestVisibility.Involving involving =
                        visibility.involving(user, state.finished(), paging.firstResult(), paging.size());
                total = involving.total();
                page = involving.page();
            } else {
                HistoricProcessInstanceQuery query =
                        history.createHistoricProcessInstanceQuery().processDefinitionKey(KEY);
                switch (state) {
                    case OPEN -> query.unfinished();
                    case FINISHED -> query.finished();
                    case ALL -> {}
                }
                total = query.count();
                page = query.orderByProcessInstanceStartTime()
                        .desc()
                        .orderByProcessInstanceId()
                        .desc()
                        .listPage(paging.firstResult(), paging.size());
            }
            Set<String> ids = page.stream().map(HistoricProcessInstance::getId).collect(Collectors.toSet());
            Map<String, Map<String, Object>> fields = fields(ids);
            Map<String, List<RequestView.Waiting>> waiting = status.waiting(ids, user);
            List<Summary> items = page.stream()
                    .map(pi -> summary(
                            pi, fields.getOrDefault(pi.getId(), Map.of()), waiting.getOrDefault(pi.getId(), List.of())))
                    .toList();
            return new Requests(items, paging.page(), paging.size(), total, allVisible);
        });
    }

    /** The open tasks the caller is assigned to or may claim (as a candidate, or through a candidate group). */
    Tasks tasks(Paging paging) {
        Authentication user = identity.getCurrentAuthentication();
        // The caller's own query: the engine's task authorizations apply on top.
        TaskQuery query = tasks.createTaskQuery()
                .active()
                .or()
                .taskAssignee(user.getUserId())
                .taskCandidateUser(user.getUserId())
                .endOr();
        long total = query.count();
        List<Task> page =
                query.orderByTaskCreateTime().asc().orderByTaskId().asc().listPage(paging.firstResult(), paging.size());
        return AsSystem.run(identity, () -> {
            Set<String> ids = page.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
            Map<String, String> businessKeys = ids.isEmpty()
                    ? Map.of()
                    : runtime.createProcessInstanceQuery().processInstanceIds(ids).list().stream()
                            .collect(Collectors.toMap(ProcessInstance::getId, p -> {
                                String key = p.getBusinessKey();
                                return key == null ? "" : key;
                            }));
            Map<String, Map<String, Object>> fields = fields(ids);
            List<WaitingTask> items = page.stream()
                    .map(t -> {
                        Map<String, Object> f = fields.getOrDefault(t.getProcessInstanceId(), Map.of());
                        String requestId = businessKeys.get(t.getProcessInstanceId());
                        return new WaitingTask(
                                t.getId(),
                                t.getName(),
                                t.getTaskDefinitionKey(),
                                requestId == null || requestId.isEmpty() ? null : requestId,
                                processKey(t.getProcessDefinitionId()),
                                (String) f.get(ProcurementRequestProcess.PRODUCT_ID),
                                (String) f.get(ProcurementRequestProcess.PRODUCT_TITLE),
                                t.getCreateTime(),
                                t.getDueDate(),
                                RequestStatus.tasklistUrl(t.getId()));
                    })
                    .toList();
            return new Tasks(items, paging.page(), paging.size(), total);
        });
    }

    private Summary summary(HistoricProcessInstance pi, Map<String, Object> f, List<RequestView.Waiting> waiting) {
        String outcome = pi.getEndTime() == null ? null : status.outcome(pi);
        List<String> running = waiting.isEmpty() && pi.getEndTime() == null ? status.runningSteps(pi) : List.of();
        Object requester = f.get(ProcurementRequestProcess.INITIATOR);
        return new Summary(
                pi.getBusinessKey(),
                (String) f.get(ProcurementRequestProcess.PRODUCT_ID),
                (String) f.get(ProcurementRequestProcess.PRODUCT_TITLE),
                (String) f.get(ProcurementRequestProcess.OFFER_TYPE),
                (String) f.get(ProcurementRequestProcess.REQUEST_TYPE),
                pi.getState(),
                RequestStatus.words(pi.getState(), outcome, waiting, running),
                waiting,
                requester != null ? requester.toString() : pi.getStartUserId(),
                pi.getStartTime(),
                pi.getEndTime());
    }

    /** The fields a list shows of these process instances: their own variables, not a task's or a step's. */
    private Map<String, Map<String, Object>> fields(Set<String> processInstanceIds) {
        Map<String, Map<String, Object>> fields = new HashMap<>();
        if (processInstanceIds.isEmpty()) {
            return fields;
        }
        history
                .createHistoricVariableInstanceQuery()
                .processInstanceIdIn(processInstanceIds.toArray(String[]::new))
                .variableNameIn(SUMMARY_FIELDS)
                .list()
                .stream()
                .filter(v -> v.getTaskId() == null
                        && v.getValue() != null
                        && v.getProcessInstanceId().equals(v.getActivityInstanceId()))
                .forEach(v -> fields.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>())
                        .put(v.getName(), v.getValue()));
        return fields;
    }

    private static String processKey(String processDefinitionId) {
        // Camunda's definition ids are key:version:id (for keys this short)
        int colon = processDefinitionId.indexOf(':');
        return colon < 0 ? processDefinitionId : processDefinitionId.substring(0, colon);
    }
}
