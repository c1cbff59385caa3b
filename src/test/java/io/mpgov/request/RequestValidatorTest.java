package io.mpgov.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.mpgov.organization.MemberAccount;
import io.mpgov.organization.OrganizationPort;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.hibernate.validator.constraints.Range;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RequestValidatorTest {

    final OrganizationPort organization = mock(OrganizationPort.class);
    final RuntimeService runtime = mock(RuntimeService.class, RETURNS_DEEP_STUBS);
    final io.mpgov.agreement.AgreementPort agreements = mock(io.mpgov.agreement.AgreementPort.class);
    /** No Spring context here: the provider's default factory; the application uses the Validator Spring Boot configures. */
    static final Validator CONSTRAINTS =
            Validation.buildDefaultValidatorFactory().getValidator();

    final RequestValidator validator = new RequestValidator(
            CONSTRAINTS, organization, agreements, runtime, mock(org.camunda.bpm.engine.IdentityService.class));

    @BeforeEach
    void organization() {
        List<MemberAccount> members = List.of(
                new MemberAccount("310987654321", "retail", "ACTIVE"),
                new MemberAccount("510987654321", "retired", "SUSPENDED"));
        when(organization.accounts(anyCollection()))
                .thenAnswer(call -> members.stream()
                        .filter(a -> call.<java.util.Collection<String>>getArgument(0)
                                .contains(a.id()))
                        .toList());
        when(organization.organizationalUnitIds()).thenReturn(List.of("ou-mp01-retail01"));
        when(runtime.createProcessInstanceQuery()
                        .processDefinitionKey(anyString())
                        .variableValueEquals(anyString(), anyString())
                        .list())
                .thenReturn(List.of());
    }

    static RequestForm valid() {
        return new RequestForm(
                "prod-pagerduty0001",
                "PagerDuty",
                "PagerDuty",
                "PUBLIC",
                null,
                12000.0,
                12,
                "INTERNAL",
                "On-call alerting for the retail platform",
                List.of("310987654321"),
                null,
                null,
                null,
                null,
                null);
    }

    static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void aCompleteRequestIsValid() {
        assertThat(validator.validate(valid(), null)).isEmpty();
    }

    @Test
    void anEmptyRequestNamesEveryMissingField() {
        RequestForm empty = new RequestForm(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

        assertThat(fields(validator.validate(empty, null)))
                .containsExactly(
                        "productId",
                        "productTitle",
                        "sellerName",
                        "offerType",
                        "estimatedAnnualCost",
                        "contractMonths",
                        "dataClassification",
                        "businessJustification",
                        "targetAccountIds");
    }

    @Test
    void malformedIdsAndValuesAreNamed() {
        RequestForm bad = new RequestForm(
                "prod-X",
                "t",
                "s",
                "PRIVATE",
                "offer-",
                -1.0,
                61,
                "SECRET",
                "too short",
                List.of("1234"),
                "ou-bad",
                "no-equals-sign",
                "RENEWAL",
                true,
                false);

        assertThat(validator.validate(bad, null))
                .extracting(FieldError::toString)
                .containsExactly(
                        "productId: must look like prod-xxxxxxxxxxxxx (prod- and 13 lowercase letters or digits)",
                        "offerId: must look like offer-xxxxxxxxxxxxx",
                        "estimatedAnnualCost: must not be negative",
                        "contractMonths: must be between 1 and 60",
                        "dataClassification: must be one of PUBLIC, INTERNAL, CONFIDENTIAL, RESTRICTED",
                        "businessJustification: must explain the need in at least 20 characters",
                        "targetAccountIds: not 12-digit account ids: 1234",
                        "targetOuId: must look like ou-xxxx-xxxxxxxx",
                        "targetTag: must be key=value, e.g. licence-group=observability");
    }

    @Test
    void privateOffersNeedAnOfferId() {
        RequestForm form = valid();
        RequestForm privateOffer = new RequestForm(
                form.productId(),
                form.productTitle(),
                form.sellerName(),
                "PRIVATE",
                null,
                1.0,
                12,
                "INTERNAL",
                form.businessJustification(),
                form.targetAccountIds(),
                null,
                null,
                "NEW",
                null,
                false);

        assertThat(fields(validator.validate(privateOffer, null))).containsExactly("offerId", "newVendor");
    }

    @Test
    void targetsMustBeActiveAccountsAndExistingOus() {
        RequestForm form = new RequestForm(
                "prod-pagerduty0001",
                "PagerDuty",
                "PagerDuty",
                "PUBLIC",
                null,
                0.0,
                12,
                "PUBLIC",
                "On-call alerting for the retail platform",
                List.of("310987654321", "510987654321", "999999999999"),
                "ou-mp01-nowhere0",
                "licence-group=observability",
                null,
                null,
                null);

        assertThat(validator.validate(form, null))
                .extracting(FieldError::toString)
                .containsExactly(
                        "targetAccountIds: not active accounts of the organization: 510987654321, 999999999999",
                        "targetOuId: no such organizational unit: ou-mp01-nowhere0");
    }

    @Test
    void aSecondOpenRequestForTheSameProductIsADuplicateButTheRequestItselfIsNot() {
        ProcessInstance open = mock(ProcessInstance.class);
        when(open.getId()).thenReturn("pi-1");
        when(open.getBusinessKey()).thenReturn("PR-OPEN0001");
        when(runtime.createProcessInstanceQuery()
                        .processDefinitionKey(ProcurementRequestProcess.KEY)
                        .variableValueEquals("productId", "prod-pagerduty0001")
                        .list())
                .thenReturn(List.of(open));

        assertThat(validator.validate(valid(), null))
                .extracting(FieldError::toString)
                .containsExactly("productId: request PR-OPEN0001 for this product is still open");
        assertThat(validator.validate(valid(), "pi-1")).isEmpty();
    }

    @Test
    void aRenewalNeedsAnAgreementForTheProduct() {
        RequestForm renewal = new RequestForm(
                "prod-pagerduty0001",
                "PagerDuty",
                "PagerDuty",
                "PRIVATE",
                "offer-pagerdutypriv2",
                1000.0,
                12,
                "INTERNAL",
                "On-call alerting for the retail platform",
                List.of("310987654321"),
                null,
                null,
                "RENEWAL",
                false,
                false);

        assertThat(validator.validate(renewal, null))
                .extracting(FieldError::toString)
                .containsExactly(
                        "requestType: there is no agreement for prod-pagerduty0001 to renew: request it as NEW");
        when(agreements.forProduct("prod-pagerduty0001"))
                .thenReturn(List.of(new io.mpgov.agreement.Agreement(
                        "agmt-1",
                        "ACTIVE",
                        "offer-pagerdutypriv1",
                        List.of("prod-pagerduty0001"),
                        java.time.Instant.now(),
                        false)));
        assertThat(validator.validate(renewal, null)).isEmpty();
    }

    /** {@link #valid()} with some fields changed: field, value, field, value… */
    static RequestForm with(Object... fieldsAndValues) {
        Map<String, Object> variables = valid().toVariables();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            variables.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return RequestForm.fromVariables(variables);
    }

    static final Object[] PRIVATE = {
        "offerType", "PRIVATE", "offerId", "offer-pagerdutypriv1", "newVendor", false, "customEula", false
    };

    static Arguments rule(
            String field, Object value, Class<? extends Annotation> constraint, String message, Object... more) {
        return Arguments.of(field, value, constraint, message, more);
    }

    static Stream<Arguments> fieldRules() {
        return Stream.of(
                rule("productId", null, NotNull.class, "is required"),
                rule(
                        "productId",
                        "prod-X",
                        ProductId.class,
                        "must look like prod-xxxxxxxxxxxxx (prod- and 13 lowercase letters or digits)"),
                rule("productTitle", "T".repeat(201), MaxLength.class, "must be at most 200 characters (got 201)"),
                rule(
                        "productTitle",
                        "PagerDuty <img src=x onerror=alert(1)>",
                        NoMarkup.class,
                        "must not contain markup: < and > are not allowed"),
                rule("productTitle", "<b>".repeat(100), MaxLength.class, "must be at most 200 characters (got 300)"),
                rule("sellerName", null, NotBlank.class, RequestForm.NOT_LISTED),
                rule("productTitle", " ", NotBlank.class, RequestForm.NOT_LISTED),
                rule("sellerName", "<b>ACME</b>", NoMarkup.class, "must not contain markup: < and > are not allowed"),
                rule(
                        "productTitle",
                        "PagerDuty\nOpen the task: https://evil.example/t",
                        SingleLine.class,
                        "must be one line: line breaks, tabs and other control characters are not allowed"),
                rule(
                        "sellerName",
                        "ACME\u2028Inc",
                        SingleLine.class,
                        "must be one line: line breaks, tabs and other control characters are not allowed"),
                rule("offerType", "public", Pattern.class, "must be PUBLIC or PRIVATE"),
                rule("offerId", null, NotNull.class, "is required", PRIVATE),
                rule("offerId", "offer_1", OfferId.class, "must look like offer-xxxxxxxxxxxxx", PRIVATE),
                rule(
                        "newVendor",
                        null,
                        NotNull.class,
                        "is required for a private offer: is this the first contract with this seller?",
                        PRIVATE),
                rule(
                        "customEula",
                        null,
                        NotNull.class,
                        "is required for a private offer: does it come with a custom EULA?",
                        PRIVATE),
                rule("requestType", "UPGRADE", Pattern.class, "must be NEW or RENEWAL"),
                rule("estimatedAnnualCost", null, NotNull.class, "is required (USD per year, 0 for free products)"),
                rule("estimatedAnnualCost", -0.01, DecimalMin.class, "must not be negative"),
                rule("estimatedAnnualCost", 1e15, Max.class, "must not exceed 100000000 USD a year"),
                rule("contractMonths", 0, Range.class, "must be between 1 and 60"),
                rule("contractMonths", 61, Range.class, "must be between 1 and 60"),
                rule(
                        "dataClassification",
                        "TOP SECRET",
                        Pattern.class,
                        "must be one of PUBLIC, INTERNAL, CONFIDENTIAL, RESTRICTED"),
                rule("businessJustification", null, NotNull.class, "is required"),
                rule(
                        "businessJustification",
                        "j".repeat(4001),
                        MaxLength.class,
                        "must be at most 4000 characters (got 4001)"),
                rule(
                        "businessJustification",
                        "On-call alerting <iframe src=//evil></iframe> for retail",
                        NoMarkup.class,
                        "must not contain markup: < and > are not allowed"),
                rule(
                        "businessJustification",
                        "<b>need</b>",
                        NoMarkup.class,
                        "must not contain markup: < and > are not allowed"),
                rule("businessJustification", "need it", Size.class, "must explain the need in at least 20 characters"),
                rule(
                        "targetAccountIds",
                        Collections.nCopies(1001, "310987654321"),
                        Size.class,
                        "at most 1000 accounts; name an OU or a tag instead"),
                rule(
                        "targetAccountIds",
                        Collections.nCopies(1001, "1"),
                        Size.class,
                        "at most 1000 accounts; name an OU or a tag instead"),
                rule(
                        "targetAccountIds",
                        List.of("123", "<svg onload=alert(1)>", "1".repeat(21), "4", "5", "6"),
                        AccountIds.class,
                        "not 12-digit account ids: 123, ?svg onload=alert(1)…, 11111111111111111111…, 4, 5"),
                rule("targetOuId", "ou-bad", OuId.class, "must look like ou-xxxx-xxxxxxxx"),
                rule(
                        "targetTag",
                        "team=<b>x</b>",
                        Pattern.class,
                        "must be key=value, e.g. licence-group=observability"));
    }

    /** The error a field gets is the violation of its constraint, word for word, and the only one. */
    @ParameterizedTest(name = "{0} = {1}: @{2}")
    @MethodSource("fieldRules")
    void aFieldsRulesAreItsConstraints(
            String field, Object value, Class<? extends Annotation> constraint, String message, Object[] more) {
        Object[] change =
                Stream.concat(Stream.of(more), Stream.of(field, value)).toArray();
        RequestForm form = with(change);

        assertThat(CONSTRAINTS.validateProperty(form, field, RequestForm.Checks.class, RequestForm.PrivateOffer.class))
                .singleElement()
                .satisfies(violation -> {
                    assertThat(violation
                                    .getConstraintDescriptor()
                                    .getAnnotation()
                                    .annotationType())
                            .isEqualTo(constraint);
                    assertThat(violation.getMessage()).isEqualTo(message);
                });
        assertThat(validator.validate(form, null)).containsExactly(new FieldError(field, message));
    }

    @Test
    void aPrivateOffersRulesAreNotAPublicOnes() {
        assertThat(validator.validate(with("offerId", "junk", "newVendor", null, "customEula", null), null))
                .isEmpty();
    }

    @Test
    void errorsComeInTheFormsOrderNotTheRecords() {
        RequestForm form = with(
                "offerType",
                "PRIVATE",
                "offerId",
                null,
                "newVendor",
                null,
                "customEula",
                null,
                "requestType",
                "UPGRADE",
                "estimatedAnnualCost",
                null,
                "targetTag",
                "x");

        assertThat(fields(validator.validate(form, null)))
                .containsExactly(
                        "offerId", "newVendor", "customEula", "requestType", "estimatedAnnualCost", "targetTag");
    }

    @Test
    void aCostThatIsNotANumberIsRefusedAndMinusZeroIsNotNegative() {
        assertThat(fields(validator.validate(with("estimatedAnnualCost", Double.NaN), null)))
                .containsOnly("estimatedAnnualCost");
        assertThat(validator.validate(with("estimatedAnnualCost", -0.0), null)).isEmpty();
    }

    @Test
    void aRejectedAccountIdIsShownAsTypedNeverEvaluated() {
        RequestForm form = with("targetAccountIds", List.of("${1+1}", "{max}", "\\{x}", "a\\$b", "#{7*7}"));

        assertThat(validator.validate(form, null))
                .extracting(FieldError::toString)
                .containsExactly("targetAccountIds: not 12-digit account ids: ${1+1}, {max}, \\{x}, a\\$b, #{7*7}");
    }

    @Test
    void yesAndNoFromTheFormAreBooleans() {
        RequestForm form = RequestForm.fromVariables(java.util.Map.of("newVendor", "yes", "customEula", "no"));

        assertThat(form.newVendor()).isTrue();
        assertThat(form.customEula()).isFalse();
        assertThat(RequestForm.fromVariables(java.util.Map.of("newVendor", "maybe"))
                        .newVendor())
                .isNull();
    }

    @Test
    void accountIdsFromTheFormAreSplitOnCommasAndBlanks() {
        RequestForm form = RequestForm.fromVariables(
                java.util.Map.of("targetAccountIds", "310987654321, 210987654321;410987654321"));

        assertThat(form.targetAccountIds()).containsExactly("310987654321", "210987654321", "410987654321");
        assertThat(form.toVariables()).containsEntry("targetAccountIds", "310987654321,210987654321,410987654321");
    }
}
