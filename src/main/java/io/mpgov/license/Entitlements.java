package io.mpgov.license;

import java.util.List;

/** The entitlements mpgov has recorded: the desired state of every product it distributes. */
public interface Entitlements {

    /** Records the entitlement, replacing an earlier one with the same id. */
    void record(Entitlement entitlement);

    List<Entitlement> forProduct(String productId);

    /** Every product with at least one entitlement. */
    List<String> products();
}
