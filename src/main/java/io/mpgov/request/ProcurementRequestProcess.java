package io.mpgov.request;

import io.mpgov.agreement.AgreementVariables;

/** The contract of the {@code procurement-request} process: key, variable names, error codes. */
public final class ProcurementRequestProcess {

    public static final String KEY = "procurement-request";

    public static final String REQUEST_ID = "requestId";
    public static final String PRODUCT_ID = "productId";
    public static final String PRODUCT_TITLE = "productTitle";
    public static final String SELLER_NAME = "sellerName";
    public static final String OFFER_TYPE = "offerType";
    public static final String OFFER_ID = "offerId";
    public static final String ESTIMATED_ANNUAL_COST = "estimatedAnnualCost";
    public static final String CONTRACT_MONTHS = "contractMonths";
    public static final String DATA_CLASSIFICATION = "dataClassification";
    public static final String BUSINESS_JUSTIFICATION = "businessJustification";
    /** Comma-separated 12-digit account ids. */
    public static final String TARGET_ACCOUNT_IDS = "targetAccountIds";

    public static final String TARGET_OU_ID = "targetOuId";
    /** {@code key=value} of an account tag. */
    public static final String TARGET_TAG = "targetTag";
    /** NEW or RENEWAL (of a product removed before, or about to be removed for, its agreement's expiry). */
    public static final String REQUEST_TYPE = "requestType";
    /** Private offers: is this the first contract with this seller? */
    public static final String NEW_VENDOR = "newVendor";
    /** Private offers: does the offer come with a custom EULA? */
    public static final String CUSTOM_EULA = "customEula";
    /** The user who started the request (BPMN camunda:initiator). */
    public static final String INITIATOR = "initiator";

    public static final String VALIDATION_ERRORS = "validationErrors";
    /** Output of DMN offer-routing: PUBLIC_SELF_SERVICE or SELLER_PRIVATE_OFFER. */
    public static final String ROUTE = "route";

    /** The Private Marketplace product request this request answers, when it came from one. */
    public static final String PMP_REQUEST_ID = "pmpRequestId";
    /**
     * The product that PMP request asks for, as AWS's event named it: the request stays about it (no form field
     * writes it, and {@link RequestCheck} refuses a productId that differs).
     */
    public static final String PMP_PRODUCT_ID = "pmpProductId";
    /** The Private Marketplace experience that PMP request was made in: the product is allowed there. */
    public static final String PMP_EXPERIENCE_ID = "pmpExperienceId";
    /** AWS's own word on that PMP request: APPROVED or DECLINED, or CANCELLED or EXPIRED (which close the request). */
    public static final String PMP_REQUEST_STATUS = "pmpRequestStatus";

    /** The procurement manager's task: accept the offer in AWS Marketplace and name the agreement. */
    public static final String TASK_ACCEPT_PRIVATE_OFFER = "Task_AcceptPrivateOffer";
    /** The decision on {@link #TASK_ACCEPT_PRIVATE_OFFER} that says the offer was accepted. */
    public static final String DECISION_ACCEPT = "ACCEPT";
    /** The requester's decision on Task_ReviseRequest that ends the request. */
    public static final String DECISION_WITHDRAW = "WITHDRAW";

    public static final String AGREEMENT_ID = AgreementVariables.AGREEMENT_ID;

    public static final String ERROR_INVALID_REQUEST = "INVALID_REQUEST";
    public static final String MESSAGE_PMP_REQUEST_CREATED = "PmpProductRequestCreated";
    public static final String MESSAGE_PMP_REQUEST_DECIDED = "PmpProductRequestDecided";
    public static final String MESSAGE_PMP_REQUEST_CLOSED = "PmpProductRequestClosed";
    /**
     * Steps after which a request has committed to something in AWS or is about to (the PMP admin approved
     * it, an offer is being accepted or was, a PMP change, grants): once it has reached one of them, a PMP
     * request cancelled or expired no longer closes it — even if it later loops back.
     */
    public static final java.util.List<String> COMMITTED_ACTIVITIES = java.util.List.of(
            TASK_ACCEPT_PRIVATE_OFFER,
            "Task_VerifyAgreement",
            "Task_ConfirmPmpAddition",
            "Task_FindGoverningExperiences",
            "CallActivity_AllowProductInPmp",
            "Task_ResolveCatalogChangeFailure",
            "CallActivity_DistributeLicenses");

    private ProcurementRequestProcess() {}
}
