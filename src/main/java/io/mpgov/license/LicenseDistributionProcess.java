package io.mpgov.license;

/** The contract of the {@code license-distribution} process: key and variables. */
public final class LicenseDistributionProcess {

    public static final String KEY = "license-distribution";

    /** In: the Marketplace product whose licenses are distributed. */
    public static final String PRODUCT_ID = "productId";
    /** In, instead of a product: reconcile just this license (License Change) or this account (account events). */
    public static final String LICENSE_ARN = "licenseArn";
    public static final String ACCOUNT_ID = "accountId";
    /** In, with a product: who the request entitles — account ids (comma-separated), an OU and/or an account tag {@code key=value}. */
    public static final String TARGET_ACCOUNT_IDS = "targetAccountIds";
    public static final String TARGET_OU_ID = "targetOuId";
    public static final String TARGET_TAG = "targetTag";
    /** The writes the plan calls for, in batches: one multi-instance element per batch (JSON list of lists of maps). */
    public static final String GRANT_BATCHES = "grantBatches";
    static final String BATCH = "batch";
    /** Out: counts, and one line per account and license. */
    public static final String GRANTED = "grantsCreated";
    public static final String ACTIVATED = "grantsActivated";
    public static final String REVOKED = "grantsRevoked";
    public static final String UNCHANGED = "grantsUnchanged";
    public static final String FAILED = "grantsFailed";
    /** Out: grants that wait for their grantee to accept them (PENDING_ACCEPT): not granted yet. */
    public static final String PENDING_ACCEPTANCE = "grantsPendingAcceptance";
    /** Out: licenses of the product that License Manager does not let mpgov grant (e.g. SaaS), named in the report. */
    public static final String NOT_SHAREABLE = "licensesNotShareable";
    /** What the plan reports without a write (waiting grants, unshareable licenses): JSON list of maps, like a batch. */
    public static final String NOTICES = "distributionNotices";
    public static final String REPORT = "distributionReport";
    /** Out: every line of the report (JSON list); {@link #REPORT} holds as many as fit in a String variable. */
    public static final String REPORT_LINES = "distributionLines";
    /** Out: per write, {accountId, licenseArn, outcome, grantArn} — the audit evidence of what changed in AWS. */
    public static final String OUTCOMES = "distributionOutcomes";

    private LicenseDistributionProcess() {
    }
}
