package io.mpgov.catalog;

/**
 * What catalog's steps inside a procurement request read and write: Task_FindGoverningExperiences and
 * the listener that records a product mpgov added to the PMP. The same names as the request's contract;
 * kept here because the catalog knows no request.
 */
public final class CatalogStepVariables {

    public static final String PRODUCT_ID = "productId";
    public static final String OFFER_TYPE = "offerType";
    /** Who started the request: they own the product mpgov added. */
    public static final String INITIATOR = "initiator";

    public static final String TARGET_ACCOUNT_IDS = "targetAccountIds";
    public static final String TARGET_OU_ID = "targetOuId";
    public static final String TARGET_TAG = "targetTag";
    /** In (PMP product requests): the experience the request was made in. */
    public static final String PMP_EXPERIENCE_ID = "pmpExperienceId";
    /** Out: the experience ids the catalog-change runs for, one change set each. */
    public static final String EXPERIENCE_IDS = "pmpExperienceIds";
    /** Out: for the requester, the target accounts under experiences mpgov does not govern (empty if none). */
    public static final String OUTSIDE = "pmpOutsideNote";

    private CatalogStepVariables() {}
}
