package io.mpgov.catalog;

import java.time.Instant;

/**
 * A product mpgov knows in the Private Marketplace.
 *
 * @param origin     MPGOV (a request added it) or BASELINE (it was there when mpgov first looked)
 * @param lastUsedAt when the product was last seen in use (null: never seen so)
 * @param removedAt  when a review removed it (null: still in the PMP as far as mpgov knows)
 */
public record PmpProduct(
        String productId,
        String offerType,
        String origin,
        String requestId,
        String requester,
        Instant addedAt,
        Instant lastUsedAt,
        Instant removedAt,
        String removalReason) {

    public static final String MPGOV = "MPGOV";
    public static final String BASELINE = "BASELINE";

    public PmpProduct usedAt(Instant when) {
        return new PmpProduct(
                productId, offerType, origin, requestId, requester, addedAt, when, removedAt, removalReason);
    }

    public PmpProduct removed(Instant when, String reason) {
        return new PmpProduct(productId, offerType, origin, requestId, requester, addedAt, lastUsedAt, when, reason);
    }
}
