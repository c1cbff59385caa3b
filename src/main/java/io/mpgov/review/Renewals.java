package io.mpgov.review;

import java.util.Optional;

/** Opens the RENEWAL request that brings a removed private-offer product back once approved. */
public interface Renewals {

    /**
     * A RENEWAL request prefilled from the original request, waiting for its requester to complete it
     * (a new offer, cost, business case). None when one is open for the product already.
     *
     * @return the new request's id
     */
    Optional<String> open(String originalRequestId, String productId, String reason);
}
