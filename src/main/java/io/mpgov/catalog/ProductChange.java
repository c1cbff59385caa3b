package io.mpgov.catalog;

import java.util.List;

/**
 * Allow or deny procurement of products in the Private Marketplace.
 *
 * @param clientToken idempotency token, 1–64 printable ASCII characters, derived from the business key
 */
public record ProductChange(Type type, List<String> productIds, String notes, String clientToken) {

    public enum Type {
        ALLOW("AllowProductProcurement"), DENY("DenyProductProcurement");

        final String changeType;

        Type(String changeType) {
            this.changeType = changeType;
        }
    }

    public ProductChange {
        if (productIds.isEmpty() || productIds.size() > 50) {
            throw new IllegalArgumentException("A change names 1 to 50 products, not " + productIds.size());
        }
        productIds = List.copyOf(productIds);
    }
}
