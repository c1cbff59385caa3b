package io.mpgov.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The Private Marketplace as mpgov needs it: the experiences it governs, the products each allows,
 * allow or deny procurement of products, then follow the asynchronous change set to its end.
 */
public interface CatalogPort {

    /**
     * Starts a change set on the change's experience ({@link ProductChange#experienceId()}, the primary
     * experience when it names none). Idempotent: the same {@link ProductChange#clientToken()} yields
     * the same change set.
     *
     * @return the change set id
     * @throws EntityLockedException while another change set holds the experience
     */
    String startProductChange(ProductChange change);

    /**
     * The products the experience allows today: DescribeEntity of the Experience for its procurement
     * policies, DescribeEntity of each for its Allow statements' products, less those its Deny statements name.
     *
     * @throws IllegalStateException when AWS answers a shape mpgov does not know (never an empty list instead)
     */
    List<String> allowedProducts(String experienceId);

    /** The products the primary experience allows today. */
    List<String> allowedProducts();

    /**
     * Every experience mpgov governs (configured; the primary first), then every other experience of the
     * organization that has an audience — each with its status and audience: an account AWS puts under an
     * experience mpgov does not govern is out of mpgov's reach, and the router must know it.
     */
    List<PmpExperience> experiences();

    /** The change set's current status, with the AWS error codes of its changes when it failed. */
    ChangeSetStatus describeChangeSet(String changeSetId);

    /**
     * What the catalog says of one product: its title, seller (the listing's manufacturer) and entity type ({@code SaaSProduct@1.0},
     * {@code AmiProduct@1.0}, {@code ContainerProduct@1.0}, {@code DataProduct@1.0}, …). Empty when the
     * catalog does not describe it to this account (the usage signal then falls back to every signal).
     */
    default Optional<Listing> listing(String productId) {
        return Optional.empty();
    }

    /** @param title and {@code seller} null when the listing does not say */
    record Listing(String productId, String title, String seller, String entityType) {}
}
