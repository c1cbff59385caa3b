package io.mpgov.request;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.mpgov.request.ProcurementRequestProcess.*;

/**
 * What a requester submits, from the REST API or the Tasklist start form. Field names are the start
 * form's keys and the process variable names.
 */
public record RequestForm(String productId, String productTitle, String sellerName, String offerType, String offerId,
                          Double estimatedAnnualCost, Integer contractMonths, String dataClassification,
                          String businessJustification, List<String> targetAccountIds, String targetOuId,
                          String targetTag, String requestType, Boolean newVendor, Boolean customEula) {

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
        targetAccountIds = targetAccountIds == null ? List.of()
                : targetAccountIds.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Reads the form from process variables; numbers may arrive as any numeric type, accounts as text. */
    static RequestForm fromVariables(Map<String, Object> v) {
        Object accounts = v.get(TARGET_ACCOUNT_IDS);
        List<String> accountIds = accounts instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                : accounts == null ? List.of() : Arrays.asList(accounts.toString().split("[,;\\s]+"));
        return new RequestForm(str(v, PRODUCT_ID), str(v, PRODUCT_TITLE), str(v, SELLER_NAME), str(v, OFFER_TYPE),
                str(v, OFFER_ID), v.get(ESTIMATED_ANNUAL_COST) instanceof Number n ? n.doubleValue() : null,
                v.get(CONTRACT_MONTHS) instanceof Number n ? n.intValue() : null, str(v, DATA_CLASSIFICATION),
                str(v, BUSINESS_JUSTIFICATION), accountIds, str(v, TARGET_OU_ID), str(v, TARGET_TAG),
                str(v, REQUEST_TYPE), bool(v.get(NEW_VENDOR)), bool(v.get(CUSTOM_EULA)));
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
