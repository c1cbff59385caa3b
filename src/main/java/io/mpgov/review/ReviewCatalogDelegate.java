package io.mpgov.review;

import static io.mpgov.review.CatalogReviewProcess.*;

import io.mpgov.notification.ShortReport;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Task_ReviewCatalog: every product of every governed PMP experience against the review policy, and what
 * that comes to ({@link CatalogReviewOutcome}).
 */
@Component("reviewCatalog")
class ReviewCatalogDelegate implements JavaDelegate {

    private final CatalogReviewer reviewer;

    ReviewCatalogDelegate(CatalogReviewer reviewer) {
        this.reviewer = reviewer;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean dryRun = Boolean.TRUE.equals(execution.getVariable(DRY_RUN));
        CatalogReviewOutcome outcome = CatalogReviewOutcome.of(
                reviewer.review(ClockUtil.getCurrentTime().toInstant(), dryRun));
        execution.setVariable(DRY_RUN, dryRun);
        execution.setVariable(REMOVALS, outcome.removals());
        execution.setVariable(RENEWALS, outcome.renewals());
        execution.setVariable(REMOVAL_BATCHES, outcome.batches());
        execution.setVariable(REMOVED_COUNT, outcome.removals().size());
        execution.setVariable(REMOVAL_RECIPIENTS, String.join(",", outcome.recipients()));
        execution.setVariable(REVIEW_LINES, outcome.lines());
        execution.setVariable(REVIEW_REPORT, ShortReport.of(outcome.lines(), REVIEW_LINES));
    }
}
