package io.mpgov.license;

/**
 * Who a request entitled to a product's licenses: an account list (comma-separated), an OU (with the
 * OUs below it) and/or an account tag {@code key=value}; any of them may be empty.
 *
 * @param id the request that entitled them (its business key), or the process that asked directly
 */
public record Entitlement(String id, String productId, String accountIds, String ouId, String tag) {}
