package io.mpgov.sandbox;

import static io.mpgov.sandbox.Json.epoch;
import static io.mpgov.sandbox.Json.obj;
import static io.mpgov.sandbox.Service.MARKETPLACE_AGREEMENT;

import com.fasterxml.jackson.databind.JsonNode;
import io.mpgov.sandbox.SandboxState.Agreement;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Marketplace Agreement (awsJson1_0, lowerCamelCase members): where agreement end dates come from. */
final class AgreementApi {

    private static final String TARGET = "AWSMPCommerceService_v20200301";
    private static final Pattern AGREEMENT_ID = Pattern.compile("[A-Za-z0-9_/-]{1,64}");

    private final Sandbox sandbox;

    AgreementApi(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    void register(SandboxServer server) {
        server.target(MARKETPLACE_AGREEMENT, TARGET, "SearchAgreements", this::searchAgreements);
        server.target(MARKETPLACE_AGREEMENT, TARGET, "DescribeAgreement", this::describeAgreement);
        server.target(MARKETPLACE_AGREEMENT, TARGET, "GetAgreementTerms", this::getAgreementTerms);
    }

    private Object searchAgreements(SandboxRequest r) {
        if (!CatalogApi.CATALOG.equals(r.required("catalog"))) {
            throw AwsError.validation(MARKETPLACE_AGREEMENT, "catalog must be AWSMarketplace");
        }
        String account = sandbox.state().organization == null
                ? null
                : sandbox.state().organization.managementAccountId();
        Predicate<Agreement> filter = a -> true;
        JsonNode filters = r.body().get("filters");
        if (filters != null) {
            if (filters.size() < 1 || filters.size() > 10) {
                throw AwsError.validation(
                        MARKETPLACE_AGREEMENT,
                        "1 validation error detected: Value at 'filters' failed to satisfy"
                                + " constraint: Member must have length between 1 and 10");
            }
            for (JsonNode f : filters) {
                // The model's FilterValueList holds exactly one value: two values are two filters.
                if (f.path("values").size() != 1) {
                    throw AwsError.validation(
                            MARKETPLACE_AGREEMENT,
                            "1 validation error detected: Value at 'filters.member.values'"
                                    + " failed to satisfy constraint: Member must have length between 1 and 1");
                }
                Set<String> values = new HashSet<>();
                f.path("values").forEach(v -> values.add(v.asText()));
                String name = f.path("name").asText();
                Predicate<Agreement> one = switch (name) {
                    case "PartyType" ->
                        a -> values.contains(
                                account != null && account.equals(a.acceptorAccountId()) ? "Acceptor" : "Proposer");
                    case "AgreementType" -> a -> values.contains("PurchaseAgreement");
                    case "ResourceIdentifier" -> a -> values.contains(a.productId());
                    case "OfferId" -> a -> values.contains(a.offerId());
                    case "Status" -> a -> values.contains(a.status());
                    case "BeforeEndTime" ->
                        a -> values.stream().anyMatch(v -> a.endTime().isBefore(Instant.parse(v)));
                    case "AfterEndTime" ->
                        a -> values.stream().anyMatch(v -> a.endTime().isAfter(Instant.parse(v)));
                    default -> throw AwsError.validation(MARKETPLACE_AGREEMENT, "Unsupported filter name " + name);
                };
                filter = filter.and(one);
            }
        }
        List<Agreement> matching =
                sandbox.state().agreements.stream().filter(filter).toList();
        Pages.Page<Agreement> page = Pages.of(matching, r, "nextToken", "maxResults", 10, 50);
        return obj(
                "agreementViewSummaries",
                page.items().stream()
                        .map(a -> obj(
                                "agreementId",
                                a.id(),
                                "acceptanceTime",
                                epoch(a.acceptanceTime()),
                                "startTime",
                                epoch(a.startTime()),
                                "endTime",
                                epoch(a.endTime()),
                                "agreementType",
                                "PurchaseAgreement",
                                "acceptor",
                                obj("accountId", a.acceptorAccountId()),
                                "proposer",
                                obj("accountId", a.proposerAccountId()),
                                "proposalSummary",
                                proposal(a),
                                "status",
                                a.status()))
                        .toList(),
                "nextToken",
                page.nextToken());
    }

    private Object describeAgreement(SandboxRequest r) {
        Agreement a = agreement(r.required("agreementId"));
        return obj(
                "agreementId",
                a.id(),
                "acceptor",
                obj("accountId", a.acceptorAccountId()),
                "proposer",
                obj("accountId", a.proposerAccountId()),
                "startTime",
                epoch(a.startTime()),
                "endTime",
                epoch(a.endTime()),
                "acceptanceTime",
                epoch(a.acceptanceTime()),
                "agreementType",
                "PurchaseAgreement",
                "estimatedCharges",
                obj("currencyCode", a.currencyCode(), "agreementValue", a.agreementValue()),
                "proposalSummary",
                proposal(a),
                "status",
                a.status());
    }

    private Object getAgreementTerms(SandboxRequest r) {
        Agreement a = agreement(r.required("agreementId"));
        Period duration = Period.between(
                a.startTime().atZone(ZoneOffset.UTC).toLocalDate(),
                a.endTime().atZone(ZoneOffset.UTC).toLocalDate());
        return obj(
                "acceptedTerms",
                List.of(
                        obj(
                                "validityTerm",
                                obj(
                                        "type",
                                        "ValidityTerm",
                                        "id",
                                        "term-validity-" + a.id(),
                                        "agreementDuration",
                                        "P" + duration.toTotalMonths() + "M",
                                        "agreementStartDate",
                                        epoch(a.startTime()),
                                        "agreementEndDate",
                                        epoch(a.endTime()))),
                        obj(
                                "renewalTerm",
                                obj(
                                        "type",
                                        "RenewalTerm",
                                        "id",
                                        "term-renewal-" + a.id(),
                                        "configuration",
                                        obj("enableAutoRenew", a.autoRenew()))),
                        obj(
                                "legalTerm",
                                obj(
                                        "type",
                                        "LegalTerm",
                                        "id",
                                        "term-legal-" + a.id(),
                                        "documents",
                                        List.of(obj(
                                                "type", "CustomEula", "url", "https://example.com/eula/" + a.id()))))));
    }

    private Object proposal(Agreement a) {
        return obj("offerId", a.offerId(), "resources", List.of(obj("id", a.productId(), "type", "Product")));
    }

    private Agreement agreement(String id) {
        if (!AGREEMENT_ID.matcher(id).matches()) {
            throw AwsError.validation(
                    MARKETPLACE_AGREEMENT,
                    "1 validation error detected: Value '" + id + "' at 'agreementId'"
                            + " failed to satisfy constraint: Member must satisfy regular expression pattern: [A-Za-z0-9_/-]+");
        }
        return sandbox.state().agreements.stream()
                .filter(a -> a.id().equals(id))
                .findFirst()
                .orElseThrow(() -> AwsError.client("ResourceNotFoundException", "Agreement " + id + " not found."));
    }
}
