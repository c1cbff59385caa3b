package io.mpgov.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Allow or deny procurement of products in one Private Marketplace experience: one change, up to 50
 * distinct products, each group with the note AWS keeps beside it. AWS refuses an {@code Ids} array
 * that repeats a value (ValidationException), so a change never names a product twice: a product
 * named again keeps its first group (and note), and groups with the same note become one.
 *
 * @param experienceId the experience (exp-…) to change; null: the primary experience
 * @param clientToken  idempotency token, 1–64 printable ASCII characters, derived from the business key
 */
public record ProductChange(String experienceId, Type type, List<Products> products, String clientToken) {

    /** AWS's limit of distinct product ids in one change. */
    public static final int MAX_PRODUCTS = 50;

    public enum Type {
        ALLOW("AllowProductProcurement"),
        DENY("DenyProductProcurement");

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

    public ProductChange(Type type, List<Products> products, String clientToken) {
        this(null, type, products, clientToken);
    }

    public ProductChange(Type type, List<String> productIds, String notes, String clientToken) {
        this(null, type, List.of(new Products(productIds, notes)), clientToken);
    }

    public ProductChange(String experienceId, Type type, List<String> productIds, String notes, String clientToken) {
        this(experienceId, type, List.of(new Products(productIds, notes)), clientToken);
    }

    public ProductChange {
        products = distinct(products);
        long distinct = products.stream().mapToLong(p -> p.ids().size()).sum();
        if (distinct == 0 || distinct > MAX_PRODUCTS) {
            throw new IllegalArgumentException("A change names 1 to " + MAX_PRODUCTS + " products, not " + distinct);
        }
    }

    public List<String> productIds() {
        return products.stream().flatMap(p -> p.ids().stream()).toList();
    }

    /** Each product once, in its first group; groups of the same note merged, in order of first appearance. */
    private static List<Products> distinct(List<Products> groups) {
        Set<String> seen = new LinkedHashSet<>();
        Map<String, List<String>> byNote = new LinkedHashMap<>();
        Map<String, String> notes = new LinkedHashMap<>();
        for (Products group : groups) {
            String key = Objects.toString(group.notes(), "\u0000");
            for (String id : group.ids()) {
                if (seen.add(id)) {
                    byNote.computeIfAbsent(key, k -> new ArrayList<>()).add(id);
                    notes.putIfAbsent(key, group.notes());
                }
            }
        }
        List<Products> merged = new ArrayList<>();
        byNote.forEach((key, ids) -> merged.add(new Products(ids, notes.get(key))));
        return List.copyOf(merged);
    }
}
