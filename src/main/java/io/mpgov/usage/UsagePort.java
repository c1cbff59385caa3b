package io.mpgov.usage;

import java.time.Instant;
import java.time.LocalDate;

/**
 * When AWS last saw a Marketplace product in use, and by which signal. What counts depends on the
 * product type (README, "The usage signal"): spend on the product in Cost Explorer for every type, and
 * License Manager check-outs where they exist (contract-priced AMI and container products).
 * Implementations ask Cost Explorer once for every product of a review, not once per product: it charges per request.
 */
public interface UsagePort {

    /** The use of one product as AWS records it, looking back {@link #LOOK_BACK_MONTHS} months from {@code now}. */
    Usage usage(String productId, Instant now);

    /** Longer than the review policy's "unused for 6 months", so that a product used just before the window is seen. */
    int LOOK_BACK_MONTHS = 6;

    /** The first day the signals look back to from {@code today}: the first of the month {@link #LOOK_BACK_MONTHS} back. */
    static LocalDate lookBackStart(LocalDate today) {
        return today.withDayOfMonth(1).minusMonths(LOOK_BACK_MONTHS);
    }

    /**
     * @param productType the catalog's entity type (SaaSProduct@1.0, AmiProduct@1.0, …), or null when the catalog does not say
     * @param lastUsed    the latest day AWS shows use of the product in the look-back window; null: no use seen
     * @param inUse       in use now: checked out now, or spend in this or the previous month
     * @param signal      what showed it (or which signals were asked and showed nothing), for reports
     * @param seenSince   the first day the signals cover ({@link #lookBackStart}): no use before it can be seen; null
     *                    when the product's use cannot be told at all (nothing names it), which counts as in use
     */
    record Usage(
            String productId,
            String productType,
            LocalDate lastUsed,
            boolean inUse,
            String signal,
            LocalDate seenSince) {}
}
