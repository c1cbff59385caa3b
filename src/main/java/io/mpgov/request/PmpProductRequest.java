package io.mpgov.request;

import java.time.Instant;

/**
 * Someone asked for a product in the Private Marketplace (AWS "Product Request Created"). AWS
 * declines the request by itself at {@code expiresAt} if nobody answers.
 */
public record PmpProductRequest(
        String pmpRequestId,
        String productId,
        String productTitle,
        String manufacturer,
        String requesterArn,
        String experienceId,
        Instant expiresAt) {}
