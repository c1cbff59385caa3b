package io.mpgov.catalog;

import java.util.List;
import java.util.Optional;

/** mpgov's record of the Private Marketplace's products (table mpgov_pmp_product). */
public interface PmpInventory {

    Optional<PmpProduct> find(String productId);

    /** Inserts or replaces the product's record. */
    void save(PmpProduct product);

    List<PmpProduct> all();
}
