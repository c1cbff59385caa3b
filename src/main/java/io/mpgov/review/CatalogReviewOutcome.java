package io.mpgov.review;

import static io.mpgov.review.CatalogReviewProcess.PRODUCTS_PER_CHANGE_SET;

import io.mpgov.security.Personas;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a catalog review comes to, from the DMN's verdict on each product: what leaves the PMP (in change
 * sets of at most 50 products of one experience), which private products get a renewal request, who is
 * told, and the report's lines (removals first). Maps and lists: the model reads them by key.
 *
 * @param removals   product id → why it goes; a product in two experiences counts once
 * @param renewals   {productId, requestId, reason} of each removed private product mpgov added for a request
 * @param batches    {experienceId, productIds} per change set
 * @param recipients procurement, the PMP admins and the requesters of removed products
 */
record CatalogReviewOutcome(
        Map<String, String> removals,
        List<Map<String, String>> renewals,
        List<Map<String, Object>> batches,
        Set<String> recipients,
        List<String> lines) {

    static CatalogReviewOutcome of(List<ProductReview> reviews) {
        Map<String, String> removals = new LinkedHashMap<>();
        List<Map<String, String>> renewals = new ArrayList<>();
        Set<String> recipients =
                new LinkedHashSet<>(List.of("group:" + Personas.PROCUREMENT_MANAGER, "group:" + Personas.PMP_ADMIN));
        Map<String, List<String>> removalsByExperience = new LinkedHashMap<>();
        for (ProductReview review : reviews) {
            if (review.remove()) {
                removalsByExperience
                        .computeIfAbsent(review.experienceId(), e -> new ArrayList<>())
                        .add(review.productId());
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
        List<Map<String, Object>> batches = new ArrayList<>();
        removalsByExperience.forEach((experienceId, ids) -> {
            for (int from = 0; from < ids.size(); from += PRODUCTS_PER_CHANGE_SET) {
                Map<String, Object> batch = new LinkedHashMap<>();
                batch.put("experienceId", experienceId);
                batch.put(
                        "productIds",
                        new ArrayList<>(ids.subList(from, Math.min(ids.size(), from + PRODUCTS_PER_CHANGE_SET))));
                batches.add(batch);
            }
        });
        List<String> lines = new ArrayList<>(reviews.stream()
                .filter(ProductReview::remove)
                .map(ProductReview::line)
                .toList());
        reviews.stream().filter(r -> !r.remove()).map(ProductReview::line).forEach(lines::add);
        return new CatalogReviewOutcome(removals, renewals, batches, recipients, lines);
    }

    private static Map<String, String> renewal(ProductReview review) {
        Map<String, String> renewal = new LinkedHashMap<>();
        renewal.put("productId", review.productId());
        renewal.put("requestId", review.requestId());
        renewal.put("reason", review.reason());
        return renewal;
    }
}
