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

/**
 * Task_ReviewCatalog: every product of every governed PMP experience against the review policy; what to
 * remove, in change sets of at most 50 products of one experience ({experienceId, productIds} each).
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
        List<ProductReview> reviews = reviewer.review(ClockUtil.getCurrentTime().toInstant(), dryRun);
        Map<String, String> removals = new LinkedHashMap<>();
        List<Map<String, String>> renewals = new ArrayList<>();
        Set<String> recipients = new LinkedHashSet<>(List.of("group:procurement-manager", "group:pmp-admin"));
        Map<String, List<String>> removalsByExperience = new LinkedHashMap<>();
        for (ProductReview review : reviews) {
            if (review.remove()) {
                removalsByExperience.computeIfAbsent(review.experienceId(), e -> new ArrayList<>()).add(review.productId());
                // A product in two experiences is renewed and reported once.
                boolean first = removals.put(review.productId(), review.reason()) == null;
                if (first && "PRIVATE".equals(review.offerType()) && review.requestId() != null) {
                    renewals.add(renewal(review));
                }
                if (review.requester() != null) {
                    recipients.add(review.requester());
                }
            }
        }
        // A change set changes one experience: batches of at most 50 products, each for one experience.
        List<Map<String, Object>> batches = new ArrayList<>();
        removalsByExperience.forEach((experienceId, ids) -> {
            for (int from = 0; from < ids.size(); from += PRODUCTS_PER_CHANGE_SET) {
                Map<String, Object> batch = new LinkedHashMap<>();
                batch.put("experienceId", experienceId);
                batch.put("productIds", new ArrayList<>(ids.subList(from, Math.min(ids.size(), from + PRODUCTS_PER_CHANGE_SET))));
                batches.add(batch);
            }
        });
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
