package io.mpgov.review;

import io.mpgov.security.AsSystem;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * Catalog and access reviews on demand (REST, an agreement-ending event) and what catalog reviews
 * found. Who may ask is decided by the caller (the controller, the event intake); the engine work runs
 * as mpgov itself.
 */
@Service
public class Reviews {

    /** The access policy's step beyond a dry run, which removes nothing: a review that removes products. */
    public static final String REMOVE = "action:catalog-review:remove";

    private final RuntimeService runtime;
    private final HistoryService history;
    private final IdentityService identity;

    Reviews(RuntimeService runtime, HistoryService history, IdentityService identity) {
        this.runtime = runtime;
        this.history = history;
        this.identity = identity;
    }

    /** @param cause who or what asked, kept as the run's business key */
    public String start(boolean dryRun, String cause) {
        return AsSystem.run(
                identity,
                () -> runtime.startProcessInstanceByMessage(
                                CatalogReviewProcess.MESSAGE_REVIEW_REQUESTED,
                                cause,
                                Variables.createVariables().putValue(CatalogReviewProcess.DRY_RUN, dryRun))
                        .getId());
    }

    /** @param cause who asked, kept as the run's business key */
    public String startAccessReview(String cause) {
        return AsSystem.run(
                identity,
                () -> runtime.startProcessInstanceByMessage(AccessReviewProcess.MESSAGE_REVIEW_REQUESTED, cause)
                        .getId());
    }

    /** @param removals what the run removed or, in a dry run, would remove: product id → the policy's reason */
    public record Run(
            String id,
            String cause,
            String state,
            Date started,
            Date ended,
            Boolean dryRun,
            Integer removedCount,
            Map<String, String> removals,
            List<String> lines) {}

    public Optional<Run> find(String id) {
        return AsSystem.run(
                identity,
                () -> Optional.ofNullable(history.createHistoricProcessInstanceQuery()
                                .processDefinitionKey(CatalogReviewProcess.KEY)
                                .processInstanceId(id)
                                .singleResult())
                        .map(this::run));
    }

    @SuppressWarnings("unchecked")
    private Run run(HistoricProcessInstance instance) {
        Map<String, Object> variables =
                history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list().stream()
                        .filter(v -> v.getValue() != null)
                        .collect(Collectors.toMap(
                                HistoricVariableInstance::getName, HistoricVariableInstance::getValue, (a, b) -> a));
        return new Run(
                instance.getId(),
                instance.getBusinessKey(),
                instance.getState(),
                instance.getStartTime(),
                instance.getEndTime(),
                (Boolean) variables.get(CatalogReviewProcess.DRY_RUN),
                (Integer) variables.get(CatalogReviewProcess.REMOVED_COUNT),
                (Map<String, String>) variables.getOrDefault(CatalogReviewProcess.REMOVALS, Map.of()),
                (List<String>) variables.getOrDefault(CatalogReviewProcess.REVIEW_LINES, List.of()));
    }
}
