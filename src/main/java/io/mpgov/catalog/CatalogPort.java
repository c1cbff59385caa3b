package io.mpgov.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The Private Marketplace as mpgov needs it: allow or deny procurement of products, then follow the
 * asynchronous change set to its end.
 */
public interface CatalogPort {

    /**
     * Starts a change set on the configured Private Marketplace experience. Idempotent: the same
     * {@link ProductChange#clientToken()} yields the same change set.
     *
     * @return the change set id
     * @throws EntityLockedException while another change set holds the experience
     */
    String startProductChange(ProductChange change);

    /** The products the Private Marketplace allows today (DescribeEntity of the experience). */
    List<String> allowedProducts();

    /** The change set's current status, with the AWS error codes of its changes when it failed. */
    ChangeSetStatus describeChangeSet(String changeSetId);

    /**
     * What the catalog says of one product: its title and entity type ({@code SaaSProduct@1.0},
     * {@code AmiProduct@1.0}, {@code ContainerProduct@1.0}, {@code DataProduct@1.0}, …). Empty when the
     * catalog does not describe it to this account (the usage signal then falls back to every signal).
     */
    default Optional<Listing> listing(String productId) {
        return Optional.empty();
    }

    record Listing(String productId, String title, String entityType) {
    }
}
