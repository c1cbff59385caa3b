package io.mpgov.review;

import static io.mpgov.review.CatalogReviewProcess.REMOVALS;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** Task_RecordRemovals: the removed products leave mpgov's inventory too, with their reasons. */
@Component("recordRemovals")
class RecordRemovalsDelegate implements JavaDelegate {

    private final CatalogReviewer reviewer;

    RecordRemovalsDelegate(CatalogReviewer reviewer) {
        this.reviewer = reviewer;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void execute(DelegateExecution execution) {
        reviewer.recordRemovals(
                (Map<String, String>) execution.getVariable(REMOVALS),
                ClockUtil.getCurrentTime().toInstant());
    }
}
