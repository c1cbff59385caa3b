package io.mpgov.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mpgov.tools.PolicyPack;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * mpgov's own role (policies/iam-mpgov-service.json, as PolicyPack renders it) allows every AWS operation the
 * main code calls. The operations are read from the compiled code ({@link SdkCalls}), not listed by hand; each
 * maps to the IAM action of the same name under its service's prefix ({@link AwsServices}), as the Service
 * Authorization Reference has it for every operation mpgov calls (e.g. SES v2 SendEmail → ses:SendEmail).
 */
class IamCoverageTest {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Operations whose IAM action is not named after them (Service Authorization Reference); none so far. */
    static final Map<String, List<String>> ACTIONS_NAMED_OTHERWISE = Map.of();

    static SortedMap<SdkCalls.Operation, Set<String>> calls;
    static JsonNode role;

    @BeforeAll
    static void read() throws Exception {
        calls = SdkCalls.inMainCode();
        role = JSON.readTree(PolicyPack.render(Path.of("policies"), Map.of("MAIL_DOMAIN", "corp.example.com"))
                .get("iam-mpgov-service.json"));
    }

    static List<String> actionsOf(SdkCalls.Operation operation) {
        AwsServices service = AwsServices.ofSdkPackage(operation.sdkPackage())
                .orElseThrow(() -> new AssertionError("SDK module " + operation.sdkPackage()
                        + " is called by the main code but has no row in AwsServices"));
        return ACTIONS_NAMED_OTHERWISE.getOrDefault(
                service.botocoreName() + ":" + operation.name(), List.of(service.iamPrefix() + ":" + operation.name()));
    }

    /** Whether the policy allows the action for some resource: an Allow names it (wildcards as IAM reads them) and no unconditional Deny does. */
    static boolean allows(JsonNode policy, String action) {
        boolean allowed = false;
        for (JsonNode statement : policy.path("Statement")) {
            boolean matches = statement.has("NotAction")
                    ? strings(statement.path("NotAction")).stream().noneMatch(p -> matches(p, action))
                    : strings(statement.path("Action")).stream().anyMatch(p -> matches(p, action));
            if (!matches) {
                continue;
            }
            if (statement.path("Effect").asText().equals("Deny") && !statement.has("Condition")) {
                return false;
            }
            allowed |= statement.path("Effect").asText().equals("Allow");
        }
        return allowed;
    }

    /** IAM action matching: case-insensitive, {@code *} any run of characters, {@code ?} one. */
    static boolean matches(String pattern, String action) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE)
                .matcher(action)
                .matches();
    }

    static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(v -> values.add(v.asText()));
        } else if (!node.isMissingNode()) {
            values.add(node.asText());
        }
        return values;
    }

    @Test
    void theCodeCallsAwsOperationsAndTheScanSeesThem() {
        assertThat(calls.keySet())
                .extracting(SdkCalls.Operation::toString)
                .contains(
                        "marketplacecatalog:StartChangeSet",
                        "licensemanager:CreateGrant",
                        "organizations:ListAccounts",
                        "marketplaceagreement:SearchAgreements",
                        "sesv2:SendEmail");
    }

    @Test
    void mpgovsRoleAllowsEveryOperationTheMainCodeCalls() {
        SortedMap<String, String> missing = new TreeMap<>();
        calls.forEach((operation, callers) -> actionsOf(operation).stream()
                .filter(action -> !allows(role, action))
                .forEach(action -> missing.put(action, operation + " called by " + String.join(", ", callers))));

        assertThat(missing)
                .as("actions the main code needs that policies/iam-mpgov-service.json does not allow")
                .isEmpty();
    }

    @Test
    void everyOperationTheScanFindsIsOneOfItsServiceModel() throws Exception {
        if (Botocore.data().isEmpty()) {
            return; // the names are then only the SDK's; the wire-contract test says why the models are missing
        }
        for (SdkCalls.Operation operation : calls.keySet()) {
            String service = AwsServices.ofSdkPackage(operation.sdkPackage())
                    .orElseThrow()
                    .botocoreName();
            assertThat(Botocore.model(service).path("operations").has(operation.name()))
                    .as("%s is an operation of botocore's %s model", operation, service)
                    .isTrue();
        }
    }

    @Test
    void wildcardsAndDeniesAreReadAsIamReadsThem() throws Exception {
        JsonNode policy = JSON.readTree("""
                {"Statement":[{"Effect":"Allow","Action":["license-manager:List*","ses:Send?mail"]},
                              {"Effect":"Deny","Action":"license-manager:ListTokens"},
                              {"Effect":"Deny","Action":"ses:*","Condition":{"StringNotEquals":{"aws:RequestedRegion":"eu-west-1"}}}]}""");

        assertThat(allows(policy, "license-manager:ListDistributedGrants")).isTrue();
        assertThat(allows(policy, "LICENSE-MANAGER:listReceivedLicenses")).isTrue();
        assertThat(allows(policy, "license-manager:ListTokens")).isFalse();
        assertThat(allows(policy, "license-manager:GetLicenseUsage")).isFalse();
        assertThat(allows(policy, "ses:SendEmail")).isTrue();
        assertThat(allows(policy, "ses:SendRawEmail")).isFalse();
    }
}
