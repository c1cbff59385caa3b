package io.mpgov.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The policy pack in policies/, rendered for one organization: the exact actions, effects and conditions. */
class PolicyPackTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static Map<String, String> pack;

    @BeforeAll
    static void render() throws Exception {
        pack = PolicyPack.render(
                Path.of("policies"),
                Map.of(
                        "ACCOUNT",
                        "111111111111",
                        "PROCUREMENT_ROLE",
                        "buyers",
                        "PMP_ADMIN_ROLE",
                        "catalog-admins",
                        "MAIL_DOMAIN",
                        "corp.example.com"));
    }

    static JsonNode policy(String file) throws Exception {
        JsonNode policy = JSON.readTree(pack.get(file));
        assertThat(policy.path("Version").asText()).isEqualTo("2012-10-17");
        return policy;
    }

    static JsonNode statement(String file, String sid) throws Exception {
        for (JsonNode s : policy(file).path("Statement")) {
            if (s.path("Sid").asText().equals(sid)) {
                return s;
            }
        }
        throw new AssertionError(file + " has no statement " + sid);
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        (array.isArray() ? array : JSON.createArrayNode().add(array)).forEach(v -> values.add(v.asText()));
        return values;
    }

    @Test
    void everyPolicyOfThePackIsRenderedAsJsonWithNoPlaceholderLeft() {
        assertThat(pack)
                .containsOnlyKeys(
                        "iam-deny-all-marketplace.json",
                        "iam-marketplace-read-only.json",
                        "iam-mpgov-service.json",
                        "iam-pmp-administrator.json",
                        "iam-pmp-requester.json",
                        "iam-procurement-manager.json",
                        "scp-only-pmp-administrator-changes-pmp.json",
                        "scp-only-procurement-subscribes.json");
        assertThat(pack.values()).allSatisfy(p -> assertThat(p).doesNotContain("${"));
    }

    @Test
    void onlyTheProcurementRoleMaySubscribeOrAcceptOffers() throws Exception {
        JsonNode scp = statement("scp-only-procurement-subscribes.json", "OnlyProcurementSubscribesOrAcceptsOffers");
        assertThat(scp.path("Effect").asText()).isEqualTo("Deny");
        assertThat(strings(scp.path("Action")))
                .containsExactlyInAnyOrder(
                        "aws-marketplace:Subscribe",
                        "aws-marketplace:Unsubscribe",
                        "aws-marketplace:AcceptAgreementRequest");
        assertThat(strings(scp.path("Condition").path("StringNotLike").path("aws:PrincipalARN")))
                .containsExactly("arn:aws:iam::111111111111:role/buyers");

        JsonNode allowed = statement("iam-procurement-manager.json", "SubscribeAndAcceptOffers");
        assertThat(allowed.path("Effect").asText()).isEqualTo("Allow");
        // AWS's managed policy AWSMarketplaceManageSubscriptions pairs these: without ListPrivateListings the private
        // offers page does not open, and the role meant to accept private offers cannot reach them
        assertThat(strings(allowed.path("Action")))
                .contains(
                        "aws-marketplace:Subscribe",
                        "aws-marketplace:Unsubscribe",
                        "aws-marketplace:ViewSubscriptions",
                        "aws-marketplace:ListPrivateListings");
    }

    @Test
    void onlyThePmpAdministratorAndMpgovChangeThePrivateMarketplace() throws Exception {
        JsonNode changeSets = statement(
                "scp-only-pmp-administrator-changes-pmp.json",
                "OnlyThePmpAdministratorStartsPrivateMarketplaceChangeSets");
        assertThat(changeSets.path("Effect").asText()).isEqualTo("Deny");
        assertThat(strings(changeSets.path("Action"))).containsExactly("aws-marketplace:StartChangeSet");
        assertThat(strings(changeSets.path("Condition").path("StringEquals").path("catalog:ChangeType")))
                .contains("AllowProductProcurement", "DenyProductProcurement", "AssociateAudience", "CreateExperience");
        assertThat(strings(changeSets.path("Condition").path("StringNotLike").path("aws:PrincipalARN")))
                .containsExactly(
                        "arn:aws:iam::111111111111:role/catalog-admins", "arn:aws:iam::111111111111:role/mpgov");
        assertThat(strings(statement(
                                "scp-only-pmp-administrator-changes-pmp.json",
                                "OnlyThePmpAdministratorChangesThePrivateMarketplace")
                        .path("Action")))
                .containsExactly(
                        "aws-marketplace:AssociateProductsWithPrivateMarketplace",
                        "aws-marketplace:DisassociateProductsFromPrivateMarketplace");
    }

    @Test
    void thePmpAdministratorChangesThePmpButNeverSubscribes() throws Exception {
        JsonNode change = statement("iam-pmp-administrator.json", "ChangeOnlyThePrivateMarketplace");
        assertThat(strings(change.path("Action"))).containsExactly("aws-marketplace:StartChangeSet");
        assertThat(change.path("Condition").path("StringEquals").has("catalog:ChangeType"))
                .isTrue();
        JsonNode never = statement("iam-pmp-administrator.json", "NeverSubscribe");
        assertThat(never.path("Effect").asText()).isEqualTo("Deny");
        assertThat(strings(never.path("Action")))
                .containsExactly("aws-marketplace:Subscribe", "aws-marketplace:Unsubscribe");
    }

    @Test
    void readersSeeEverythingAndBuyNothingAndRequestersOnlyRequest() throws Exception {
        JsonNode view = statement("iam-marketplace-read-only.json", "ViewProductsOffersAndSubscriptions");
        assertThat(strings(view.path("Action")))
                .allSatisfy(a -> assertThat(a).matches("aws-marketplace:(View|Search|Describe|Get|List).*"));
        assertThat(strings(statement("iam-marketplace-read-only.json", "NeverSubscribe")
                        .path("Action")))
                .containsExactly("aws-marketplace:Subscribe", "aws-marketplace:Unsubscribe");
        assertThat(strings(statement("iam-pmp-requester.json", "RequestProductsForThePrivateMarketplace")
                        .path("Action")))
                .containsExactly(
                        "aws-marketplace:CreatePrivateMarketplaceRequests",
                        "aws-marketplace:ListPrivateMarketplaceRequests",
                        "aws-marketplace:DescribePrivateMarketplaceRequests");
        JsonNode denyAll = statement("iam-deny-all-marketplace.json", "DenyAWSMarketplaceAccess");
        assertThat(denyAll.path("Effect").asText()).isEqualTo("Deny");
        assertThat(strings(denyAll.path("Action"))).containsExactly("aws-marketplace:*");
    }

    @Test
    void mpgovItselfMayOnlyAllowOrDenyProductsAndMailFromItsDomain() throws Exception {
        JsonNode change = statement("iam-mpgov-service.json", "AllowOrDenyProductsOnly");
        assertThat(strings(change.path("Condition").path("StringEquals").path("catalog:ChangeType")))
                .containsExactly("AllowProductProcurement", "DenyProductProcurement");
        assertThat(strings(statement("iam-mpgov-service.json", "DistributeLicenses")
                        .path("Action")))
                .contains(
                        "license-manager:CreateGrant",
                        "license-manager:CreateGrantVersion",
                        "license-manager:DeleteGrant");
        assertThat(statement("iam-mpgov-service.json", "SendMail")
                        .path("Resource")
                        .asText())
                .isEqualTo("arn:aws:ses:*:*:identity/corp.example.com");
    }

    @Test
    void badParametersAreRefusedWithTheirNames() {
        assertThatThrownBy(() -> PolicyPack.render(
                        Path.of("policies"), Map.of("PROCUREMENT_ROLE", "buyers team", "ACCOUNT", "42")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PROCUREMENT_ROLE 'buyers team' is not an IAM role name")
                .hasMessageContaining("ACCOUNT '42' is neither * nor a 12-digit account id")
                .hasMessageContaining("MAIL_DOMAIN is required");
        assertThatThrownBy(() ->
                        PolicyPack.render(Path.of("policies"), Map.of("MAIL_DOMAIN", "x.org", "REGION", "eu-west-1")))
                .hasMessageContaining("Unknown parameter REGION");
    }

    @Test
    void theRenderCommandWritesThePack() throws Exception {
        Path out = Files.createTempDirectory("policies");
        PolicyPack.main(new String[] {"--mail-domain", "corp.example.com", "--out", out.toString()});
        try (var files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .hasSize(8)
                    .contains("scp-only-procurement-subscribes.json");
        }
        assertThat(Files.readString(out.resolve("scp-only-procurement-subscribes.json")))
                .contains("arn:aws:iam::*:role/procurement-manager");
    }

    @Test
    void mpgovMayReadMarketplaceSpendForTheUsageSignal() throws Exception {
        assertThat(strings(statement("iam-mpgov-service.json", "ReadMarketplaceSpend")
                        .path("Action")))
                .containsExactly("ce:GetCostAndUsage");
    }

    @Test
    void onlyCapitalNamesArePlaceholdersSoIamPolicyVariablesStay() {
        assertThat(PolicyPack.PLACEHOLDERS.fill("${A_B} ${aws:username} ${a}", n -> "x"))
                .isEqualTo("x ${aws:username} ${a}");
    }
}
