package io.mpgov.request;

import io.mpgov.agreement.AgreementPort;
import io.mpgov.organization.MemberAccount;
import io.mpgov.organization.OrganizationPort;
import io.mpgov.security.AsSystem;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.mpgov.request.ProcurementRequestProcess.*;

/**
 * Checks a request before anyone spends time on it: complete, well-formed, aimed at accounts that
 * exist, and not a second open request for the same product. Used by the REST intake (for an
 * immediate 400) and by the process itself (for every other way to start it).
 */
@Component
class RequestValidator {

    private static final Pattern PRODUCT_ID_FORMAT = Pattern.compile("prod-[a-z0-9]{13}");
    private static final Pattern OFFER_ID_FORMAT = Pattern.compile("offer-[a-z0-9]{8,64}");
    private static final Pattern ACCOUNT_ID_FORMAT = Pattern.compile("\\d{12}");
    private static final Pattern OU_ID_FORMAT = Pattern.compile("ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}");
    private static final Pattern TAG_FORMAT = Pattern.compile("[\\p{L}\\p{N}_.:/+@-]{1,128}=[\\p{L}\\p{N}_.:/+@ -]{0,256}");
    private static final Set<String> OFFER_TYPES = Set.of("PUBLIC", "PRIVATE");
    private static final Set<String> REQUEST_TYPES = Set.of("NEW", "RENEWAL");
    private static final Set<String> CLASSIFICATIONS = Set.of("PUBLIC", "INTERNAL", "CONFIDENTIAL", "RESTRICTED");
    static final int MIN_JUSTIFICATION = 20;
    static final int MAX_TEXT = 200;
    static final int MAX_JUSTIFICATION = 4_000;
    static final int MAX_TARGET_ACCOUNTS = 1_000;
    /** More than any single software contract mpgov should see; above it is a typo or an attack. */
    static final long MAX_ANNUAL_COST = 100_000_000L;
    /** Text people type is shown in Tasklist and mails: no markup, so none can ever be rendered. */
    private static final Pattern MARKUP = Pattern.compile("[<>]");

    private final OrganizationPort organization;
    private final AgreementPort agreements;
    private final RuntimeService runtime;
    private final IdentityService identity;

    RequestValidator(OrganizationPort organization, AgreementPort agreements, RuntimeService runtime, IdentityService identity) {
        this.organization = organization;
        this.agreements = agreements;
        this.runtime = runtime;
        this.identity = identity;
    }

    /** @param self the request's own process instance, not a duplicate of itself (null before start) */
    List<FieldError> validate(RequestForm f, String self) {
        List<FieldError> errors = new ArrayList<>();
        if (required(errors, PRODUCT_ID, f.productId()) && !PRODUCT_ID_FORMAT.matcher(f.productId()).matches()) {
            errors.add(new FieldError(PRODUCT_ID, "must look like prod-xxxxxxxxxxxxx (prod- and 13 lowercase letters or digits)"));
        }
        text(errors, PRODUCT_TITLE, f.productTitle(), MAX_TEXT);
        text(errors, SELLER_NAME, f.sellerName(), MAX_TEXT);
        if (required(errors, OFFER_TYPE, f.offerType()) && !OFFER_TYPES.contains(f.offerType())) {
            errors.add(new FieldError(OFFER_TYPE, "must be PUBLIC or PRIVATE"));
        }
        if ("PRIVATE".equals(f.offerType()) && required(errors, OFFER_ID, f.offerId())
                && !OFFER_ID_FORMAT.matcher(f.offerId()).matches()) {
            errors.add(new FieldError(OFFER_ID, "must look like offer-xxxxxxxxxxxxx"));
        }
        if ("PRIVATE".equals(f.offerType())) {
            if (f.newVendor() == null) {
                errors.add(new FieldError(NEW_VENDOR, "is required for a private offer: is this the first contract with this seller?"));
            }
            if (f.customEula() == null) {
                errors.add(new FieldError(CUSTOM_EULA, "is required for a private offer: does it come with a custom EULA?"));
            }
        }
        if (!REQUEST_TYPES.contains(f.requestType())) {
            errors.add(new FieldError(REQUEST_TYPE, "must be NEW or RENEWAL"));
        } else if ("RENEWAL".equals(f.requestType()) && !"PRIVATE".equals(f.offerType())) {
            errors.add(new FieldError(REQUEST_TYPE, "a renewal is of a seller private offer: set offerType PRIVATE and the new offer's id"));
        } else if ("RENEWAL".equals(f.requestType()) && f.productId() != null && PRODUCT_ID_FORMAT.matcher(f.productId()).matches()
                && agreements.forProduct(f.productId()).isEmpty()) {
            errors.add(new FieldError(REQUEST_TYPE, "there is no agreement for " + f.productId() + " to renew: request it as NEW"));
        }
        if (f.estimatedAnnualCost() == null) {
            errors.add(new FieldError(ESTIMATED_ANNUAL_COST, "is required (USD per year, 0 for free products)"));
        } else if (f.estimatedAnnualCost() < 0) {
            errors.add(new FieldError(ESTIMATED_ANNUAL_COST, "must not be negative"));
        } else if (f.estimatedAnnualCost() > MAX_ANNUAL_COST) {
            errors.add(new FieldError(ESTIMATED_ANNUAL_COST, "must not exceed " + MAX_ANNUAL_COST + " USD a year"));
        }
        if (f.contractMonths() == null) {
            errors.add(new FieldError(CONTRACT_MONTHS, "is required"));
        } else if (f.contractMonths() < 1 || f.contractMonths() > 60) {
            errors.add(new FieldError(CONTRACT_MONTHS, "must be between 1 and 60"));
        }
        if (required(errors, DATA_CLASSIFICATION, f.dataClassification())
                && !CLASSIFICATIONS.contains(f.dataClassification())) {
            errors.add(new FieldError(DATA_CLASSIFICATION, "must be one of PUBLIC, INTERNAL, CONFIDENTIAL, RESTRICTED"));
        }
        if (text(errors, BUSINESS_JUSTIFICATION, f.businessJustification(), MAX_JUSTIFICATION)
                && f.businessJustification().length() < MIN_JUSTIFICATION) {
            errors.add(new FieldError(BUSINESS_JUSTIFICATION, "must explain the need in at least " + MIN_JUSTIFICATION + " characters"));
        }
        validateTargets(f, errors);
        if (f.productId() != null && errors.stream().noneMatch(e -> e.field().equals(PRODUCT_ID))) {
            // Every open request counts, whether or not the caller may see it.
            AsSystem.run(identity, () -> runtime.createProcessInstanceQuery().processDefinitionKey(KEY)
                    .variableValueEquals(PRODUCT_ID, f.productId()).list()).stream()
                    .filter(pi -> !pi.getId().equals(self)).findFirst()
                    .ifPresent(pi -> errors.add(new FieldError(PRODUCT_ID,
                            "request " + pi.getBusinessKey() + " for this product is still open")));
        }
        return errors;
    }

    private void validateTargets(RequestForm f, List<FieldError> errors) {
        if (f.targetAccountIds().isEmpty() && f.targetOuId() == null && f.targetTag() == null) {
            errors.add(new FieldError(TARGET_ACCOUNT_IDS, "name the target: account ids, an OU id or an account tag"));
            return;
        }
        List<String> malformed = f.targetAccountIds().stream().filter(id -> !ACCOUNT_ID_FORMAT.matcher(id).matches()).toList();
        if (f.targetAccountIds().size() > MAX_TARGET_ACCOUNTS) {
            errors.add(new FieldError(TARGET_ACCOUNT_IDS, "at most " + MAX_TARGET_ACCOUNTS + " accounts; name an OU or a tag instead"));
        } else if (!malformed.isEmpty()) {
            errors.add(new FieldError(TARGET_ACCOUNT_IDS, "not 12-digit account ids: "
                    + String.join(", ", malformed.stream().limit(5).map(RequestValidator::shown).toList())));
        } else if (!f.targetAccountIds().isEmpty()) {
            Map<String, MemberAccount> accounts = organization.accounts(f.targetAccountIds()).stream()
                    .collect(Collectors.toMap(MemberAccount::id, Function.identity()));
            List<String> notActive = f.targetAccountIds().stream()
                    .filter(id -> !accounts.containsKey(id) || !accounts.get(id).active()).toList();
            if (!notActive.isEmpty()) {
                errors.add(new FieldError(TARGET_ACCOUNT_IDS, "not active accounts of the organization: " + String.join(", ", notActive)));
            }
        }
        if (f.targetOuId() != null) {
            if (!OU_ID_FORMAT.matcher(f.targetOuId()).matches()) {
                errors.add(new FieldError(TARGET_OU_ID, "must look like ou-xxxx-xxxxxxxx"));
            } else if (!organization.organizationalUnitIds().contains(f.targetOuId())) {
                errors.add(new FieldError(TARGET_OU_ID, "no such organizational unit: " + f.targetOuId()));
            }
        }
        if (f.targetTag() != null && !TAG_FORMAT.matcher(f.targetTag()).matches()) {
            errors.add(new FieldError(TARGET_TAG, "must be key=value, e.g. licence-group=observability"));
        }
    }

    /** Required, at most {@code max} characters, no markup. */
    private static boolean text(List<FieldError> errors, String field, String value, int max) {
        if (!required(errors, field, value)) {
            return false;
        }
        if (value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters (got " + value.length() + ")"));
            return false;
        }
        if (MARKUP.matcher(value).find()) {
            errors.add(new FieldError(field, "must not contain markup: < and > are not allowed"));
            return false;
        }
        return true;
    }

    /** A rejected value as the message may show it: short, without markup. */
    private static String shown(String value) {
        String plain = MARKUP.matcher(value).replaceAll("?");
        return plain.length() > 20 ? plain.substring(0, 20) + "…" : plain;
    }

    private static boolean required(List<FieldError> errors, String field, String value) {
        if (value == null) {
            errors.add(new FieldError(field, "is required"));
            return false;
        }
        return true;
    }
}
