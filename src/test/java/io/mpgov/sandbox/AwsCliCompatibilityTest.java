package io.mpgov.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The AWS CLI, given --endpoint-url, gets the sandbox's answers as it would get AWS's. Skipped without the CLI. */
class AwsCliCompatibilityTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static Sandbox sandbox = new Sandbox(Clock.systemUTC());
    static SandboxServer server;

    @BeforeAll
    static void start() {
        assumeTrue(cliAvailable(), "Skipped: the AWS CLI ('aws') is not installed");
        sandbox.seedDemo();
        sandbox.knobs().changeSetPreparingMillis = 0;
        sandbox.knobs().changeSetApplyingMillis = 0;
        server = SandboxServer.start("127.0.0.1", 0, sandbox);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static boolean cliAvailable() {
        try {
            return new ProcessBuilder("aws", "--version")
                    .redirectErrorStream(true)
                    .start()
                    .waitFor(30, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static JsonNode aws(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                "aws", "--endpoint-url", server.baseUri().toString(), "--region", "us-east-1", "--output", "json"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("AWS_ACCESS_KEY_ID", "x");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "x");
        builder.environment().remove("AWS_PROFILE");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(err).isZero();
        return JSON.readTree(out);
    }

    @Test
    void licenseManagerListReceivedLicensesFollowsEveryPage() throws Exception {
        assertThat(aws("license-manager", "list-received-licenses").get("Licenses"))
                .hasSize(7);
    }

    @Test
    void marketplaceCatalogListsTheExperienceAndRunsAChangeSet() throws Exception {
        assertThat(aws(
                                "marketplace-catalog",
                                "list-entities",
                                "--catalog",
                                "AWSMarketplace",
                                "--entity-type",
                                "Experience")
                        .get("EntitySummaryList")
                        .get(0)
                        .get("EntityId")
                        .asText())
                .isEqualTo(DemoOrganization.EXPERIENCE_ID);

        String id = aws(
                        "marketplace-catalog",
                        "start-change-set",
                        "--catalog",
                        "AWSMarketplace",
                        "--change-set",
                        "[{\"ChangeType\":\"AllowProductProcurement\",\"Entity\":{\"Type\":\"Experience@1.0\",\"Identifier\":\""
                                + DemoOrganization.EXPERIENCE_ID
                                + "\"},\"Details\":\"{\\\"Products\\\":[{\\\"Ids\\\":[\\\""
                                + DemoOrganization.PRODUCT_NOT_YET_ALLOWED + "\\\"]}]}\"}]")
                .get("ChangeSetId")
                .asText();

        assertThat(aws(
                                "marketplace-catalog",
                                "describe-change-set",
                                "--catalog",
                                "AWSMarketplace",
                                "--change-set-id",
                                id)
                        .get("Status")
                        .asText())
                .isEqualTo("SUCCEEDED");
    }

    @Test
    void organizationsAgreementsAndSesAnswer() throws Exception {
        assertThat(aws("organizations", "list-accounts").get("Accounts").size()).isGreaterThanOrEqualTo(13);
        assertThat(aws(
                                "marketplace-agreement",
                                "search-agreements",
                                "--catalog",
                                "AWSMarketplace",
                                "--filters",
                                "name=PartyType,values=Acceptor")
                        .get("agreementViewSummaries")
                        .size())
                .isGreaterThanOrEqualTo(4);
        assertThat(aws(
                                "sesv2",
                                "send-email",
                                "--from-email-address",
                                "mpgov@demo.mpgov.example",
                                "--destination",
                                "ToAddresses=someone@demo.mpgov.example",
                                "--content",
                                "Simple={Subject={Data=Hi},Body={Text={Data=Hello}}}")
                        .get("MessageId")
                        .asText())
                .isNotBlank();
    }

    @Test
    void costExplorerReportsMarketplaceSpendByProduct() throws Exception {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        JsonNode spend = aws(
                "ce",
                "get-cost-and-usage",
                "--time-period",
                "Start=" + today.withDayOfMonth(1).minusMonths(2) + ",End=" + today,
                "--granularity",
                "MONTHLY",
                "--metrics",
                "UnblendedCost",
                "--filter",
                "{\"Dimensions\":{\"Key\":\"BILLING_ENTITY\",\"Values\":[\"AWS Marketplace\"]}}",
                "--group-by",
                "Type=DIMENSION,Key=SERVICE");

        List<String> services = new ArrayList<>();
        spend.get("ResultsByTime")
                .forEach(period -> period.get("Groups")
                        .forEach(g -> services.add(g.get("Keys").get(0).asText())));
        assertThat(services)
                .contains("Datadog Pro", "Splunk Enterprise")
                .doesNotContain("Amazon Elastic Compute Cloud - Compute");
        assertThat(spend.get("ResultsByTime")
                        .get(0)
                        .get("Groups")
                        .get(0)
                        .get("Metrics")
                        .get("UnblendedCost")
                        .get("Unit")
                        .asText())
                .isEqualTo("USD");
    }
}
