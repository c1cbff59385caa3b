package io.mpgov.license;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@link Entitlements} for process tests, which run without mpgov's tables. */
public class InMemoryEntitlements implements Entitlements {

    private final Map<String, Entitlement> byId = new TreeMap<>();

    @Override
    public synchronized void record(Entitlement entitlement) {
        byId.put(entitlement.id(), entitlement);
    }

    @Override
    public synchronized List<Entitlement> forProduct(String productId) {
        return byId.values().stream()
                .filter(e -> e.productId().equals(productId))
                .toList();
    }

    @Override
    public synchronized List<String> products() {
        return byId.values().stream()
                .map(Entitlement::productId)
                .distinct()
                .sorted()
                .toList();
    }
}
