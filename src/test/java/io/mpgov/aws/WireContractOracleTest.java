package io.mpgov.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The checker of the wire contract finds what it should: exchanges with known faults, against botocore's models. */
@RequiresBotocore
class WireContractOracleTest {

    static WireContract contract;

    @BeforeAll
    static void models() throws Exception {
        if (Botocore.data().isEmpty()) {
            fail("CI=true: no botocore service models (" + Botocore.whereLooked() + ")");
        }
        contract = WireContract.ofBotocore();
    }

    static WireContract.Exchange awsJson(
            String target, String version, String request, int status, Map<String, String> headers, String response) {
        return new WireContract.Exchange(
                "POST",
                "/",
                null,
                Map.of("X-Amz-Target", List.of(target), "Content-Type", List.of("application/x-amz-json-" + version)),
                request.getBytes(StandardCharsets.UTF_8),
                status,
                responseHeaders(version, headers),
                response.getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, List<String>> responseHeaders(String version, Map<String, String> headers) {
        Map<String, List<String>> all =
                new java.util.LinkedHashMap<>(Map.of("Content-Type", List.of("application/x-amz-json-" + version)));
        headers.forEach((k, v) -> all.put(k, List.of(v)));
        return all;
    }

    @Test
    void aGoodExchangeHasNoProblem() {
        WireContract.Checked checked = contract.check(awsJson(
                "AWSOrganizationsV20161128.DescribeAccount",
                "1.1",
                "{\"AccountId\":\"310987654321\"}",
                200,
                Map.of(),
                "{\"Account\":{\"Id\":\"310987654321\",\"State\":\"ACTIVE\",\"JoinedTimestamp\":1.7E9}}"));

        assertThat(checked.name()).isEqualTo("organizations DescribeAccount");
        assertThat(checked.problems()).isEmpty();
    }

    /** Cost Explorer, which a usage signal reads: its recursive filter and its maps of metrics are read right. */
    @Test
    void aCostExplorerQueryAndAnswerAsAwsSendsThemHaveNoProblem() {
        WireContract.Checked checked =
                contract.check(awsJson("AWSInsightsIndexService.GetCostAndUsage", "1.1", """
                {"TimePeriod": {"Start": "2026-06-01", "End": "2026-12-01"}, "Granularity": "MONTHLY", "Metrics": ["UnblendedCost"],
                 "Filter": {"And": [{"Dimensions": {"Key": "BILLING_ENTITY", "Values": ["AWS Marketplace"]}},
                                    {"Dimensions": {"Key": "LINKED_ACCOUNT", "Values": ["310987654321"]}}]},
                 "GroupBy": [{"Type": "DIMENSION", "Key": "SERVICE"}]}""", 200, Map.of(), """
                {"GroupDefinitions": [{"Type": "DIMENSION", "Key": "SERVICE"}],
                 "ResultsByTime": [{"TimePeriod": {"Start": "2026-06-01", "End": "2026-07-01"}, "Total": {},
                   "Groups": [{"Keys": ["Datadog Pro"], "Metrics": {"UnblendedCost": {"Amount": "1234.5", "Unit": "USD"}}}],
                   "Estimated": false}],
                 "DimensionValueAttributes": []}"""));

        assertThat(checked.name()).isEqualTo("ce GetCostAndUsage");
        assertThat(checked.problems()).isEmpty();
    }

    @Test
    void unknownMembersWrongEnumsTypesPatternsAndMissingRequiredMembersAreProblems() {
        WireContract.Checked checked = contract.check(
                awsJson(
                        "AWSOrganizationsV20161128.DescribeAccount",
                        "1.1",
                        "{\"AccountId\":\"31098765\",\"Extra\":1}",
                        200,
                        Map.of(),
                        "{\"Account\":{\"Id\":\"310987654321\",\"State\":\"GONE\",\"JoinedTimestamp\":\"yesterday\",\"Colour\":\"red\"}}"));

        assertThat(String.join("\n", checked.problems()))
                .contains("request.AccountId: '31098765' does not match AccountId's pattern")
                .contains("request.Extra: not a member of DescribeAccountRequest")
                .contains("response.Account.State: 'GONE' is none of AccountState's values")
                .contains(
                        "response.Account.JoinedTimestamp: string \"yesterday\" where the model has a timestamp in epoch seconds")
                .contains("response.Account.Colour: not a member of Account");
    }

    @Test
    void anErrorTheOperationDoesNotDeclareIsAProblem() {
        WireContract.Checked checked = contract.check(awsJson(
                "AWSLicenseManager.GetGrant",
                "1.1",
                "{\"GrantArn\":\"arn:aws:license-manager::111111111111:grant:g-1234567890abcdef1234567890abcdef\"}",
                400,
                Map.of("x-amzn-ErrorType", "NoSuchGrantException"),
                "{\"__type\":\"NoSuchGrantException\",\"Message\":\"no\"}"));

        assertThat(checked.errorCode()).isEqualTo("NoSuchGrantException");
        assertThat(checked.problems())
                .anyMatch(p -> p.startsWith("error NoSuchGrantException: not an error the operation declares"));
    }

    @Test
    void botocoreItselfRefusesAnAnswerItCannotParseAndAnUndeclaredError() throws Exception {
        assumeTrue(Botocore.pythonImportsBotocore() || WireContractTest.CI, "Skipped: python3 cannot import botocore");
        WireContract.Checked badTime = contract.check(awsJson(
                "AWSOrganizationsV20161128.DescribeAccount",
                "1.1",
                "{\"AccountId\":\"310987654321\"}",
                200,
                Map.of(),
                "{\"Account\":{\"Id\":\"310987654321\",\"JoinedTimestamp\":\"soon\"}}"));
        WireContract.Checked undeclared = contract.check(awsJson(
                "AWSOrganizationsV20161128.DescribeAccount",
                "1.1",
                "{\"AccountId\":\"310987654321\"}",
                400,
                Map.of(),
                "{\"__type\":\"NoSuchThing\",\"Message\":\"x\"}"));

        JsonNode result = Botocore.parse(List.of(badTime, undeclared));

        assertThat(result.path("problems").toString())
                .contains("organizations DescribeAccount response: botocore's json parser fails")
                .contains("botocore reads the code 'NoSuchThing', not one the operation declares");
    }

    @Test
    void restJsonLocationsAreReadFromThePathAndQuery() {
        WireContract.Checked checked = contract.check(new WireContract.Exchange(
                "GET",
                "/DescribeEntity",
                "catalog=AWSMarketplace&colour=red",
                Map.of(),
                new byte[0],
                200,
                Map.of(),
                "{\"EntityType\":\"Experience@1.0\",\"Surprise\":true}".getBytes(StandardCharsets.UTF_8)));

        assertThat(checked.name()).isEqualTo("marketplace-catalog DescribeEntity");
        assertThat(String.join("\n", checked.problems()))
                .contains("request: query parameters the model does not know: [colour]")
                .contains("request: required member EntityId is missing")
                .contains("response.Surprise: not a member")
                .contains("response: Content-Type none, not application/json");
    }
}
