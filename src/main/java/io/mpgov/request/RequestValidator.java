package io.mpgov.request;

import static io.mpgov.request.ProcurementRequestProcess.*;

import io.mpgov.agreement.AgreementPort;
import io.mpgov.organization.MemberAccount;
import io.mpgov.organization.OrganizationPort;
import io.mpgov.security.AsSystem;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Checks a request before anyone spends time on it: complete, well-formed, aimed at accounts that
 * exist, and not a second open request for the same product. Used by the REST intake (for an
 * immediate 400) and by the process itself (for every other way to start it).
 *
 * <p>The fields' own rules are {@link RequestForm}'s constraints, checked first; the rules that need other
 * fields or the organization follow, for the fields that kept to their own. Errors come in {@link #FIELDS} order.
 */
@Component
class RequestValidator {

    /** The order errors are reported in. */
    static final List<String> FIELDS = List.of(
            PRODUCT_ID,
            PRODUCT_TITLE,
            SELLER_NAME,
            OFFER_TYPE,
            OFFER_ID,
            NEW_VENDOR,
            CUSTOM_EULA,
            REQUEST_TYPE,
            ESTIMATED_ANNUAL_COST,
            CONTRACT_MONTHS,
            DATA_CLASSIFICATION,
            BUSINESS_JUSTIFICATION,
            TARGET_ACCOUNT_IDS,
            TARGET_OU_ID,
            TARGET_TAG);

    private static final Class<?>[] CHECKS = {RequestForm.Checks.class};
    private static final Class<?>[] PRIVATE_OFFER_CHECKS = {RequestForm.Checks.class, RequestForm.PrivateOffer.class};

    private final Validator constraints;
    private final OrganizationPort organization;
    private final AgreementPort agreements;
    private final RuntimeService runtime;
    private final IdentityService identity;

    RequestValidator(
            Validator constraints,
            OrganizationPort organization,
            AgreementPort agreements,
            RuntimeService runtime,
            IdentityService identity) {
        this.constraints = constraints;
        this.organization = organization;
        this.agreements = agreements;
        this.runtime = runtime;
        this.identity = identity;
    }

    /** @param self the request's own process instance, not a duplicate of itself (null before start) */
    List<FieldError> validate(RequestForm f, String self) {
        List<FieldError> errors = new ArrayList<>(violations(f));
        Set<String> invalid = errors.stream().map(FieldError::field).collect(Collectors.toSet());
        if ("RENEWAL".equals(f.requestType())) {
            if (!"PRIVATE".equals(f.offerType())) {
                errors.add(
                        new FieldError(
                                REQUEST_TYPE,
                                "a renewal is of a seller private offer: choose Seller private offer and give the new offer's id"));
            } else if (!invalid.contains(PRODUCT_ID)
                    && agreements.forProduct(f.productId()).isEmpty()) {
                errors.add(new FieldError(
                        REQUEST_TYPE, "there is no agreement for " + f.productId() + " to renew: request it as NEW"));
            }
        }
        validateTargets(f, invalid, errors);
        if (!invalid.contains(PRODUCT_ID)) {
            // Every open request counts, whether or not the caller may see it.
            AsSystem.run(
                            identity,
                            () -> runtime.createProcessInstanceQuery()
                                    .processDefinitionKey(KEY)
                                    .variableValueEquals(PRODUCT_ID, f.productId())
                                    .list())
                    .stream()
                    .filter(pi -> !pi.getId().equals(self))
                    .findFirst()
                    .ifPresent(pi -> errors.add(new FieldError(
                            PRODUCT_ID, "request " + pi.getBusinessKey() + " for this product is still open")));
        }
        errors.sort(Comparator.comparing(e -> FIELDS.indexOf(e.field())));
        return errors;
    }

    /**
     * The constraints, field by field so that each stops at its first failing group; a private offer's
     * fields only for a private offer.
     */
    private List<FieldError> violations(RequestForm f) {
        Class<?>[] groups = "PRIVATE".equals(f.offerType()) ? PRIVATE_OFFER_CHECKS : CHECKS;
        return FIELDS.stream()
                .flatMap(field -> constraints.validateProperty(f, field, groups).stream()
                        .map(violation -> new FieldError(field, violation.getMessage())))
                .toList();
    }

    /** @param invalid the fields that broke their own rules */
    private void validateTargets(RequestForm f, Set<String> invalid, List<FieldError> errors) {
        if (f.targetAccountIds().isEmpty() && f.targetOuId() == null && f.targetTag() == null) {
            errors.add(new FieldError(TARGET_ACCOUNT_IDS, "name the target: account ids, an OU id or an account tag"));
            return;
        }
        if (!f.targetAccountIds().isEmpty() && !invalid.contains(TARGET_ACCOUNT_IDS)) {
            Map<String, MemberAccount> accounts = organization.accounts(f.targetAccountIds()).stream()
                    .collect(Collectors.toMap(MemberAccount::id, Function.identity()));
            List<String> notActive = f.targetAccountIds().stream()
                    .filter(id -> !accounts.containsKey(id) || !accounts.get(id).active())
                    .toList();
            if (!notActive.isEmpty()) {
                errors.add(new FieldError(
                        TARGET_ACCOUNT_IDS,
                        "not active accounts of the organization: " + String.join(", ", notActive)));
            }
        }
        if (f.targetOuId() != null
                && !invalid.contains(TARGET_OU_ID)
                && !organization.organizationalUnitIds().contains(f.targetOuId())) {
            errors.add(new FieldError(TARGET_OU_ID, "no such organizational unit: " + f.targetOuId()));
        }
    }
}
