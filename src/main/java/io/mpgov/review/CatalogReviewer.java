package io.mpgov.review;

import io.mpgov.agreement.Agreement;
import io.mpgov.agreement.AgreementPort;
import io.mpgov.catalog.CatalogPort;
import io.mpgov.catalog.CatalogSettings;
import io.mpgov.catalog.PmpInventory;
import io.mpgov.catalog.PmpProduct;
import io.mpgov.usage.UsagePort;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * Looks at every product each governed Private Marketplace experience allows (read from its procurement
 * policy): its offer type (from the request that added
 * it, or for products that were there before mpgov, from whether an agreement covers it), its
 * agreements' end, when AWS last saw it in use ({@link UsagePort}) — and asks the DMN {@code review-policy} what to do.
 * Products found without a record are imported as a baseline, never removed for lack of history.
 */
@Service
public class CatalogReviewer {

    static final String POLICY = "review-policy";

    private final CatalogPort catalog;
    private final CatalogSettings settings;
    private final AgreementPort agreements;
    private final UsagePort usage;
    private final PmpInventory inventory;
    private final DecisionService decisions;

    public CatalogReviewer(
            CatalogPort catalog,
            CatalogSettings settings,
            AgreementPort agreements,
            UsagePort usage,
            PmpInventory inventory,
            DecisionService decisions) {
        this.catalog = catalog;
        this.settings = settings;
        this.agreements = agreements;
        this.usage = usage;
        this.inventory = inventory;
        this.decisions = decisions;
    }

    /** @param dryRun decide and report only: no record is written */
    public List<ProductReview> review(Instant now, boolean dryRun) {
        List<ProductReview> reviews = new ArrayList<>();
        java.util.Map<String, ProductReview> decided = new java.util.HashMap<>();
        for (String experienceId : settings.governedExperienceIds()) {
            for (String productId : catalog.allowedProducts(experienceId)) {
                // The decision depends on the product alone: a product in two experiences is looked at (AWS, DMN) once.
                ProductReview first = decided.computeIfAbsent(productId, id -> review(experienceId, id, now, dryRun));
                reviews.add(first.experienceId().equals(experienceId) ? first : first.in(experienceId));
            }
        }
        return reviews;
    }

    /** One product, as seen from the first experience that allows it. */
    private ProductReview review(String experienceId, String productId, Instant now, boolean dryRun) {
        Standing standing = standing(productId, now);
        UsagePort.Usage use = usage.usage(productId, now);
        PmpProduct seen = seenInUse(standing.record(), use, now);
        Instant lastUsed = seen.lastUsedAt() != null ? seen.lastUsedAt() : seen.addedAt();
        var decision = decisions
                .evaluateDecisionTableByKey(
                        POLICY,
                        Variables.createVariables()
                                .putValue("offerType", seen.offerType())
                                .putValue("today", Date.from(now))
                                .putValue(
                                        "agreementEnd",
                                        standing.agreement()
                                                .map(a -> Date.from(a.endTime()))
                                                .orElse(null))
                                .putValue("lastUsed", Date.from(lastUsed)))
                .getSingleResult();
        if (!dryRun && (standing.baseline() || seen != standing.record())) {
            inventory.save(seen);
        }
        return new ProductReview(
                productId,
                seen.offerType(),
                seen.origin(),
                standing.agreementEnd(),
                standing.autoRenew(),
                day(lastUsed),
                use.inUse(),
                use.signal(),
                decision.getEntry("action"),
                decision.getEntry("reason"),
                seen.requester(),
                seen.requestId(),
                experienceId);
    }

    /** The record, with the day AWS last saw the product in use if that is later than the one remembered. */
    public static PmpProduct seenInUse(PmpProduct record, UsagePort.Usage use, Instant now) {
        if (use.lastUsed() == null) {
            return record;
        }
        Instant seen = use.lastUsed().equals(day(now))
                ? now
                : use.lastUsed().atStartOfDay(ZoneOffset.UTC).toInstant();
        // Before it entered the catalog its clock had not started: addedAt stands for it.
        if (seen.isBefore(record.addedAt()) || (record.lastUsedAt() != null && !seen.isAfter(record.lastUsedAt()))) {
            return record;
        }
        return record.usedAt(seen);
    }

    /**
     * What mpgov knows of a product in the PMP now: its record (a BASELINE record, not yet saved, for a
     * product mpgov never added — PRIVATE if an agreement covers it, else PUBLIC, its clock starting now)
     * and its latest ACTIVE agreement. The review and the dashboard both stand on this.
     */
    public Standing standing(String productId, Instant now) {
        Optional<Agreement> agreement = agreements.forProduct(productId).stream()
                .filter(a -> "ACTIVE".equals(a.status()) && a.endTime() != null)
                .max(Comparator.comparing(Agreement::endTime));
        Optional<PmpProduct> known = inventory.find(productId).filter(p -> p.removedAt() == null);
        return new Standing(
                known.orElseGet(() -> new PmpProduct(
                        productId,
                        agreement.isPresent() ? "PRIVATE" : "PUBLIC",
                        PmpProduct.BASELINE,
                        null,
                        null,
                        now,
                        null,
                        null,
                        null)),
                known.isEmpty(),
                agreement);
    }

    /** @param baseline the record is new: the product was found in the PMP without one */
    public record Standing(PmpProduct record, boolean baseline, Optional<Agreement> agreement) {

        public LocalDate agreementEnd() {
            return agreement.map(a -> day(a.endTime())).orElse(null);
        }

        public boolean autoRenew() {
            return agreement.map(Agreement::autoRenew).orElse(false);
        }

        /** When last seen in use, or since when it is in the catalog if never. */
        public LocalDate lastUsed() {
            return day(record.lastUsedAt() != null ? record.lastUsedAt() : record.addedAt());
        }
    }

    /** After the removals' change sets succeeded: the products are out of the PMP, and why (product → reason). */
    public void recordRemovals(java.util.Map<String, String> reasons, Instant when) {
        reasons.forEach((productId, reason) ->
                inventory.find(productId).ifPresent(p -> inventory.save(p.removed(when, reason))));
    }

    private static LocalDate day(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
