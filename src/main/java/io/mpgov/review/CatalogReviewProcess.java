package io.mpgov.review;

/** The contract of the {@code catalog-review} process: key and variables. */
public final class CatalogReviewProcess {

    public static final String KEY = "catalog-review";
    /** Starts a review now (besides the timer): REST, the dashboard, an agreement-ending event. */
    public static final String MESSAGE_REVIEW_REQUESTED = "CatalogReviewRequested";

    /** In: decide and report only (true), or also remove (absent/false). */
    public static final String DRY_RUN = "dryRun";
    /** Out: one line per product, and as many as fit a mail. */
    public static final String REVIEW_LINES = "reviewLines";

    public static final String REVIEW_REPORT = "reviewReport";
    /** Out: the products to remove with their reasons (JSON map), in change sets of at most 50 (JSON list of lists). */
    public static final String REMOVALS = "removals";

    public static final String REMOVAL_BATCHES = "removalBatches";
    public static final String REMOVED_COUNT = "removedCount";
    /** Out: removed private-offer products mpgov added (productId, requestId, reason), and the RENEWAL requests opened for them. */
    public static final String RENEWALS = "renewals";

    public static final String RENEWAL_REQUESTS = "renewalRequests";
    /** Out: who is told of the removals: procurement, the PMP administrators and the requesters of removed products. */
    public static final String REMOVAL_RECIPIENTS = "removalRecipients";

    /** AWS takes at most 50 distinct products in one Allow/DenyProductProcurement change. */
    static final int PRODUCTS_PER_CHANGE_SET = 50;

    private CatalogReviewProcess() {}
}
