package io.mpgov.review;

import io.mpgov.notification.ShortReport;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.mpgov.review.CatalogReviewProcess.*;

/** Task_ReviewCatalog: every PMP product against the review policy; what to remove, in change sets of at most 50. */
@Component("reviewCatalog")
class ReviewCatalogDelegate implements JavaDelegate {

    private final CatalogReviewer reviewer;

    ReviewCatalogDelegate(CatalogReviewer reviewer) {
        this.reviewer = reviewer;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean dryRun = Boolean.TRUE.equals(execution.getVariable(DRY_RUN));
        List<ProductReview> reviews = reviewer.review(ClockUtil.getCurrentTime().toInstant(), dryRun);
        Map<String, String> removals = new LinkedHashMap<>();
        List<Map<String, String>> renewals = new ArrayList<>();
        Set<String> recipients = new LinkedHashSet<>(List.of("group:procurement-manager", "group:pmp-admin"));
        for (ProductReview review : reviews) {
            if (review.remove()) {
                removals.put(review.productId(), review.reason());
                if ("PRIVATE".equals(review.offerType()) && review.requestId() != null) {
                    renewals.add(renewal(review));
                }
                if (review.requester() != null) {
                    recipients.add(review.requester());
                }
            }
        }
        List<String> ids = new ArrayList<>(removals.keySet());
        List<List<String>> batches = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += PRODUCTS_PER_CHANGE_SET) {
            batches.add(new ArrayList<>(ids.subList(from, Math.min(ids.size(), from + PRODUCTS_PER_CHANGE_SET))));
        }
        List<String> lines = new ArrayList<>(reviews.stream().filter(ProductReview::remove).map(ProductReview::line).toList());
        reviews.stream().filter(r -> !r.remove()).map(ProductReview::line).forEach(lines::add);
        execution.setVariable(DRY_RUN, dryRun);
        execution.setVariable(REMOVALS, removals);
        execution.setVariable(RENEWALS, renewals);
        execution.setVariable(REMOVAL_BATCHES, batches);
        execution.setVariable(REMOVED_COUNT, removals.size());
        execution.setVariable(REMOVAL_RECIPIENTS, String.join(",", recipients));
        execution.setVariable(REVIEW_LINES, lines);
        execution.setVariable(REVIEW_REPORT, ShortReport.of(lines, REVIEW_LINES));
    }

    /** Stored as a JSON variable: a LinkedHashMap, one of the types the engine deserializes. */
    private static Map<String, String> renewal(ProductReview review) {
        Map<String, String> renewal = new LinkedHashMap<>();
        renewal.put("productId", review.productId());
        renewal.put("requestId", review.requestId());
        renewal.put("reason", review.reason());
        return renewal;
    }
}
