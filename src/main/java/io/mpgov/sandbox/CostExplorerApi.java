package io.mpgov.sandbox;

import static io.mpgov.sandbox.Json.obj;
import static io.mpgov.sandbox.Service.COST_EXPLORER;

import com.fasterxml.jackson.databind.JsonNode;
import io.mpgov.sandbox.SandboxState.Charge;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Cost Explorer (awsJson1_1, {@code AWSInsightsIndexService}): GetCostAndUsage over the charges in the
 * state, with the model's required members, enums and pattern, Dimension filters (And/Or/Not), up to two
 * GroupBy dimensions, DAILY and MONTHLY periods and NextPageToken pages that belong to one request.
 */
final class CostExplorerApi {

    private static final String TARGET = "AWSInsightsIndexService";
    static final String MARKETPLACE = "AWS Marketplace";
    /** botocore's YearMonthDay. */
    private static final Pattern YEAR_MONTH_DAY = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(T\\d{2}:\\d{2}:\\d{2}Z)?");

    private static final List<String> METRICS = List.of(
            "AmortizedCost",
            "BlendedCost",
            "NetAmortizedCost",
            "NetUnblendedCost",
            "NormalizedUsageAmount",
            "UnblendedCost",
            "UsageQuantity");
    /** The Dimension enum of the model. */
    private static final Set<String> DIMENSIONS = Set.of(
            "AZ",
            "INSTANCE_TYPE",
            "LINKED_ACCOUNT",
            "PAYER_ACCOUNT",
            "LINKED_ACCOUNT_NAME",
            "OPERATION",
            "PURCHASE_TYPE",
            "REGION",
            "SERVICE",
            "SERVICE_CODE",
            "USAGE_TYPE",
            "USAGE_TYPE_GROUP",
            "RECORD_TYPE",
            "OPERATING_SYSTEM",
            "TENANCY",
            "SCOPE",
            "PLATFORM",
            "SUBSCRIPTION_ID",
            "LEGAL_ENTITY_NAME",
            "DEPLOYMENT_OPTION",
            "DATABASE_ENGINE",
            "CACHE_ENGINE",
            "INSTANCE_TYPE_FAMILY",
            "BILLING_ENTITY",
            "RESERVATION_ID",
            "RESOURCE_ID",
            "RIGHTSIZING_TYPE",
            "SAVINGS_PLANS_TYPE",
            "SAVINGS_PLAN_ARN",
            "PAYMENT_OPTION",
            "AGREEMENT_END_DATE_TIME_AFTER",
            "AGREEMENT_END_DATE_TIME_BEFORE",
            "INVOICING_ENTITY",
            "ANOMALY_TOTAL_IMPACT_ABSOLUTE",
            "ANOMALY_TOTAL_IMPACT_PERCENTAGE");
    /** What GetCostAndUsage's GroupBy documentation allows for the DIMENSION type. */
    private static final Set<String> GROUP_BY = Set.of(
            "AZ",
            "INSTANCE_TYPE",
            "LEGAL_ENTITY_NAME",
            "INVOICING_ENTITY",
            "LINKED_ACCOUNT",
            "OPERATION",
            "PLATFORM",
            "PURCHASE_TYPE",
            "SERVICE",
            "TENANCY",
            "RECORD_TYPE",
            "USAGE_TYPE");
    /** Cost Explorer keeps 13 months and the current one (without the multi-year opt-in). */
    private static final int HISTORY_MONTHS = 13;

    private final Sandbox sandbox;

    CostExplorerApi(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    void register(SandboxServer server) {
        server.target(COST_EXPLORER, TARGET, "GetCostAndUsage", this::getCostAndUsage);
    }

    private record Period(LocalDate start, LocalDate end) {}

    private record Entry(Period period, List<String> keys, List<Charge> charges) {}

    private Object getCostAndUsage(SandboxRequest r) {
        JsonNode body = r.body();
        JsonNode interval = body.get("TimePeriod");
        if (interval == null || !interval.isObject()) {
            throw invalid("Value null at 'timePeriod' failed to satisfy constraint: Member must not be null");
        }
        LocalDate start = day(interval, "Start");
        LocalDate end = day(interval, "End");
        String granularity = r.required("Granularity");
        if (!List.of("DAILY", "MONTHLY", "HOURLY").contains(granularity)) {
            throw invalid(
                    "Value '" + granularity
                            + "' at 'granularity' failed to satisfy constraint: Member must satisfy enum value set: [DAILY, MONTHLY, HOURLY]");
        }
        if (granularity.equals("HOURLY")) {
            throw AwsError.validation(
                    COST_EXPLORER,
                    "Hourly granularity is not enabled for this account (Cost Explorer preferences, hourly granularity opt-in)");
        }
        JsonNode metricsNode = body.get("Metrics");
        if (metricsNode == null || !metricsNode.isArray() || metricsNode.isEmpty()) {
            throw AwsError.validation(COST_EXPLORER, "Metrics are required");
        }
        List<String> metrics = new ArrayList<>();
        metricsNode.forEach(m -> {
            if (!METRICS.contains(m.asText())) {
                throw AwsError.validation(
                        COST_EXPLORER, "Invalid metric: " + m.asText() + "; valid metrics are " + METRICS);
            }
            metrics.add(m.asText());
        });
        LocalDate today = sandbox.now().atZone(ZoneOffset.UTC).toLocalDate();
        if (!start.isBefore(end)) {
            throw AwsError.validation(COST_EXPLORER, "Start date (and hour) should be before end date (and hour)");
        }
        if (start.isAfter(today)) {
            throw AwsError.validation(COST_EXPLORER, "Start date must be equal to or no later than the current date");
        }
        SandboxState state = sandbox.state();
        if (!state.costExplorerDataAvailable
                || start.isBefore(today.withDayOfMonth(1).minusMonths(HISTORY_MONTHS))) {
            throw AwsError.client(
                    "DataUnavailableException",
                    "Data is not available. Please try to adjust the time period. "
                            + "If just enabled Cost Explorer, data might not be ingested yet");
        }
        Predicate<Charge> filter = body.hasNonNull("Filter") ? expression(body.get("Filter")) : c -> true;
        List<String[]> groupBy = groupBy(body.get("GroupBy"));

        List<Entry> entries = new ArrayList<>();
        for (Period period : periods(start, end, granularity)) {
            Map<List<String>, List<Charge>> groups = new LinkedHashMap<>();
            state.charges.stream()
                    .filter(c -> !c.day().isBefore(period.start()) && c.day().isBefore(period.end()))
                    .filter(filter)
                    .forEach(c -> groups.computeIfAbsent(
                                    groupBy.stream().map(g -> value(c, g)).toList(), k -> new ArrayList<>())
                            .add(c));
            if (groupBy.isEmpty() || groups.isEmpty()) {
                entries.add(new Entry(
                        period,
                        null,
                        groups.values().stream().flatMap(List::stream).toList()));
            } else {
                groups.entrySet().stream()
                        .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(Object::toString)))
                        .forEach(g -> entries.add(new Entry(period, g.getKey(), g.getValue())));
            }
        }

        String fingerprint = Integer.toHexString(((com.fasterxml.jackson.databind.node.ObjectNode) body.deepCopy())
                .without("NextPageToken")
                .toString()
                .hashCode());
        int offset = offset(r.optional("NextPageToken"), fingerprint);
        int size = Math.max(1, sandbox.knobs().costExplorerPageSize);
        int to = Math.min(entries.size(), offset + size);
        List<Map<String, Object>> results = new ArrayList<>();
        Period current = null;
        Map<String, Object> result = null;
        for (Entry entry : entries.subList(Math.min(offset, entries.size()), to)) {
            if (!entry.period().equals(current)) {
                current = entry.period();
                boolean grouped = !groupBy.isEmpty();
                result = obj(
                        "TimePeriod",
                        obj(
                                "Start",
                                current.start().toString(),
                                "End",
                                current.end().toString()),
                        "Total",
                        grouped ? Map.of() : metrics(metrics, entry.charges()),
                        "Groups",
                        new ArrayList<>(),
                        "Estimated",
                        !current.end().isBefore(today.withDayOfMonth(1).plusDays(1)));
                results.add(result);
            }
            if (entry.keys() != null) {
                @SuppressWarnings("unchecked")
                List<Object> groups = (List<Object>) result.get("Groups");
                groups.add(obj("Keys", entry.keys(), "Metrics", metrics(metrics, entry.charges())));
            }
        }
        return obj(
                "GroupDefinitions",
                groupBy.stream().map(g -> obj("Type", g[0], "Key", g[1])).toList(),
                "ResultsByTime",
                results,
                "DimensionValueAttributes",
                List.of(),
                "NextPageToken",
                to < entries.size() ? token(to, fingerprint) : null);
    }

    private static LocalDate day(JsonNode interval, String member) {
        JsonNode value = interval.get(member);
        if (value == null || value.isNull()) {
            throw invalid("Value null at 'timePeriod." + member.toLowerCase()
                    + "' failed to satisfy constraint: Member must not be null");
        }
        if (!YEAR_MONTH_DAY.matcher(value.asText()).matches()) {
            throw invalid("Value '" + value.asText() + "' at 'timePeriod." + member.toLowerCase()
                    + "' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                    + YEAR_MONTH_DAY.pattern());
        }
        try {
            return LocalDate.parse(value.asText().substring(0, 10));
        } catch (DateTimeParseException e) {
            throw AwsError.validation(COST_EXPLORER, "Invalid date " + value.asText());
        }
    }

    private static List<Period> periods(LocalDate start, LocalDate end, String granularity) {
        List<Period> periods = new ArrayList<>();
        for (LocalDate from = start; from.isBefore(end); ) {
            LocalDate next = granularity.equals("DAILY")
                    ? from.plusDays(1)
                    : from.withDayOfMonth(1).plusMonths(1);
            LocalDate to = next.isAfter(end) ? end : next;
            periods.add(new Period(from, to));
            from = to;
        }
        return periods;
    }

    /** An Expression: exactly one of Dimensions, Tags, CostCategories, And, Or, Not. */
    private static Predicate<Charge> expression(JsonNode e) {
        List<String> roots = new ArrayList<>();
        e.fieldNames().forEachRemaining(roots::add);
        if (roots.size() != 1) {
            throw AwsError.validation(
                    COST_EXPLORER,
                    "Expression must have exactly one root (Dimensions, Tags, CostCategories, And, Or or Not); got "
                            + roots);
        }
        JsonNode value = e.get(roots.get(0));
        return switch (roots.get(0)) {
            case "And", "Or" -> {
                if (!value.isArray() || value.size() < 2) {
                    throw AwsError.validation(COST_EXPLORER, roots.get(0) + " needs at least two expressions");
                }
                List<Predicate<Charge>> parts = new ArrayList<>();
                value.forEach(part -> parts.add(expression(part)));
                yield roots.get(0).equals("And")
                        ? c -> parts.stream().allMatch(p -> p.test(c))
                        : c -> parts.stream().anyMatch(p -> p.test(c));
            }
            case "Not" -> expression(value).negate();
            case "Dimensions" -> {
                String key = value.path("Key").asText();
                if (!DIMENSIONS.contains(key)) {
                    throw invalid(
                            "Value '" + key
                                    + "' at 'filter.dimensions.key' failed to satisfy constraint: Member must satisfy enum value set");
                }
                List<String> values = new ArrayList<>();
                value.path("Values").forEach(v -> values.add(v.asText()));
                if (values.isEmpty()) {
                    throw AwsError.validation(COST_EXPLORER, "Dimension " + key + " needs at least one value");
                }
                yield c -> values.contains(value(c, new String[] {"DIMENSION", key}));
            }
            // The sandbox keeps no tags or cost categories on its charges: such a filter matches nothing.
            case "Tags", "CostCategories" -> c -> false;
            default -> throw AwsError.validation(COST_EXPLORER, "Unknown expression member " + roots.get(0));
        };
    }

    private static List<String[]> groupBy(JsonNode groupBy) {
        List<String[]> groups = new ArrayList<>();
        if (groupBy == null || groupBy.isNull()) {
            return groups;
        }
        if (groupBy.size() > 2) {
            throw AwsError.validation(COST_EXPLORER, "GroupBy takes at most two groups");
        }
        for (JsonNode g : groupBy) {
            String type = g.path("Type").asText();
            String key = g.path("Key").asText();
            if (!List.of("DIMENSION", "TAG", "COST_CATEGORY").contains(type)) {
                throw invalid(
                        "Value '" + type
                                + "' at 'groupBy.type' failed to satisfy constraint: Member must satisfy enum value set: [DIMENSION, TAG, COST_CATEGORY]");
            }
            if (type.equals("DIMENSION") && !GROUP_BY.contains(key)) {
                throw AwsError.validation(
                        COST_EXPLORER,
                        "Group Definition dimension is invalid. Valid values are " + new java.util.TreeSet<>(GROUP_BY));
            }
            groups.add(new String[] {type, key});
        }
        return groups;
    }

    /** The charge's value of a dimension; tags and cost categories as Cost Explorer shows an untagged charge ("key$"). */
    private static String value(Charge c, String[] group) {
        if (!group[0].equals("DIMENSION")) {
            return group[1] + "$";
        }
        return switch (group[1]) {
            case "SERVICE" -> c.service();
            case "BILLING_ENTITY" -> c.billingEntity();
            case "LEGAL_ENTITY_NAME", "INVOICING_ENTITY" ->
                MARKETPLACE.equals(c.billingEntity()) ? c.service() : "Amazon Web Services, Inc.";
            case "LINKED_ACCOUNT" -> c.linkedAccount();
            case "RECORD_TYPE" -> c.recordType();
            default -> "NoValue";
        };
    }

    private static Map<String, Object> metrics(List<String> names, List<Charge> charges) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (String name : names) {
            boolean quantity = name.equals("UsageQuantity") || name.equals("NormalizedUsageAmount");
            BigDecimal sum = charges.stream()
                    .map(c -> quantity ? c.usageQuantity() : c.unblendedCost())
                    .filter(java.util.Objects::nonNull)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            metrics.put(
                    name,
                    obj(
                            "Amount",
                            sum.setScale(10, java.math.RoundingMode.HALF_UP).toPlainString(),
                            "Unit",
                            quantity ? "N/A" : "USD"));
        }
        return metrics;
    }

    private static String token(int offset, String fingerprint) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("ce:" + offset + ":" + fingerprint).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String token, String fingerprint) {
        if (token == null || token.isEmpty()) {
            return 0;
        }
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":");
        } catch (IllegalArgumentException e) {
            throw invalidToken();
        }
        if (parts.length != 3 || !parts[0].equals("ce") || !parts[1].matches("\\d{1,9}")) {
            throw invalidToken();
        }
        if (!parts[2].equals(fingerprint)) {
            throw AwsError.client(
                    "RequestChangedException",
                    "Your request parameters changed between pages. Try again with the old parameters or without a pagination token.");
        }
        return Integer.parseInt(parts[1]);
    }

    private static AwsError invalidToken() {
        return AwsError.client(
                "InvalidNextTokenException", "The pagination token is invalid. Try again without a pagination token.");
    }

    private static AwsError invalid(String detail) {
        return AwsError.validation(COST_EXPLORER, "1 validation error detected: " + detail);
    }
}
