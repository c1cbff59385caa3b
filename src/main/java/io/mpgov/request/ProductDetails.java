package io.mpgov.request;

import static io.mpgov.request.ProcurementRequestProcess.PRODUCT_ID;
import static io.mpgov.request.ProcurementRequestProcess.PRODUCT_TITLE;
import static io.mpgov.request.ProcurementRequestProcess.SELLER_NAME;

import io.mpgov.catalog.CatalogPort;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the requester need not type: a product's title and seller, taken from its AWS Marketplace listing
 * when the request leaves them out and the catalog describes the product to mpgov.
 */
@Component
class ProductDetails {

    private static final Logger log = LoggerFactory.getLogger(ProductDetails.class);
    /** Only a well-formed id is looked up; the validator tells the requester about the others. */
    private static final Pattern PRODUCT = Pattern.compile(ProductId.PATTERN);

    private final CatalogPort catalog;

    ProductDetails(CatalogPort catalog) {
        this.catalog = catalog;
    }

    /** The title and seller to add to the request's variables: empty when it has both or the catalog cannot say. */
    Map<String, Object> missingFrom(Map<String, Object> variables) {
        boolean needsTitle = blank(variables.get(PRODUCT_TITLE));
        boolean needsSeller = blank(variables.get(SELLER_NAME));
        Object productId = variables.get(PRODUCT_ID);
        Map<String, Object> found = new HashMap<>();
        if (!(needsTitle || needsSeller)
                || !(productId instanceof String id)
                || !PRODUCT.matcher(id).matches()) {
            return found;
        }
        listing(id).ifPresent(listing -> {
            if (needsTitle && !blank(listing.title())) {
                found.put(PRODUCT_TITLE, listing.title());
            }
            if (needsSeller && !blank(listing.seller())) {
                found.put(SELLER_NAME, listing.seller());
            }
        });
        return found;
    }

    /** Best effort: when the catalog cannot answer, the requester is asked to type what is missing. */
    private Optional<CatalogPort.Listing> listing(String productId) {
        try {
            return catalog.listing(productId);
        } catch (RuntimeException e) {
            log.warn(
                    "The catalog did not describe {}: the requester types its title and seller ({})",
                    productId,
                    e.toString());
            return Optional.empty();
        }
    }

    private static boolean blank(Object value) {
        return value == null || value.toString().isBlank();
    }
}
