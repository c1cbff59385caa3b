package io.mpgov.usage;

import io.mpgov.catalog.CatalogPort;
import io.mpgov.license.LicensePort;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * {@link UsagePort} on what AWS records per product type (the table in README, "The usage signal"):
 * spend in Cost Explorer for every type; License Manager check-outs (GetLicenseUsage) only where they
 * exist — contract-priced AMI and container products — and, when the catalog does not say the type, both.
 */
@Component
class MarketplaceUsageAdapter implements UsagePort {

    /** The catalog's entity types, and whether License Manager check-outs can show their use. */
    enum ProductType {
        SAAS("SaaSProduct", false),
        AMI("AmiProduct", true),
        CONTAINER("ContainerProduct", true),
        DATA("DataProduct", false),
        UNKNOWN(null, true);

        final String entityType;
        final boolean checkOuts;

        ProductType(String entityType, boolean checkOuts) {
            this.entityType = entityType;
            this.checkOuts = checkOuts;
        }

        /** {@code SaaSProduct@1.0} → SAAS; anything unknown (professional services, ML, …) asks every signal. */
        static ProductType of(String entityType) {
            String name = entityType == null ? "" : entityType.split("@")[0];
            for (ProductType type : values()) {
                if (name.equals(type.entityType)) {
                    return type;
                }
            }
            return UNKNOWN;
        }
    }

    private final CostExplorerSpend spend;
    private final LicensePort licenses;
    private final CatalogPort catalog;

    MarketplaceUsageAdapter(CostExplorerSpend spend, LicensePort licenses, CatalogPort catalog) {
        this.spend = spend;
        this.licenses = licenses;
        this.catalog = catalog;
    }

    @Override
    public Usage usage(String productId, Instant now) {
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        Optional<CatalogPort.Listing> listing = catalog.listing(productId);
        ProductType type =
                ProductType.of(listing.map(CatalogPort.Listing::entityType).orElse(null));
        List<LicensePort.ReceivedLicense> received = licenses.licensesOf(productId);
        // Cost Explorer names a Marketplace product by its title: the catalog's, or the one on its licenses.
        Set<String> titles = new LinkedHashSet<>();
        listing.map(CatalogPort.Listing::title).ifPresent(titles::add);
        received.stream()
                .map(LicensePort.ReceivedLicense::productName)
                .filter(n -> n != null && !n.isBlank())
                .forEach(titles::add);
        Optional<CostExplorerSpend.Spend> charged = titles.stream()
                .map(t -> spend.latest(t, today))
                .flatMap(Optional::stream)
                .max(java.util.Comparator.comparing(CostExplorerSpend.Spend::lastDay));
        boolean checkedOut = type.checkOuts && received.stream().anyMatch(l -> licenses.consumed(l.arn()));

        String typeName = listing.map(CatalogPort.Listing::entityType).orElse(null);
        LocalDate seenSince = UsagePort.lookBackStart(today);
        if (checkedOut) {
            return new Usage(
                    productId,
                    typeName,
                    today,
                    true,
                    "License Manager: checked out now"
                            + charged.map(s -> "; Cost Explorer: " + amount(s)).orElse(""),
                    seenSince);
        }
        if (titles.isEmpty()) {
            // Nothing names the product to Cost Explorer: its use cannot be told, and a product is never removed for
            // that.
            return new Usage(
                    productId,
                    typeName,
                    today,
                    true,
                    "unknown: no product title to look up in Cost Explorer, kept as in use",
                    null);
        }
        if (charged.isPresent()) {
            CostExplorerSpend.Spend s = charged.get();
            LocalDate lastDay = s.lastDay().isAfter(today) ? today : s.lastDay();
            boolean recent = !s.month().isBefore(today.withDayOfMonth(1).minusMonths(1));
            return new Usage(productId, typeName, lastDay, recent, "Cost Explorer: " + amount(s), seenSince);
        }
        return new Usage(
                productId,
                typeName,
                null,
                false,
                "none seen: "
                        + (type.checkOuts
                                ? "no Cost Explorer spend, no License Manager check-outs"
                                : "no Cost Explorer spend")
                        + " (" + (typeName == null ? "type unknown" : typeName) + ")",
                seenSince);
    }

    private static String amount(CostExplorerSpend.Spend s) {
        return (s.amount().signum() > 0
                                ? s.amount()
                                                .setScale(2, java.math.RoundingMode.HALF_UP)
                                                .toPlainString() + " " + (s.unit() == null ? "" : s.unit())
                                : "usage at no charge")
                        .trim()
                + " in " + s.month().toString().substring(0, 7);
    }
}
