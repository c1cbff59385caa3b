package io.mpgov.sandbox;

import static io.mpgov.sandbox.Json.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code /_sandbox/*}: what people and tests use to look inside the emulated account and to turn
 * its dials. Unsigned and unauthenticated: the sandbox is a development and test tool.
 */
final class AdminApi {

    static final String PREFIX = "/_sandbox";
    private static final java.util.regex.Pattern ACCOUNT_ROUTE =
            java.util.regex.Pattern.compile("(?:POST|PUT) /accounts/(\\d{12})/(state|tags)");

    private final Sandbox sandbox;
    private final RateLimits rateLimiter;

    AdminApi(Sandbox sandbox, RateLimits rateLimiter) {
        this.sandbox = sandbox;
        this.rateLimiter = rateLimiter;
    }

    void handle(HttpExchange exchange) throws IOException {
        String route = exchange.getRequestMethod() + " "
                + exchange.getRequestURI().getPath().substring(PREFIX.length());
        try {
            java.util.regex.Matcher account = ACCOUNT_ROUTE.matcher(route);
            if (account.matches()) {
                JsonNode body = Json.MAPPER.readTree(exchange.getRequestBody());
                send(
                        exchange,
                        200,
                        account.group(2).equals("state")
                                ? sandbox.setAccountState(
                                        account.group(1), body.path("state").asText())
                                : sandbox.setTags(
                                        account.group(1),
                                        Json.MAPPER.convertValue(
                                                body.path("tags"),
                                                new com.fasterxml.jackson.core.type.TypeReference<
                                                        Map<String, String>>() {})));
                return;
            }
            switch (route) {
                case "GET /state" -> sendText(exchange, sandbox.toJson());
                case "GET /emails" -> send(exchange, 200, sandbox.read(s -> Map.of("emails", s.emails)));
                case "POST /reset" -> {
                    sandbox.reset();
                    rateLimiter.reset();
                    send(exchange, 200, obj("status", "reset"));
                }
                case "POST /seed" -> {
                    sandbox.seedDemo();
                    rateLimiter.reset();
                    send(exchange, 200, obj("status", "seeded"));
                }
                case "POST /agreements" ->
                    send(
                            exchange,
                            201,
                            sandbox.acceptOffer(
                                    Json.MAPPER.readValue(exchange.getRequestBody(), Sandbox.OfferAcceptance.class)));
                case "POST /events/product-request" ->
                    send(
                            exchange,
                            200,
                            sandbox.emitProductRequest(Json.MAPPER.readValue(
                                    exchange.getRequestBody(), Sandbox.ProductRequestEvent.class)));
                case "POST /accounts" ->
                    send(
                            exchange,
                            201,
                            sandbox.addAccount(
                                    Json.MAPPER.readValue(exchange.getRequestBody(), Sandbox.NewAccount.class)));
                case "POST /licenses" ->
                    send(
                            exchange,
                            201,
                            sandbox.receiveLicense(Json.MAPPER
                                    .readTree(exchange.getRequestBody())
                                    .path("productId")
                                    .asText()));
                case "PUT /usage" -> {
                    JsonNode usage = Json.MAPPER.readTree(exchange.getRequestBody());
                    sandbox.setLicenseUsage(
                            usage.path("productId").asText(),
                            usage.path("consumed").asLong());
                    send(
                            exchange,
                            200,
                            obj(
                                    "productId",
                                    usage.path("productId").asText(),
                                    "consumed",
                                    usage.path("consumed").asLong()));
                }
                case "PUT /spend" -> {
                    JsonNode spend = Json.MAPPER.readTree(exchange.getRequestBody());
                    send(
                            exchange,
                            200,
                            sandbox.setSpend(
                                    spend.path("productId").asText(),
                                    spend.hasNonNull("day")
                                            ? java.time.LocalDate.parse(
                                                    spend.path("day").asText())
                                            : null,
                                    new java.math.BigDecimal(
                                            spend.path("amount").asText("0"))));
                }
                case "POST /grants/accept", "POST /grants/reject" ->
                    send(
                            exchange,
                            200,
                            route.endsWith("accept")
                                    ? sandbox.acceptGrant(Json.MAPPER
                                            .readTree(exchange.getRequestBody())
                                            .path("grantArn")
                                            .asText())
                                    : sandbox.rejectGrant(Json.MAPPER
                                            .readTree(exchange.getRequestBody())
                                            .path("grantArn")
                                            .asText()));
                case "GET /calls" -> send(exchange, 200, sandbox.callCounts());
                case "GET /knobs" -> send(exchange, 200, sandbox.knobs());
                case "PUT /knobs" -> {
                    updateKnobs(Json.MAPPER.readTree(exchange.getRequestBody()));
                    send(exchange, 200, sandbox.knobs());
                }
                case "POST /faults" -> {
                    Knobs.Fault fault = Json.MAPPER.readValue(exchange.getRequestBody(), Knobs.Fault.class);
                    sandbox.knobs().faults.add(fault);
                    send(exchange, 201, fault);
                }
                case "POST /holds" -> {
                    JsonNode hold = Json.MAPPER.readTree(exchange.getRequestBody());
                    Set<String> operations = new HashSet<>();
                    hold.path("operations").forEach(op -> operations.add(op.asText()));
                    sandbox.knobs()
                            .hold
                            .engage(
                                    operations,
                                    hold.path("after").asInt(0),
                                    hold.path("timeoutMillis").asLong(60_000));
                    send(exchange, 201, sandbox.knobs().hold);
                }
                case "DELETE /holds" -> {
                    sandbox.knobs().hold.release();
                    send(exchange, 200, sandbox.knobs().hold);
                }
                case "DELETE /faults" -> {
                    sandbox.knobs().faults.clear();
                    sandbox.knobs().changeSetFailures.clear();
                    send(exchange, 200, obj("status", "cleared"));
                }
                default ->
                    send(
                            exchange,
                            404,
                            obj(
                                    "message",
                                    "No sandbox admin endpoint " + route
                                            + "; try GET /state, GET /emails, POST /reset, POST /seed, POST /agreements, POST /events/product-request, POST /accounts, PUT /accounts/{id}/state|tags, POST /licenses, PUT /usage, PUT /spend, POST /grants/accept|reject, GET /calls, GET|PUT /knobs, POST|DELETE /faults, POST|DELETE /holds"));
            }
        } catch (IOException | IllegalArgumentException e) {
            send(exchange, 400, obj("message", "Bad admin request: " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            send(exchange, 503, obj("message", "Interrupted"));
        }
    }

    private void updateKnobs(JsonNode body) {
        Knobs knobs = sandbox.knobs();
        if (body.has("latencyMillis")) {
            knobs.latencyMillis = body.get("latencyMillis").asLong();
        }
        if (body.has("latencyJitterMillis")) {
            knobs.latencyJitterMillis = body.get("latencyJitterMillis").asLong();
        }
        if (body.has("rateLimitsEnabled")) {
            knobs.rateLimitsEnabled = body.get("rateLimitsEnabled").asBoolean();
        }
        if (body.has("changeSetPreparingMillis")) {
            knobs.changeSetPreparingMillis =
                    body.get("changeSetPreparingMillis").asLong();
        }
        if (body.has("changeSetApplyingMillis")) {
            knobs.changeSetApplyingMillis = body.get("changeSetApplyingMillis").asLong();
        }
        if (body.has("costExplorerPageSize")) {
            knobs.costExplorerPageSize = body.get("costExplorerPageSize").asInt();
        }
        if (body.has("organizationLinked")) {
            knobs.organizationLinked = body.get("organizationLinked").asBoolean();
        }
        if (body.has("grantTransitionMillis")) {
            knobs.grantTransitionMillis = body.get("grantTransitionMillis").asLong();
        }
        body.path("latencyByOperation")
                .fields()
                .forEachRemaining(e ->
                        knobs.latencyByOperation.put(e.getKey(), e.getValue().asLong()));
        body.path("rateLimits")
                .fields()
                .forEachRemaining(
                        e -> knobs.rateLimits.put(e.getKey(), e.getValue().asDouble()));
        body.path("changeSetFailures")
                .fields()
                .forEachRemaining(e ->
                        knobs.changeSetFailures.put(e.getKey(), e.getValue().asText()));
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        SandboxServer.sendRaw(exchange, status, "application/json", Map.of(), body);
    }

    private static void sendText(HttpExchange exchange, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
