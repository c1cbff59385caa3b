package io.mpgov.usage;

import io.mpgov.aws.AwsClients;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;
import software.amazon.awssdk.services.costexplorer.model.CostExplorerException;
import software.amazon.awssdk.services.costexplorer.model.DataUnavailableException;
import software.amazon.awssdk.services.costexplorer.model.Dimension;
import software.amazon.awssdk.services.costexplorer.model.GetCostAndUsageResponse;
import software.amazon.awssdk.services.costexplorer.model.Granularity;
import software.amazon.awssdk.services.costexplorer.model.Group;
import software.amazon.awssdk.services.costexplorer.model.GroupDefinitionType;
import software.amazon.awssdk.services.costexplorer.model.LimitExceededException;
import software.amazon.awssdk.services.costexplorer.model.MetricValue;
import software.amazon.awssdk.services.costexplorer.model.ResultByTime;

/**
 * AWS Marketplace spend per product from Cost Explorer: one GetCostAndUsage query (and its pages) for
 * every Marketplace product at once — {@code BILLING_ENTITY = "AWS Marketplace"}, grouped by
 * {@code SERVICE}, under which Cost Explorer lists a Marketplace product by its title — monthly over the
 * look-back window. Each request costs USD 0.01 and Cost Explorer refreshes its data about once a day,
 * so the answer is kept for {@code mpgov.usage.spend-cache} ({@link UsageSettings}) per window.
 */
@Component
class CostExplorerSpend {

    private static final Logger log = LoggerFactory.getLogger(CostExplorerSpend.class);
    static final String MARKETPLACE = "AWS Marketplace";
    static final String COST = "UnblendedCost";
    /** Usage of a product priced at zero still shows a quantity. */
    static final String QUANTITY = "UsageQuantity";

    /** The latest month with a charge or a usage quantity of one Cost Explorer SERVICE value. */
    record Spend(String service, LocalDate month, LocalDate lastDay, BigDecimal amount, String unit) {}

    private record Window(LocalDate start, LocalDate end) {}

    private final CostExplorerClient client;
    private final Duration cacheFor;
    private Window cachedWindow;
    private Map<String, Spend> cached;
    private long cachedAt;

    CostExplorerSpend(AwsClients clients, UsageSettings settings) {
        // LimitExceededException is Cost Explorer's throttling error; the SDK does not retry it by default.
        this.client = clients.costExplorer(retry -> retry.retryOnExceptionInstanceOf(LimitExceededException.class));
        this.cacheFor = settings.spendCache();
    }

    /** The latest spend on a product, found by its title among the Marketplace SERVICE values. */
    Optional<Spend> latest(String title, LocalDate today) {
        String wanted = normal(title);
        return byService(today).values().stream()
                .filter(s -> normal(s.service()).equals(wanted)
                        || normal(s.service()).startsWith(wanted + " ("))
                .max(java.util.Comparator.comparing(Spend::lastDay));
    }

    /** Every Marketplace SERVICE value with spend in the window ending today (exclusive: today's data is partial). */
    synchronized Map<String, Spend> byService(LocalDate today) {
        Window window = new Window(UsagePort.lookBackStart(today), today);
        if (window.equals(cachedWindow) && System.nanoTime() - cachedAt < cacheFor.toNanos()) {
            return cached;
        }
        Map<String, Spend> spend = new HashMap<>();
        String token = null;
        int pages = 0;
        try {
            do {
                String page = token;
                GetCostAndUsageResponse response = client.getCostAndUsage(r -> r.timePeriod(
                                t -> t.start(window.start().toString())
                                        .end(window.end().toString()))
                        .granularity(Granularity.MONTHLY)
                        .metrics(COST, QUANTITY)
                        .filter(f -> f.dimensions(
                                d -> d.key(Dimension.BILLING_ENTITY).values(MARKETPLACE)))
                        .groupBy(g -> g.type(GroupDefinitionType.DIMENSION).key(Dimension.SERVICE.toString()))
                        .nextPageToken(page));
                pages++;
                for (ResultByTime period : response.resultsByTime()) {
                    LocalDate month =
                            LocalDate.parse(period.timePeriod().start().substring(0, 10));
                    LocalDate lastDay = LocalDate.parse(
                                    period.timePeriod().end().substring(0, 10))
                            .minusDays(1);
                    for (Group group : period.groups()) {
                        MetricValue cost = group.metrics().get(COST);
                        MetricValue quantity = group.metrics().get(QUANTITY);
                        if (positive(cost) || positive(quantity)) {
                            Spend seen = new Spend(
                                    group.keys().get(0),
                                    month,
                                    lastDay,
                                    cost == null ? BigDecimal.ZERO : new BigDecimal(cost.amount()),
                                    cost == null ? null : cost.unit());
                            spend.merge(
                                    seen.service(), seen, (a, b) -> a.lastDay().isAfter(b.lastDay()) ? a : b);
                        }
                    }
                }
                token = response.nextPageToken() == null
                                || response.nextPageToken().isEmpty()
                        ? null
                        : response.nextPageToken();
            } while (token != null);
        } catch (DataUnavailableException e) {
            throw new UsageUnavailableException(
                    "Cost Explorer has no data for " + window.start() + " to " + window.end()
                            + " (is Cost Explorer enabled for the management account?): "
                            + e.awsErrorDetails().errorMessage(),
                    e);
        } catch (CostExplorerException e) {
            if ("AccessDeniedException".equals(e.awsErrorDetails().errorCode())) {
                throw new UsageUnavailableException(
                        "Cost Explorer refused GetCostAndUsage (does mpgov's role allow ce:GetCostAndUsage,"
                                + " is Cost Explorer enabled?): "
                                + e.awsErrorDetails().errorMessage(),
                        e);
            }
            throw e;
        }
        log.info(
                "Cost Explorer: Marketplace spend {} to {} read in {} request(s), {} product(s) with spend",
                window.start(),
                window.end(),
                pages,
                spend.size());
        cachedWindow = window;
        cached = Map.copyOf(spend);
        cachedAt = System.nanoTime();
        return cached;
    }

    private static boolean positive(MetricValue value) {
        return value != null && value.amount() != null && new BigDecimal(value.amount()).signum() > 0;
    }

    private static String normal(String title) {
        return title == null ? "" : title.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
