package io.mpgov.request;

import static io.mpgov.request.ProcurementRequestProcess.KEY;

import io.mpgov.decision.DecisionHistory;
import io.mpgov.request.approval.ApprovalRecords;
import io.mpgov.security.AsSystem;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/** Submits procurement requests and shows them, with the engine's authorizations as the gate. */
@Service
public class RequestService implements io.mpgov.review.Renewals {

    /** The request a renewal renews, and who made it: the renewal is theirs to complete. */
    static final String RENEWAL_OF = "renewalOf";

    static final String RENEWAL_REQUESTER = "renewalRequester";

    private final RuntimeService runtime;
    private final HistoryService history;
    private final RepositoryService repository;
    private final IdentityService identity;
    private final RequestVisibility visibility;
    private final RequestStatus status;
    private final RequestTrail trail;
    private final ApprovalRecords approvals;
    private final DecisionHistory decisionHistory;

    RequestService(
            RuntimeService runtime,
            HistoryService history,
            RepositoryService repository,
            IdentityService identity,
            RequestVisibility visibility,
            RequestStatus status,
            RequestTrail trail,
            ApprovalRecords approvals,
            DecisionHistory decisionHistory) {
        this.runtime = runtime;
        this.history = history;
        this.repository = repository;
        this.identity = identity;
        this.visibility = visibility;
        this.status = status;
        this.trail = trail;
        this.approvals = approvals;
        this.decisionHistory = decisionHistory;
    }

    public record Submitted(String requestId, String processInstanceId) {}

    /**
     * Starts a request as the authenticated user; the engine refuses users without CREATE_INSTANCE and
     * gives the request its id.
     *
     * @throws InvalidRequestException with one message per field, from the start's own check
     *     ({@link CheckSubmissionListener}); nothing is started
     */
    public Submitted submit(RequestForm form) {
        ProcessInstance instance = runtime.startProcessInstanceByKey(KEY, form.toVariables());
        return new Submitted(instance.getBusinessKey(), instance.getId());
    }

    /**
     * Starts a request for a Private Marketplace product request, unless one exists for it already
     * (in any state). A requester completes the business case before the request is validated.
     */
    public Optional<Submitted> startFromPrivateMarketplace(PmpProductRequest pmp) {
        long existing = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(KEY)
                .variableValueEquals(ProcurementRequestProcess.PMP_REQUEST_ID, pmp.pmpRequestId())
                .count();
        if (existing > 0) {
            return Optional.empty();
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcurementRequestProcess.PMP_REQUEST_ID, pmp.pmpRequestId());
        variables.put(ProcurementRequestProcess.PRODUCT_ID, pmp.productId());
        variables.put(ProcurementRequestProcess.PMP_PRODUCT_ID, pmp.productId());
        variables.put(ProcurementRequestProcess.PRODUCT_TITLE, pmp.productTitle());
        variables.put(ProcurementRequestProcess.SELLER_NAME, pmp.manufacturer());
        variables.put("pmpRequesterArn", pmp.requesterArn());
        variables.put(ProcurementRequestProcess.PMP_EXPERIENCE_ID, pmp.experienceId());
        variables.put("pmpExpiresAt", pmp.expiresAt() == null ? null : Date.from(pmp.expiresAt()));
        ProcessInstance instance = runtime.createMessageCorrelation(
                        ProcurementRequestProcess.MESSAGE_PMP_REQUEST_CREATED)
                .setVariables(variables)
                .correlateStartMessage();
        return Optional.of(new Submitted(instance.getBusinessKey(), instance.getId()));
    }

    /** What a renewal copies from the request it renews: the product, its use and its target, not the offer. */
    private static final List<String> RENEWED_FIELDS = List.of(
            ProcurementRequestProcess.PRODUCT_ID,
            ProcurementRequestProcess.PRODUCT_TITLE,
            ProcurementRequestProcess.SELLER_NAME,
            ProcurementRequestProcess.ESTIMATED_ANNUAL_COST,
            ProcurementRequestProcess.CONTRACT_MONTHS,
            ProcurementRequestProcess.DATA_CLASSIFICATION,
            ProcurementRequestProcess.TARGET_ACCOUNT_IDS,
            ProcurementRequestProcess.TARGET_OU_ID,
            ProcurementRequestProcess.TARGET_TAG);

    /**
     * Opens a RENEWAL request prefilled from the original, at "Complete product request", assigned to
     * the original requester: a catalog review removed the product before its agreement ends.
     */
    @Override
    public Optional<String> open(String originalRequestId, String productId, String reason) {
        if (runtime.createProcessInstanceQuery()
                        .processDefinitionKey(KEY)
                        .variableValueEquals(RENEWAL_OF, originalRequestId)
                        .count()
                > 0) {
            return Optional.empty();
        }
        HistoricProcessInstance original = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(KEY)
                .processInstanceBusinessKey(originalRequestId)
                .singleResult();
        Map<String, Object> variables = new HashMap<>();
        if (original != null) {
            history
                    .createHistoricVariableInstanceQuery()
                    .processInstanceId(original.getId())
                    .variableNameIn(RENEWED_FIELDS.toArray(String[]::new))
                    .list()
                    .stream()
                    .filter(v -> v.getTaskId() == null && v.getValue() != null)
                    .forEach(v -> variables.put(v.getName(), v.getValue()));
            history
                    .createHistoricVariableInstanceQuery()
                    .processInstanceId(original.getId())
                    .variableName(ProcurementRequestProcess.INITIATOR)
                    .list()
                    .stream()
                    .findFirst()
                    .ifPresent(v -> variables.put(RENEWAL_REQUESTER, v.getValue()));
        }
        variables.put(ProcurementRequestProcess.PRODUCT_ID, productId);
        variables.put(ProcurementRequestProcess.OFFER_TYPE, "PRIVATE");
        variables.put(ProcurementRequestProcess.REQUEST_TYPE, "RENEWAL");
        variables.put(RENEWAL_OF, originalRequestId);
        variables.put(
                ProcurementRequestProcess.BUSINESS_JUSTIFICATION,
                "Renewal of " + originalRequestId + " (" + reason + "): ");
        return Optional.of(runtime.createMessageCorrelation(ProcurementRequestProcess.MESSAGE_PMP_REQUEST_CREATED)
                .setVariables(variables)
                .correlateStartMessage()
                .getBusinessKey());
    }

    /** Records AWS's own decision on a PMP product request on the requests made for it. */
    public int recordPrivateMarketplaceDecision(String pmpRequestId, String status) {
        return runtime.createMessageCorrelation(ProcurementRequestProcess.MESSAGE_PMP_REQUEST_DECIDED)
                .processInstanceVariableEquals(ProcurementRequestProcess.PMP_REQUEST_ID, pmpRequestId)
                .setVariable(ProcurementRequestProcess.PMP_REQUEST_STATUS, status)
                .correlateAllWithResult()
                .size();
    }

    /**
     * AWS reports the PMP request cancelled or expired: its open requests end (with a mail) unless they
     * have committed to something in AWS already — those go on, and the answer names them.
     */
    public PmpRequestClosing closeForPrivateMarketplace(String pmpRequestId, String status) {
        List<String> closed = new java.util.ArrayList<>();
        List<String> goingOn = new java.util.ArrayList<>();
        for (ProcessInstance instance : runtime.createProcessInstanceQuery()
                .processDefinitionKey(KEY)
                .variableValueEquals(ProcurementRequestProcess.PMP_REQUEST_ID, pmpRequestId)
                .active()
                .list()) {
            // History, not the current position: a request that reached a committed step and looped back stays
            // committed.
            boolean committed = ProcurementRequestProcess.COMMITTED_ACTIVITIES.stream()
                    .anyMatch(activity -> history.createHistoricActivityInstanceQuery()
                                    .processInstanceId(instance.getId())
                                    .activityId(activity)
                                    .count()
                            > 0);
            if (committed) {
                goingOn.add(instance.getBusinessKey());
                continue;
            }
            // A request already closing (its mail under way) has no subscription left: nothing to do twice.
            if (!runtime.createMessageCorrelation(ProcurementRequestProcess.MESSAGE_PMP_REQUEST_CLOSED)
                    .processInstanceId(instance.getId())
                    .setVariable(ProcurementRequestProcess.PMP_REQUEST_STATUS, status)
                    .correlateAllWithResult()
                    .isEmpty()) {
                closed.add(instance.getBusinessKey());
            }
        }
        return new PmpRequestClosing(closed, goingOn);
    }

    /** @param goingOn requests that had committed to something in AWS and were not closed */
    public record PmpRequestClosing(List<String> closed, List<String> goingOn) {}

    /**
     * @throws RequestNotFoundException unknown id, or not visible ({@link RequestVisibility}): those it involves
     *                                  (requester, anyone with a task on it) see it, READ_HISTORY on the process sees all
     */
    public RequestView find(String requestId) {
        Authentication user = identity.getCurrentAuthentication();
        return AsSystem.run(identity, () -> {
            HistoricProcessInstance pi = history.createHistoricProcessInstanceQuery()
                    .processDefinitionKey(KEY)
                    .processInstanceBusinessKey(requestId)
                    .singleResult();
            if (pi == null || !visibility.maySee(user, pi.getId())) {
                throw new RequestNotFoundException(requestId);
            }
            return view(pi, user);
        });
    }

    private RequestView view(HistoricProcessInstance pi, Authentication user) {
        String id = pi.getId();
        Map<String, Object> details = new TreeMap<>();
        List<HistoricVariableInstance> variables = history.createHistoricVariableInstanceQuery()
                .processInstanceId(id)
                .disableBinaryFetching()
                .list();
        variables.stream()
                .filter(v -> v.getTaskId() == null
                        && v.getValue() != null
                        && v.getActivityInstanceId().equals(id))
                .forEach(v -> details.put(v.getName(), v.getValue()));
        List<RequestView.Decision> decisions = decisionHistory.of(id).stream()
                .map(d -> new RequestView.Decision(
                        d.taskKey(), d.taskName(), d.outcome(), d.comment(), d.decidedBy(), d.decidedAt()))
                .toList();
        List<String> waiting =
                history.createHistoricActivityInstanceQuery().processInstanceId(id).unfinished().list().stream()
                        .map(HistoricActivityInstance::getActivityName)
                        .filter(n -> n != null)
                        .toList();
        String outcome = status.outcome(pi);
        List<RequestView.Waiting> waitingFor = status.waiting(List.of(id), user).getOrDefault(id, List.of());
        return new RequestView(
                pi.getBusinessKey(),
                id,
                pi.getState(),
                pi.getStartUserId(),
                pi.getStartTime(),
                pi.getEndTime(),
                waiting,
                outcome,
                details,
                decisions,
                policies(id),
                RequestStatus.words(pi.getState(), outcome, waitingFor, status.runningSteps(pi)),
                waitingFor,
                trail.awsChanges(pi, details),
                trail.mails(pi, details.get(ProcurementRequestProcess.INITIATOR)),
                approvals.of(id));
    }

    private List<RequestView.PolicyEvaluation> policies(String processInstanceId) {
        return history
                .createHistoricDecisionInstanceQuery()
                .processInstanceId(processInstanceId)
                .includeOutputs()
                .list()
                .stream()
                .sorted(Comparator.comparing(HistoricDecisionInstance::getEvaluationTime))
                .map(d -> {
                    DecisionDefinition def = repository.getDecisionDefinition(d.getDecisionDefinitionId());
                    return new RequestView.PolicyEvaluation(
                            def.getKey(),
                            def.getVersion(),
                            def.getVersionTag(),
                            d.getEvaluationTime(),
                            d.getOutputs().stream()
                                    .map(o -> Map.<String, Object>of(
                                            "name", o.getVariableName(), "value", String.valueOf(o.getValue())))
                                    .toList());
                })
                .toList();
    }
}
