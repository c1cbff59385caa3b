package io.mpgov.agreement;

import java.time.Instant;
import java.util.List;

/**
 * @param status  ACTIVE, ARCHIVED, CANCELLED, EXPIRED, RENEWED, REPLACED, ROLLED_BACK, SUPERSEDED, TERMINATED
 * @param endTime the agreement's end (validity term), when mpgov removes the product ahead of expiry
 */
public record Agreement(
        String id, String status, String offerId, List<String> productIds, Instant endTime, boolean autoRenew) {}
