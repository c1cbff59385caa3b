package io.mpgov.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.mpgov.aws.AwsClients;
import io.mpgov.catalog.CatalogPort;
import io.mpgov.license.LicensePort;
import io.mpgov.sandbox.Sandbox;
import io.mpgov.support.SandboxClients;
import io.mpgov.support.SandboxServerExtension;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;
import software.amazon.awssdk.services.costexplorer.model.CostExplorerException;
import software.amazon.awssdk.services.costexplorer.model.DataUnavailableException;
import software.amazon.awssdk.services.costexplorer.model.GetCostAndUsageRequest;
import software.amazon.awssdk.services.costexplorer.model.InvalidNextTokenException;

/**
 * The usage rule per product type, on the real Cost Explorer SDK client against the sandbox's GetCostAndUsage
 * and the demo's spend: Datadog (SaaS) is charged monthly, NGINX (AMI) is checked out and never charged,
 * Red Hat (AMI) has neither, CrowdStrike's contract was invoiced 11 months ago.
 */
class MarketplaceUsageAdapterTest {

    static Sandbox sandbox = new Sandbox(Clock.systemUTC());

    @RegisterExtension
    static final SandboxServerExtension aws = new SandboxServerExtension(sandbox);

    static AwsClients clients;

    final LicensePort licenses = mock(LicensePort.class);
    final CatalogPort catalog = mock(CatalogPort.class);
    UsagePort usage;
    final Instant now = Instant.now();
    final LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();

    @BeforeAll
    static void start() {
        clients = SandboxClients.at(aws.baseUri(), "eu-west-1", 3);
    }

    @BeforeEach
    void seed() {
        usage = new MarketplaceUsageAdapter(
                new CostExplorerSpend(clients, new UsageSettings(Duration.ofHours(6))), licenses, catalog);
        product("prod-dtdgobserv001", "Datadog Pro", "SaaSProduct@1.0", true);
        product("prod-ngnxplusami01", "NGINX Plus", "AmiProduct@1.0", true);
        product("prod-rdhtrhel90001", "Red Hat Enterprise Linux 9", "AmiProduct@1.0", false);
        product("prod-crwdfalcon001", "CrowdStrike Falcon", "SaaSProduct@1.0", false);
    }

    /** The catalog's listing and one received license, checked out or not. */
    void product(String id, String title, String type, boolean checkedOut) {
        when(catalog.listing(id)).thenReturn(Optional.of(new CatalogPort.Listing(id, title, null, type)));
        when(licenses.licensesOf(id))
                .thenReturn(List.of(new LicensePort.ReceivedLicense("arn:lic:" + id, id, title, "us-east-1")));
        when(licenses.consumed("arn:lic:" + id)).thenReturn(checkedOut);
    }

    long costExplorerCalls() {
        return sandbox.calls("GetCostAndUsage");
    }

    @Test
    void aSaasProductWithSpendIsInUseWithoutCheckOuts() {
        UsagePort.Usage datadog = usage.usage("prod-dtdgobserv001", now);

        assertThat(datadog.inUse()).isTrue();
        assertThat(datadog.lastUsed()).isAfter(today.minusDays(32)).isBefore(today);
        assertThat(datadog.signal()).startsWith("Cost Explorer: 1850.00 USD in ");
        verify(licenses, never()).consumed(anyString());
    }

    @Test
    void anAmiContractProductWithCheckOutsIsInUseWithoutSpend() {
        UsagePort.Usage nginx = usage.usage("prod-ngnxplusami01", now);

        assertThat(nginx.inUse()).isTrue();
        assertThat(nginx.lastUsed()).isEqualTo(today);
        assertThat(nginx.signal()).isEqualTo("License Manager: checked out now");
    }

    @Test
    void aProductWithNeitherSpendNorCheckOutsShowsNoUse() {
        UsagePort.Usage redHat = usage.usage("prod-rdhtrhel90001", now);

        assertThat(redHat.inUse()).isFalse();
        assertThat(redHat.lastUsed()).isNull();
        assertThat(redHat.seenSince())
                .as("no use seen since the look-back window's first day")
                .isEqualTo(today.withDayOfMonth(1).minusMonths(6));
        assertThat(redHat.signal())
                .isEqualTo("none seen: no Cost Explorer spend, no License Manager check-outs (AmiProduct@1.0)");
    }

    @Test
    void aChargeBeforeTheLookBackWindowIsNoUse() {
        assertThat(usage.usage("prod-crwdfalcon001", now).lastUsed())
                .as("invoiced 11 months ago")
                .isNull();
    }

    @Test
    void spendSetThroughTheSandboxIsSeenAndOlderSpendIsNotInUseNow() {
        sandbox.setSpend(
                "prod-rdhtrhel90001", today.withDayOfMonth(1).minusMonths(3).plusDays(4), new BigDecimal("12.50"));

        UsagePort.Usage redHat = usage.usage("prod-rdhtrhel90001", now);

        assertThat(redHat.lastUsed())
                .isEqualTo(today.withDayOfMonth(1).minusMonths(2).minusDays(1));
        assertThat(redHat.inUse())
                .as("charged three months ago: used then, not now")
                .isFalse();
        assertThat(redHat.signal())
                .isEqualTo("Cost Explorer: 12.50 USD in "
                        + today.withDayOfMonth(1).minusMonths(3).toString().substring(0, 7));
    }

    @Test
    void aProductOfUnknownTypeIsAskedEverySignal() {
        when(catalog.listing("prod-ngnxplusami01")).thenReturn(Optional.empty());

        UsagePort.Usage nginx = usage.usage("prod-ngnxplusami01", now);

        assertThat(nginx.inUse()).isTrue();
        assertThat(nginx.productType()).isNull();
        verify(licenses).consumed("arn:lic:prod-ngnxplusami01");
    }

    @Test
    void oneCostExplorerRequestServesEveryProductOfAReview() {
        long before = costExplorerCalls();

        for (String product :
                List.of("prod-dtdgobserv001", "prod-ngnxplusami01", "prod-rdhtrhel90001", "prod-crwdfalcon001")) {
            usage.usage(product, now);
        }

        assertThat(costExplorerCalls() - before)
                .as("USD 0.01 per request: one query grouped by SERVICE for all")
                .isEqualTo(1);
    }

    @Test
    void everyPageIsFollowed() {
        sandbox.knobs().costExplorerPageSize = 2;
        try {
            long before = costExplorerCalls();

            assertThat(usage.usage("prod-dtdgobserv001", now).inUse()).isTrue();

            // 4 Marketplace products with monthly charges over 6 months and this one: 2 groups a page.
            assertThat(costExplorerCalls() - before).isGreaterThan(5);
        } finally {
            sandbox.knobs().costExplorerPageSize = 100;
        }
    }

    @Test
    void withoutCostExplorerDataTheAnswerIsUnavailableNotUnused() {
        sandbox.read(s -> s.costExplorerDataAvailable = false);

        assertThatThrownBy(() -> usage.usage("prod-dtdgobserv001", now))
                .isInstanceOf(UsageUnavailableException.class)
                .hasMessageContaining("Cost Explorer has no data");
    }

    @Test
    void spendSurvivesASavedAndLoadedSandbox() throws Exception {
        java.nio.file.Path saved =
                java.nio.file.Files.createTempDirectory("sandbox").resolve("state.json");
        sandbox.save(saved);
        sandbox.reset();
        sandbox.load(saved);

        assertThat(usage.usage("prod-dtdgobserv001", now).signal()).startsWith("Cost Explorer: 1850.00 USD in ");
    }

    @Test
    void aRoleWithoutCostExplorerAccessMakesTheAnswerUnavailable() {
        io.mpgov.sandbox.Knobs.Fault denied = new io.mpgov.sandbox.Knobs.Fault();
        denied.operation = "GetCostAndUsage";
        denied.errorCode = "AccessDeniedException";
        sandbox.knobs().faults.add(denied);
        try {
            assertThatThrownBy(() -> usage.usage("prod-dtdgobserv001", now))
                    .isInstanceOf(UsageUnavailableException.class)
                    .hasMessageContaining("ce:GetCostAndUsage");
        } finally {
            sandbox.knobs().faults.clear();
        }
    }

    @Test
    void theSandboxRefusesWhatCostExplorerRefuses() {
        CostExplorerClient ce = clients.costExplorer(r -> r);
        String start = today.minusMonths(1).toString();
        String end = today.toString();
        Consumer<GetCostAndUsageRequest.Builder> valid =
                r -> r.timePeriod(t -> t.start(start).end(end))
                        .granularity("MONTHLY")
                        .metrics("UnblendedCost");

        assertThat(ce.getCostAndUsage(valid::accept).resultsByTime()).isNotEmpty();
        assertThat(error(() -> ce.getCostAndUsage(
                        r -> r.timePeriod(t -> t.start(start).end(end)).granularity("MONTHLY"))))
                .isEqualTo(Map.entry("ValidationException", "Metrics are required"));
        assertThat(error(() -> ce.getCostAndUsage(
                                r -> valid.andThen(b -> b.granularity("WEEKLY")).accept(r)))
                        .getKey())
                .isEqualTo("ValidationException");
        assertThat(error(() -> ce.getCostAndUsage(r -> valid.andThen(
                                b -> b.timePeriod(t -> t.start(end).end(start)))
                        .accept(r))))
                .isEqualTo(
                        Map.entry("ValidationException", "Start date (and hour) should be before end date (and hour)"));
        assertThat(error(() -> ce.getCostAndUsage(r -> valid.andThen(b ->
                                        b.timePeriod(t -> t.start("2026/01/01").end(end)))
                                .accept(r)))
                        .getKey())
                .isEqualTo("ValidationException");
        assertThat(error(() -> ce.getCostAndUsage(
                                r -> valid.andThen(b -> b.metrics("Dollars")).accept(r)))
                        .getKey())
                .isEqualTo("ValidationException");
        assertThatThrownBy(() -> ce.getCostAndUsage(
                        r -> valid.andThen(b -> b.nextPageToken("not-a-token")).accept(r)))
                .isInstanceOf(InvalidNextTokenException.class);
        assertThatThrownBy(() -> ce.getCostAndUsage(r -> valid.andThen(b -> b.timePeriod(
                                t -> t.start(today.minusYears(3).toString()).end(end)))
                        .accept(r)))
                .isInstanceOf(DataUnavailableException.class);
    }

    @Test
    void aPageTokenBelongsToItsRequest() {
        sandbox.knobs().costExplorerPageSize = 1;
        try {
            CostExplorerClient ce = clients.costExplorer(r -> r);
            Consumer<GetCostAndUsageRequest.Builder> monthly = r -> r.timePeriod(
                            t -> t.start(today.minusMonths(3).toString()).end(today.toString()))
                    .granularity("MONTHLY")
                    .metrics("UnblendedCost")
                    .groupBy(g -> g.type("DIMENSION").key("SERVICE"));
            String token = ce.getCostAndUsage(monthly::accept).nextPageToken();

            assertThat(token).isNotNull();
            assertThat(error(() -> ce.getCostAndUsage(r -> monthly.andThen(
                                            b -> b.metrics("BlendedCost").nextPageToken(token))
                                    .accept(r)))
                            .getKey())
                    .isEqualTo("RequestChangedException");
        } finally {
            sandbox.knobs().costExplorerPageSize = 100;
        }
    }

    static Map.Entry<String, String> error(Runnable call) {
        try {
            call.run();
        } catch (CostExplorerException e) {
            return Map.entry(
                    e.awsErrorDetails().errorCode(), e.awsErrorDetails().errorMessage());
        }
        throw new AssertionError("no error");
    }

    @Test
    void aProductNothingNamesIsKeptAsInUseNotReportedUnused() {
        when(catalog.listing("prod-nobodyknows01")).thenReturn(java.util.Optional.empty());
        when(licenses.licensesOf("prod-nobodyknows01")).thenReturn(List.of());

        UsagePort.Usage unknown = usage.usage("prod-nobodyknows01", now);

        assertThat(unknown.inUse()).isTrue();
        assertThat(unknown.lastUsed()).isEqualTo(today);
        assertThat(unknown.seenSince()).as("its use cannot be told").isNull();
        assertThat(unknown.signal()).startsWith("unknown");
    }
}
