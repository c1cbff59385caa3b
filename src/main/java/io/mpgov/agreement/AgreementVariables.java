package io.mpgov.agreement;

/** What Task_VerifyAgreement reads from the request it runs in, and what it writes back. */
public final class AgreementVariables {

    /** The agreement the procurement manager names on accepting the offer. */
    public static final String AGREEMENT_ID = "agreementId";

    public static final String OFFER_ID = "offerId";
    public static final String PRODUCT_ID = "productId";
    public static final String VERIFIED = "agreementVerified";
    public static final String PROBLEM = "agreementProblem";
    /** When the agreement ends: the product must leave the PMP before. */
    public static final String END_DATE = "agreementEndDate";

    public static final String AUTO_RENEW = "agreementAutoRenew";

    private AgreementVariables() {}
}
