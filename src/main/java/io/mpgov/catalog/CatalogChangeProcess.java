package io.mpgov.catalog;

/** The contract of the {@code catalog-change} process: its key, variables and error codes. */
public final class CatalogChangeProcess {

    public static final String KEY = "catalog-change";

    /** In: ALLOW or DENY. */
    public static final String CHANGE_TYPE = "changeType";
    /** In: the product to allow or deny. */
    public static final String PRODUCT_ID = "productId";
    /** In, instead of {@link #PRODUCT_ID}: up to 50 products changed in one change set (a review's removals). */
    public static final String PRODUCT_IDS = "productIds";
    /** In: the experience (exp-…) to change; absent: the primary experience. Part of the idempotency token. */
    public static final String EXPERIENCE_ID = "experienceId";
    /** In: the request the change belongs to; part of the idempotency token. */
    public static final String REQUEST_ID = "requestId";
    /** In: how often this change was deliberately retried after a failure (absent: never). */
    public static final String RETRIES = "catalogRetries";
    /** In: free text kept with the product in the PMP. */
    public static final String NOTES = "changeNotes";
    /** Out: the change set that did the work. */
    public static final String CHANGE_SET_ID = "changeSetId";

    public static final String CHANGE_SET_STATUS = "changeSetStatus";
    public static final String CHANGE_SET_ERRORS = "changeSetErrors";
    static final String LOCK_ATTEMPTS = "lockAttempts";
    /** This change's idempotency token, under which the {@link PmpWriter} keeps it. */
    static final String CHANGE_TOKEN = "changeToken";

    /** Thrown by the model when the change set ends FAILED or CANCELLED; message = AWS error codes. */
    public static final String ERROR_CHANGE_SET_FAILED = "CHANGE_SET_FAILED";

    static final String ERROR_ENTITY_LOCKED = "ENTITY_LOCKED";

    private CatalogChangeProcess() {}
}
