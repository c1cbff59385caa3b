package io.mpgov.license;

/** The contract of the {@code license-distribution} process: key and variables. */
public final class LicenseDistributionProcess {

    public static final String KEY = "license-distribution";

    /** In: the Marketplace product whose licenses are distributed. */
    public static final String PRODUCT_ID = "productId";
    /** In: who is entitled — account ids (comma-separated), an OU and/or an account tag {@code key=value}. */
    public static final String TARGET_ACCOUNT_IDS = "targetAccountIds";
    public static final String TARGET_OU_ID = "targetOuId";
    public static final String TARGET_TAG = "targetTag";
    /** The writes the plan calls for, one multi-instance element each (JSON list of maps). */
    public static final String GRANT_WORK = "grantWork";
    static final String WORK_ITEM = "work";
    /** Out: counts, and one line per account and license. */
    public static final String GRANTED = "grantsCreated";
    public static final String REVOKED = "grantsRevoked";
    public static final String UNCHANGED = "grantsUnchanged";
    public static final String FAILED = "grantsFailed";
    public static final String REPORT = "distributionReport";

    private LicenseDistributionProcess() {
    }
}
