package io.mpgov.catalog;

import java.util.List;

/**
 * Allow or deny procurement of products in the Private Marketplace: one change, up to 50 distinct
 * products, each group with the note AWS keeps beside it.
 *
 * @param clientToken idempotency token, 1–64 printable ASCII characters, derived from the business key
 */
public record ProductChange(Type type, List<Products> products, String clientToken) {

    /** AWS's limit of distinct product ids in one change. */
    public static final int MAX_PRODUCTS = 50;

    public enum Type {
        ALLOW("AllowProductProcurement"), DENY("DenyProductProcurement");

        final String changeType;

        Type(String changeType) {
            this.changeType = changeType;
        }
    }

    /** Products that share a note (why they were allowed or denied). */
    public record Products(List<String> ids, String notes) {
        public Products {
            ids = List.copyOf(ids);
        }
    }

    public ProductChange(Type type, List<String> productIds, String notes, String clientToken) {
        this(type, List.of(new Products(productIds, notes)), clientToken);
    }

    public ProductChange {
        products = List.copyOf(products);
        long distinct = products.stream().flatMap(p -> p.ids().stream()).distinct().count();
        if (distinct == 0 || distinct > MAX_PRODUCTS) {
            throw new IllegalArgumentException("A change names 1 to " + MAX_PRODUCTS + " products, not " + distinct);
        }
    }

    public List<String> productIds() {
        return products.stream().flatMap(p -> p.ids().stream()).distinct().toList();
    }
}
