package io.mpgov.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** {@link PmpInventory} for process tests, which run without mpgov's tables. */
public class InMemoryPmpInventory implements PmpInventory {

    private final Map<String, PmpProduct> products = new TreeMap<>();

    @Override
    public synchronized Optional<PmpProduct> find(String productId) {
        return Optional.ofNullable(products.get(productId));
    }

    @Override
    public synchronized void save(PmpProduct product) {
        products.put(product.productId(), product);
    }

    @Override
    public synchronized List<PmpProduct> all() {
        return List.copyOf(products.values());
    }
}
