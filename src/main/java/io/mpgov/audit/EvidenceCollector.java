package io.mpgov.audit;

import io.mpgov.agreement.AgreementAttempts;
import io.mpgov.catalog.CatalogChangeProcess;
import io.mpgov.decision.DecisionVariables;
import io.mpgov.license.GrantOutcome;
import io.mpgov.license.LicenseDistributionProcess;
import io.mpgov.request.ProcurementRequestProcess;
import io.mpgov.review.AccessReviewProcess;
import io.mpgov.review.CatalogReviewProcess;
import io.mpgov.security.AsSystem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Service;

/**
 * The evidence of a time range, read from the engine's history (kept for the history time-to-live,
 * 7 years): every decision people made on tasks, every DMN evaluation with its version, every change
 * set and grant, every agreement id entered with the check's outcome, every catalog review and access review.
 * A fact about a past decision is read from what was recorded at the time (task-local variables, DMN history,
 * mpgov's attempt records), never from a process variable's current value.
 */
@Service
public class EvidenceCollector {

    private final HistoryService history;
    private final RepositoryService repository;
    private final IdentityService identity;
    private final AgreementAttempts attempts;

    EvidenceCollector(
            HistoryService history,
            RepositoryService repository,
            IdentityService identity,
            AgreementAttempts attempts) {
        this.history = history;
        this.repository = repository;
        this.identity = identity;
        this.attempts = attempts;
    }

    /** Everything that happened at or after {@code from} and before {@code to}, oldest first. */
    public List<Evidence> collect(Instant from, Instant to) {
        return AsSystem.run(identity, () -> {
            List<Evidence> evidence = new ArrayList<>();
            Date after = Date.from(from.minusMillis(1));
            Date before = Date.from(to);
            // One lookup per process instance and per decision definition, however many facts they have.
            Map<String, String> keys = new HashMap<>();
            Function<String, String> businessKey =
                    id -> id == null ? null : keys.computeIfAbsent(id, this::businessKey);
            decisions(after, before, businessKey, evidence);
            agreements(from, to, businessKey, evidence);
            dmn(after, before, businessKey, evidence);
            finished(CatalogChangeProcess.KEY, after, before).forEach(p -> changeSet(p, evidence));
            finished(LicenseDistributionProcess.KEY, after, before).forEach(p -> grants(p, evidence));
            finished(CatalogReviewProcess.KEY, after, before)
                    .forEach(p -> review(p, "CATALOG_REVIEW", CatalogReviewProcess.REVIEW_LINES, evidence));
            finished(AccessReviewProcess.KEY, after, before)
                    .forEach(p -> review(p, "ACCESS_REVIEW", AccessReviewProcess.REPORT, evidence));
            evidence.sort(Comparator.comparing(Evidence::time).thenComparing(Evidence::kind));
            return evidence;
        });
    }

    private void decisions(Date after, Date before, Function<String, String> businessKey, List<Evidence> evidence) {
        List<HistoricTaskInstance> tasks = history.createHistoricTaskInstanceQuery()
                .finished()
                .finishedAfter(after)
                .finishedBefore(before)
                .list();
        if (tasks.isEmpty()) {
            return;
        }
        Map<String, Map<String, Object>> locals = new HashMap<>();
        for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery()
                .taskIdIn(tasks.stream().map(HistoricTaskInstance::getId).toArray(String[]::new))
                .list()) {
            locals.computeIfAbsent(v.getTaskId(), k -> new HashMap<>()).put(v.getName(), v.getValue());
        }
        for (HistoricTaskInstance task : tasks) {
            Map<String, Object> local = locals.getOrDefault(task.getId(), Map.of());
            if (local.get(DecisionVariables.DECISION) == null) {
                continue;
            }
            Object decidedAt = local.get(DecisionVariables.DECIDED_AT);
            Instant time = (decidedAt instanceof Date d ? d : task.getEndTime()).toInstant();
            String actor = Objects.toString(local.get(DecisionVariables.DECIDED_BY), task.getAssignee());
            String reference = businessKey.apply(task.getProcessInstanceId());
            evidence.add(new Evidence(
                    time,
                    "DECISION",
                    task.getProcessDefinitionKey(),
                    task.getProcessInstanceId(),
                    reference,
                    actor,
                    local.get(DecisionVariables.DECISION).toString(),
                    task.getName()
                            + (local.get(DecisionVariables.COMMENT) == null
                                            || local.get(DecisionVariables.COMMENT)
                                                    .toString()
                                                    .isBlank()
                                    ? ""
                                    : " — " + local.get(DecisionVariables.COMMENT))));
        }
    }

    /**
     * One row per agreement id entered, with the check's outcome (refused: why), as mpgov recorded each at the
     * time — never the request's {@code agreementId}, which holds only the last one.
     */
    private void agreements(Instant from, Instant to, Function<String, String> businessKey, List<Evidence> evidence) {
        for (AgreementAttempts.Attempt a : attempts.enteredBetween(from, to)) {
            evidence.add(new Evidence(
                    a.enteredAt().toInstant(),
                    "AGREEMENT",
                    ProcurementRequestProcess.KEY,
                    a.processInstanceId(),
                    businessKey.apply(a.processInstanceId()),
                    a.enteredBy(),
                    a.outcome() == null ? "NOT_CHECKED" : a.outcome(),
                    "agreement " + a.agreementId() + " (attempt " + a.attempt() + ")"
                            + (a.reason() == null ? "" : " — " + a.reason())));
        }
    }

    private void dmn(Date after, Date before, Function<String, String> businessKey, List<Evidence> evidence) {
        Map<String, Integer> versions = new HashMap<>();
        for (HistoricDecisionInstance d : history.createHistoricDecisionInstanceQuery()
                .evaluatedAfter(after)
                .evaluatedBefore(before)
                .includeInputs()
                .includeOutputs()
                .list()) {
            int version = versions.computeIfAbsent(
                    d.getDecisionDefinitionId(),
                    id -> repository.getDecisionDefinition(id).getVersion());
            String outputs = d.getOutputs().stream()
                    .map(o -> o.getVariableName() + "=" + o.getValue())
                    .collect(Collectors.joining(", "));
            String inputs = d.getInputs().stream()
                    .map(i -> i.getClauseName() + "=" + i.getValue())
                    .collect(Collectors.joining(", "));
            evidence.add(new Evidence(
                    d.getEvaluationTime().toInstant(),
                    "DMN",
                    d.getProcessDefinitionKey(),
                    d.getProcessInstanceId(),
                    businessKey.apply(d.getProcessInstanceId()),
                    "mpgov",
                    d.getDecisionDefinitionKey() + " v" + version,
                    "[" + inputs + "] → [" + outputs + "]"));
        }
    }

    private List<HistoricProcessInstance> finished(String key, Date after, Date before) {
        return history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(key)
                .finished()
                .finishedAfter(after)
                .finishedBefore(before)
                .list();
    }

    private void changeSet(HistoricProcessInstance p, List<Evidence> evidence) {
        Map<String, Object> v = variables(p.getId());
        if (v.get(CatalogChangeProcess.CHANGE_SET_ID) == null) {
            return;
        }
        Object products = v.get(CatalogChangeProcess.PRODUCT_IDS) != null
                ? v.get(CatalogChangeProcess.PRODUCT_IDS)
                : v.get(CatalogChangeProcess.PRODUCT_ID);
        evidence.add(new Evidence(
                p.getEndTime().toInstant(),
                "CHANGE_SET",
                p.getProcessDefinitionKey(),
                p.getId(),
                Objects.toString(v.get(CatalogChangeProcess.REQUEST_ID), null),
                "mpgov",
                Objects.toString(v.get(CatalogChangeProcess.CHANGE_SET_STATUS), null),
                v.get(CatalogChangeProcess.CHANGE_TYPE) + " " + products + " change set "
                        + v.get(CatalogChangeProcess.CHANGE_SET_ID)));
    }

    private void grants(HistoricProcessInstance p, List<Evidence> evidence) {
        for (GrantOutcome g : LicenseDistributionProcess.report(
                        variables(p.getId()).get(LicenseDistributionProcess.OUTCOMES))
                .writes()) {
            evidence.add(new Evidence(
                    p.getEndTime().toInstant(),
                    "GRANT",
                    p.getProcessDefinitionKey(),
                    p.getId(),
                    p.getBusinessKey(),
                    "mpgov",
                    g.kind().label(),
                    "account " + g.accountId() + " license " + g.licenseArn() + " grant " + g.grantArn()));
        }
    }

    private void review(HistoricProcessInstance p, String kind, String resultVariable, List<Evidence> evidence) {
        Map<String, Object> v = variables(p.getId());
        Object result = v.get(resultVariable);
        String detail = result instanceof List<?> lines
                ? lines.stream().map(String::valueOf).collect(Collectors.joining("\n"))
                : Objects.toString(result, "");
        String outcome = Boolean.TRUE.equals(v.get(CatalogReviewProcess.DRY_RUN)) ? "DRY_RUN" : p.getEndActivityId();
        evidence.add(new Evidence(
                p.getEndTime().toInstant(),
                kind,
                p.getProcessDefinitionKey(),
                p.getId(),
                p.getBusinessKey(),
                "mpgov",
                outcome,
                detail));
    }

    private Map<String, Object> variables(String processInstanceId) {
        Map<String, Object> values = new HashMap<>();
        history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).list().stream()
                .filter(v -> v.getTaskId() == null && v.getValue() != null)
                .forEach(v -> values.putIfAbsent(v.getName(), v.getValue()));
        return values;
    }

    private String businessKey(String processInstanceId) {
        HistoricProcessInstance p = history.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId)
                .singleResult();
        return p == null ? null : p.getBusinessKey();
    }
}
