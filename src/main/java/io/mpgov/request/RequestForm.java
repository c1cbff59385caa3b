package io.mpgov.request;

import static io.mpgov.request.ProcurementRequestProcess.*;

import jakarta.validation.GroupSequence;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.validator.constraints.Range;

/**
 * What a requester submits, from the REST API or the Tasklist start form. Field names are the start
 * form's keys and the process variable names.
 *
 * <p>Each field's own rules are its constraints; {@link RequestValidator} checks them field by field in
 * {@link Checks} order, so a field reports the first of its rules it breaks (a 10,000-character title is too
 * long, whatever it contains). What needs other fields or the organization is {@link RequestValidator}'s.
 */
public record RequestForm(
        @NotNull(message = REQUIRED) @ProductId String productId,

        @NotBlank(message = NOT_LISTED)
        @MaxLength(MAX_TEXT)
        @NoMarkup(groups = Content.class)
        @SingleLine(groups = Content.class)
        String productTitle,

        @NotBlank(message = NOT_LISTED)
        @MaxLength(MAX_TEXT)
        @NoMarkup(groups = Content.class)
        @SingleLine(groups = Content.class)
        String sellerName,

        @NotNull(message = REQUIRED) @Pattern(regexp = "PUBLIC|PRIVATE", message = "must be PUBLIC or PRIVATE")
        String offerType,

        @NotNull(message = REQUIRED, groups = PrivateOffer.class) @OfferId(groups = PrivateOffer.class)
        String offerId,

        @NotNull(message = "is required (USD per year, 0 for free products)")
        @DecimalMin(value = "0", message = "must not be negative")
        @Max(value = MAX_ANNUAL_COST, message = "must not exceed {value} USD a year")
        Double estimatedAnnualCost,

        @NotNull(message = REQUIRED) @Range(min = 1, max = 60, message = "must be between {min} and {max}")
        Integer contractMonths,

        @NotNull(message = REQUIRED)
        @Pattern(
                regexp = "PUBLIC|INTERNAL|CONFIDENTIAL|RESTRICTED",
                message = "must be one of PUBLIC, INTERNAL, CONFIDENTIAL, RESTRICTED")
        String dataClassification,

        @NotNull(message = REQUIRED)
        @MaxLength(MAX_JUSTIFICATION)
        @NoMarkup(groups = Content.class)
        @Size(
                min = MIN_JUSTIFICATION,
                message = "must explain the need in at least {min} characters",
                groups = Substance.class)
        String businessJustification,

        @Size(max = MAX_TARGET_ACCOUNTS, message = "at most {max} accounts; name an OU or a tag instead")
        @AccountIds(groups = Content.class)
        List<String> targetAccountIds,

        @OuId String targetOuId,

        @Pattern(
                regexp = "[\\p{L}\\p{N}_.:/+@-]{1,128}=[\\p{L}\\p{N}_.:/+@ -]{0,256}",
                message = "must be key=value, e.g. licence-group=observability")
        String targetTag,

        @Pattern(regexp = "NEW|RENEWAL", message = "must be NEW or RENEWAL")
        String requestType,

        @NotNull(
                message = "is required for a private offer: is this the first contract with this seller?",
                groups = PrivateOffer.class)
        Boolean newVendor,

        @NotNull(
                message = "is required for a private offer: does it come with a custom EULA?",
                groups = PrivateOffer.class)
        Boolean customEula) {

    static final String REQUIRED = "is required";
    /** Title and seller: taken from the product's listing when left out, so asked for only when it has none. */
    static final String NOT_LISTED =
            "is required: AWS Marketplace does not describe this product to mpgov, so please type it";

    static final int MAX_TEXT = 200;
    static final int MIN_JUSTIFICATION = 20;
    static final int MAX_JUSTIFICATION = 4_000;
    static final int MAX_TARGET_ACCOUNTS = 1_000;
    /** More than any single software contract mpgov should see; above it is a typo or an attack. */
    static final long MAX_ANNUAL_COST = 100_000_000L;

    /**
     * The order a field's rules are checked in: the constraints without a group first, then {@link Content},
     * then {@link Substance}; the first group a field fails is its error, the rest are not checked for it.
     */
    @GroupSequence({Default.class, Content.class, Substance.class})
    interface Checks {}

    /** What a text that is there and not too long contains. */
    interface Content {}

    /** Whether a clean text says enough. */
    interface Substance {}

    /** The rules of a private offer's fields, which only a private offer has to follow. */
    interface PrivateOffer {}

    public RequestForm {
        productId = trim(productId);
        productTitle = trim(productTitle);
        sellerName = trim(sellerName);
        offerType = trim(offerType);
        offerId = trim(offerId);
        dataClassification = trim(dataClassification);
        businessJustification = trim(businessJustification);
        targetOuId = trim(targetOuId);
        targetTag = trim(targetTag);
        requestType = trim(requestType) == null ? "NEW" : requestType.trim();
        targetAccountIds = targetAccountIds == null
                ? List.of()
                : targetAccountIds.stream()
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }

    /** Reads the form from process variables; numbers may arrive as any numeric type, accounts as text. */
    static RequestForm fromVariables(Map<String, Object> v) {
        Object accounts = v.get(TARGET_ACCOUNT_IDS);
        List<String> accountIds = accounts instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : accounts == null
                        ? List.of()
                        : Arrays.asList(accounts.toString().split("[,;\\s]+"));
        return new RequestForm(
                str(v, PRODUCT_ID),
                str(v, PRODUCT_TITLE),
                str(v, SELLER_NAME),
                str(v, OFFER_TYPE),
                str(v, OFFER_ID),
                v.get(ESTIMATED_ANNUAL_COST) instanceof Number n ? n.doubleValue() : null,
                v.get(CONTRACT_MONTHS) instanceof Number n ? n.intValue() : null,
                str(v, DATA_CLASSIFICATION),
                str(v, BUSINESS_JUSTIFICATION),
                accountIds,
                str(v, TARGET_OU_ID),
                str(v, TARGET_TAG),
                str(v, REQUEST_TYPE),
                bool(v.get(NEW_VENDOR)),
                bool(v.get(CUSTOM_EULA)));
    }

    /** The process variables, normalized: accounts as comma-separated text, numbers typed. */
    Map<String, Object> toVariables() {
        Map<String, Object> v = new HashMap<>();
        v.put(PRODUCT_ID, productId);
        v.put(PRODUCT_TITLE, productTitle);
        v.put(SELLER_NAME, sellerName);
        v.put(OFFER_TYPE, offerType);
        v.put(OFFER_ID, offerId);
        v.put(ESTIMATED_ANNUAL_COST, estimatedAnnualCost);
        v.put(CONTRACT_MONTHS, contractMonths);
        v.put(DATA_CLASSIFICATION, dataClassification);
        v.put(BUSINESS_JUSTIFICATION, businessJustification);
        v.put(TARGET_ACCOUNT_IDS, String.join(",", targetAccountIds));
        v.put(TARGET_OU_ID, targetOuId);
        v.put(TARGET_TAG, targetTag);
        v.put(REQUEST_TYPE, requestType);
        v.put(NEW_VENDOR, newVendor);
        v.put(CUSTOM_EULA, customEula);
        return v;
    }

    private static String str(Map<String, Object> v, String name) {
        Object value = v.get(name);
        return value == null ? null : value.toString();
    }

    /** Forms send yes/no as text, the REST API JSON booleans; anything else counts as unanswered. */
    private static Boolean bool(Object value) {
        String answer = value == null ? "" : value.toString().trim().toLowerCase();
        return switch (answer) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> null;
        };
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
