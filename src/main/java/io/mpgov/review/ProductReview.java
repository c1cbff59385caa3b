package io.mpgov.review;

import java.time.LocalDate;

/**
 * One product of the Private Marketplace as a catalog review saw it, and what the review policy decided.
 *
 * @param agreementEnd end of the latest ACTIVE agreement (null: none)
 * @param lastUsed     when last seen in use, or since when it is in the catalog if never
 * @param usageSignal  what AWS showed of its use, or which signals showed nothing ({@code UsagePort.Usage#signal})
 * @param action       REMOVE or KEEP (DMN review-policy)
 * @param experienceId the Private Marketplace experience the product is in (a product in two is reviewed in each)
 */
public record ProductReview(
        String productId,
        String offerType,
        String origin,
        LocalDate agreementEnd,
        boolean autoRenew,
        LocalDate lastUsed,
        boolean inUse,
        String usageSignal,
        String action,
        String reason,
        String requester,
        String requestId,
        String experienceId) {

    /** The same review, of the product as another experience allows it. */
    public ProductReview in(String otherExperienceId) {
        return new ProductReview(
                productId,
                offerType,
                origin,
                agreementEnd,
                autoRenew,
                lastUsed,
                inUse,
                usageSignal,
                action,
                reason,
                requester,
                requestId,
                otherExperienceId);
    }

    public boolean remove() {
        return "REMOVE".equals(action);
    }

    /** A line of the review report. */
    public String line() {
        return productId + " " + offerType
                + (agreementEnd == null
                        ? ""
                        : ", agreement ends " + agreementEnd + (autoRenew ? " (auto-renews!)" : ""))
                + ", last used " + lastUsed + (inUse ? " (in use)" : "") + " → " + action + ": " + reason
                + (usageSignal == null ? "" : " (usage: " + usageSignal + ")") + " (in " + experienceId + ")";
    }
}
