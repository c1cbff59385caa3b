package io.mpgov.agreement;

import java.util.List;
import java.util.Optional;

/**
 * Marketplace agreements as the buyer sees them. Accepting an offer is a person's act in the AWS
 * Marketplace console today; mpgov only reads the agreement it produced. Should AWS let buyers accept
 * by API, an {@code accept(offerId)} here replaces the procurement manager's task.
 */
public interface AgreementPort {

    /** The agreement, or empty when there is none with this id for this account. */
    Optional<Agreement> find(String agreementId);

    /** Purchase agreements this account accepted for the product, in any status. */
    List<Agreement> forProduct(String productId);
}
