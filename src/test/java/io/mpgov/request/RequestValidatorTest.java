package io.mpgov.request;

import io.mpgov.organization.MemberAccount;
import io.mpgov.organization.OrganizationPort;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class RequestValidatorTest {

    final OrganizationPort organization = mock(OrganizationPort.class);
    final RuntimeService runtime = mock(RuntimeService.class, RETURNS_DEEP_STUBS);
    final io.mpgov.agreement.AgreementPort agreements = mock(io.mpgov.agreement.AgreementPort.class);
    /** No Spring context here: the provider's default factory; the application uses the Validator Spring Boot configures. */
    static final Validator CONSTRAINTS = Validation.buildDefaultValidatorFactory().getValidator();
    final RequestValidator validator = new RequestValidator(CONSTRAINTS, organization, agreements, runtime,
            mock(org.camunda.bpm.engine.IdentityService.class));

    @BeforeEach
    void organization() {
        List<MemberAccount> members = List.of(new MemberAccount("310987654321", "retail", "ACTIVE"),
                new MemberAccount("510987654321", "retired", "SUSPENDED"));
        when(organization.accounts(anyCollection())).thenAnswer(call -> members.stream()
                .filter(a -> call.<java.util.Collection<String>>getArgument(0).contains(a.id())).toList());
        when(organization.organizationalUnitIds()).thenReturn(List.of("ou-mp01-retail01"));
        when(runtime.createProcessInstanceQuery().processDefinitionKey(anyString())
                .variableValueEquals(anyString(), anyString()).list()).thenReturn(List.of());
    }

    static RequestForm valid() {
        return new RequestForm("prod-pagerduty0001", "PagerDuty", "PagerDuty", "PUBLIC", null, 12000.0, 12,
                "INTERNAL", "On-call alerting for the retail platform", List.of("310987654321"), null, null, null, null, null);
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
        RequestForm empty = new RequestForm(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

        assertThat(fields(validator.validate(empty, null))).containsExactly("productId", "productTitle", "sellerName",
                "offerType", "estimatedAnnualCost", "contractMonths", "dataClassification", "businessJustification",
                "targetAccountIds");
    }

    @Test
    void malformedIdsAndValuesAreNamed() {
        RequestForm bad = new RequestForm("prod-X", "t", "s", "PRIVATE", "offer-", -1.0, 61, "SECRET", "too short",
                List.of("1234"), "ou-bad", "no-equals-sign", "RENEWAL", true, false);

        assertThat(validator.validate(bad, null)).extracting(FieldError::toString).containsExactly(
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
        RequestForm privateOffer = new RequestForm(form.productId(), form.productTitle(), form.sellerName(), "PRIVATE",
                null, 1.0, 12, "INTERNAL", form.businessJustification(), form.targetAccountIds(), null, null, "NEW", null, false);

        assertThat(fields(validator.validate(privateOffer, null))).containsExactly("offerId", "newVendor");
    }

    @Test
    void targetsMustBeActiveAccountsAndExistingOus() {
        RequestForm form = new RequestForm("prod-pagerduty0001", "PagerDuty", "PagerDuty", "PUBLIC", null, 0.0, 12,
                "PUBLIC", "On-call alerting for the retail platform", List.of("310987654321", "510987654321", "999999999999"),
                "ou-mp01-nowhere0", "licence-group=observability", null, null, null);

        assertThat(validator.validate(form, null)).extracting(FieldError::toString).containsExactly(
                "targetAccountIds: not active accounts of the organization: 510987654321, 999999999999",
                "targetOuId: no such organizational unit: ou-mp01-nowhere0");
    }

    @Test
    void aSecondOpenRequestForTheSameProductIsADuplicateButTheRequestItselfIsNot() {
        ProcessInstance open = mock(ProcessInstance.class);
        when(open.getId()).thenReturn("pi-1");
        when(open.getBusinessKey()).thenReturn("PR-OPEN0001");
        when(runtime.createProcessInstanceQuery().processDefinitionKey(ProcurementRequestProcess.KEY)
                .variableValueEquals("productId", "prod-pagerduty0001").list()).thenReturn(List.of(open));

        assertThat(validator.validate(valid(), null)).extracting(FieldError::toString)
                .containsExactly("productId: request PR-OPEN0001 for this product is still open");
        assertThat(validator.validate(valid(), "pi-1")).isEmpty();
    }

    @Test
    void aRenewalNeedsAnAgreementForTheProduct() {
        RequestForm renewal = new RequestForm("prod-pagerduty0001", "PagerDuty", "PagerDuty", "PRIVATE", "offer-pagerdutypriv2",
                1000.0, 12, "INTERNAL", "On-call alerting for the retail platform", List.of("310987654321"), null, null,
                "RENEWAL", false, false);

        assertThat(validator.validate(renewal, null)).extracting(FieldError::toString)
                .containsExactly("requestType: there is no agreement for prod-pagerduty0001 to renew: request it as NEW");
        when(agreements.forProduct("prod-pagerduty0001")).thenReturn(List.of(new io.mpgov.agreement.Agreement(
                "agmt-1", "ACTIVE", "offer-pagerdutypriv1", List.of("prod-pagerduty0001"), java.time.Instant.now(), false)));
        assertThat(validator.validate(renewal, null)).isEmpty();
    }

    @Test
    void yesAndNoFromTheFormAreBooleans() {
        RequestForm form = RequestForm.fromVariables(java.util.Map.of("newVendor", "yes", "customEula", "no"));

        assertThat(form.newVendor()).isTrue();
        assertThat(form.customEula()).isFalse();
        assertThat(RequestForm.fromVariables(java.util.Map.of("newVendor", "maybe")).newVendor()).isNull();
    }

    @Test
    void accountIdsFromTheFormAreSplitOnCommasAndBlanks() {
        RequestForm form = RequestForm.fromVariables(java.util.Map.of("targetAccountIds", "310987654321, 210987654321;410987654321"));

        assertThat(form.targetAccountIds()).containsExactly("310987654321", "210987654321", "410987654321");
        assertThat(form.toVariables()).containsEntry("targetAccountIds", "310987654321,210987654321,410987654321");
    }
}
