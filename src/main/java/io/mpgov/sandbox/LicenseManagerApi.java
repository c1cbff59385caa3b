package io.mpgov.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.mpgov.sandbox.SandboxState.License;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import static io.mpgov.sandbox.Json.iso;
import static io.mpgov.sandbox.Json.obj;
import static io.mpgov.sandbox.Service.LICENSE_MANAGER;

/** License Manager (awsJson1_1): the licenses the management account received from AWS Marketplace. */
final class LicenseManagerApi {

    private static final String TARGET = "AWSLicenseManager";

    private final Sandbox sandbox;

    LicenseManagerApi(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    void register(SandboxServer server) {
        server.target(LICENSE_MANAGER, TARGET, "ListReceivedLicenses", this::listReceivedLicenses);
    }

    private Object listReceivedLicenses(SandboxRequest r) {
        Predicate<License> filter = l -> true;
        JsonNode arns = r.body().get("LicenseArns");
        if (arns != null && !arns.isEmpty()) {
            Set<String> wanted = values(arns);
            filter = filter.and(l -> wanted.contains(l.arn()));
        }
        JsonNode filters = r.body().get("Filters");
        if (filters != null) {
            for (JsonNode f : filters) {
                Set<String> values = values(f.path("Values"));
                String name = f.path("Name").asText();
                Function<License, String> field = switch (name) {
                    case "ProductSKU" -> License::productSku;
                    case "Status" -> License::status;
                    case "IssuerName" -> License::issuer;
                    case "Beneficiary" -> License::beneficiary;
                    default -> throw AwsError.client("InvalidParameterValueException", "Unsupported filter name " + name);
                };
                filter = filter.and(l -> values.contains(field.apply(l)));
            }
        }
        List<License> matching = sandbox.state().licenses.stream().filter(filter).toList();
        Pages.Page<License> page = Pages.of(matching, r, "NextToken", "MaxResults", 10, 100);
        return obj("Licenses", page.items().stream().map(l -> obj(
                "LicenseArn", l.arn(), "LicenseName", l.name(), "ProductName", l.productName(),
                "ProductSKU", l.productSku(), "Issuer", obj("Name", l.issuer()), "HomeRegion", l.homeRegion(),
                "Status", l.status(), "Beneficiary", l.beneficiary(),
                "Validity", obj("Begin", iso(l.validFrom()), "End", iso(l.validUntil())),
                "Entitlements", l.entitlements().stream().map(e -> obj("Name", e.name(), "Unit", e.unit(),
                        "MaxCount", e.maxCount())).toList(),
                "LicenseMetadata", List.of(obj("Name", "offerType", "Value", l.offerType())),
                "CreateTime", iso(l.validFrom()), "Version", "1",
                "ReceivedMetadata", obj("ReceivedStatus", "ACTIVE",
                        "AllowedOperations", List.of("CreateGrant", "CheckoutLicense", "ListPurchasedLicenses"))
        )).toList(), "NextToken", page.nextToken());
    }

    private static Set<String> values(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
