package io.mpgov.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AWS sandbox: one HTTP endpoint that answers the real AWS SDK clients and the AWS CLI for every
 * service mpgov uses. restJson services are routed by method and path, awsJson services by
 * {@code X-Amz-Target}; all paths are distinct, so one base URL serves them all.
 */
public final class SandboxServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SandboxServer.class);

    static {
        // The JDK server leaves Nagle's algorithm on: with delayed ACKs every small answer then waits ~40 ms.
        // Read once, when the server classes initialise, so it must be set before the first server starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer http;
    private final ExecutorService executor;
    private final Sandbox sandbox;
    private final RateLimits rateLimiter = new RateLimits();
    private final Map<String, Route> restRoutes = new HashMap<>();
    private final Map<String, Route> targetRoutes = new HashMap<>();
    private final AdminApi admin;

    private record Route(Service service, String operation, Function<SandboxRequest, Object> handler) {}

    private SandboxServer(HttpServer http, Sandbox sandbox) {
        this.http = http;
        this.sandbox = sandbox;
        this.executor = Executors.newFixedThreadPool(32, r -> {
            Thread t = new Thread(r, "aws-sandbox");
            t.setDaemon(true);
            return t;
        });
        this.admin = new AdminApi(sandbox, rateLimiter);
        new CatalogApi(sandbox).register(this);
        new LicenseManagerApi(sandbox).register(this);
        new OrganizationsApi(sandbox).register(this);
        new AgreementApi(sandbox).register(this);
        new SesApi(sandbox).register(this);
        new CostExplorerApi(sandbox).register(this);
        http.createContext("/", this::handle);
        http.setExecutor(executor);
    }

    /** Starts the sandbox on {@code host:port} (port 0 picks a free one). */
    public static SandboxServer start(String host, int port, Sandbox sandbox) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 256);
            SandboxServer server = new SandboxServer(http, sandbox);
            http.start();
            log.info("AWS sandbox listening on {}", server.baseUri());
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("AWS sandbox cannot listen on " + host + ":" + port, e);
        }
    }

    public static SandboxServer start(String host, int port) {
        return start(host, port, new Sandbox(Clock.systemUTC()));
    }

    public URI baseUri() {
        InetSocketAddress address = http.getAddress();
        return URI.create("http://" + address.getHostString() + ":" + address.getPort());
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    void rest(Service service, String method, String path, String operation, Function<SandboxRequest, Object> h) {
        restRoutes.put(method + " " + path, new Route(service, operation, h));
    }

    void target(Service service, String targetPrefix, String operation, Function<SandboxRequest, Object> h) {
        targetRoutes.put(targetPrefix + "." + operation, new Route(service, operation, h));
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            AwsError foreign = LocalCallersOnly.foreignCaller(exchange.getRequestHeaders());
            if (foreign != null) {
                sendError(exchange, foreign);
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith(AdminApi.PREFIX)) {
                AwsError notJson = LocalCallersOnly.notJson(exchange.getRequestMethod(), exchange.getRequestHeaders());
                if (notJson != null) {
                    sendError(exchange, notJson);
                } else {
                    admin.handle(exchange);
                }
                return;
            }
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            Route route = target != null
                    ? targetRoutes.get(target)
                    : restRoutes.get(exchange.getRequestMethod() + " " + path);
            if (route == null) {
                sendRaw(
                        exchange,
                        target != null ? 400 : 404,
                        "application/json",
                        Map.of("x-amzn-ErrorType", "UnknownOperationException"),
                        Json.obj(
                                "__type",
                                "UnknownOperationException",
                                "message",
                                "The sandbox does not serve " + (target != null ? target : path)));
                return;
            }
            answer(exchange, route);
        } catch (IOException e) {
            log.debug("AWS sandbox client went away before the answer (a client timeout?): {}", e.getMessage());
        } catch (RuntimeException e) {
            log.warn("AWS sandbox failed to answer", e);
        }
    }

    private void answer(HttpExchange exchange, Route route) throws IOException {
        sandbox.counted(route.operation());
        try {
            if (exchange.getRequestHeaders().getFirst("Authorization") == null) {
                throw new AwsError("MissingAuthenticationTokenException", 403, "Missing Authentication Token");
            }
            AwsError notJson = LocalCallersOnly.notJson(exchange.getRequestMethod(), exchange.getRequestHeaders());
            if (notJson != null) {
                throw notJson;
            }
            applyKnobs(route);
            SandboxRequest request = new SandboxRequest(
                    route.service(),
                    route.operation(),
                    query(exchange.getRequestURI()),
                    body(exchange.getRequestBody(), route.service()));
            Object response;
            synchronized (sandbox) {
                sandbox.advance();
                response = route.handler().apply(request);
            }
            sendRaw(exchange, 200, route.service().contentType(), Map.of(), response);
        } catch (AwsError e) {
            Service s = route.service();
            Map<String, Object> body = s.protocol == Service.Protocol.REST_JSON
                    ? Json.obj(s.messageMember, e.getMessage())
                    : Json.obj("__type", e.type, s.messageMember, e.getMessage());
            sendRaw(exchange, e.status, s.contentType(), Map.of("x-amzn-ErrorType", e.type), body);
        }
    }

    private void applyKnobs(Route route) {
        Knobs knobs = sandbox.knobs();
        sleep(knobs.latencyMillis
                + knobs.latencyByOperation.getOrDefault(route.operation(), 0L)
                + (knobs.latencyJitterMillis > 0
                        ? ThreadLocalRandom.current().nextLong(knobs.latencyJitterMillis + 1)
                        : 0));
        Double limit = knobs.rateLimits.get(route.operation());
        if (knobs.rateLimitsEnabled && limit != null && !rateLimiter.tryAcquire(route.operation(), limit)) {
            sandbox.counted("throttled:" + route.operation());
            throw new AwsError(route.service().throttlingError, route.service().throttlingStatus, "Rate exceeded");
        }
        for (Knobs.Fault fault : knobs.faults) {
            if (fault.matches(route.operation())
                    && ThreadLocalRandom.current().nextDouble() < fault.probability
                    && fault.fire()) {
                sleep(fault.delayMillis);
                int status = fault.httpStatus != null
                        ? fault.httpStatus
                        : fault.errorCode.contains("Internal") || fault.errorCode.contains("ServiceException")
                                ? 500
                                : 400;
                throw new AwsError(fault.errorCode, status, fault.message);
            }
        }
        knobs.hold.passOrWait(route.operation());
    }

    private static void sleep(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> params = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                params.put(
                        URLDecoder.decode(key, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static JsonNode body(InputStream in, Service service) throws IOException {
        byte[] bytes = in.readAllBytes();
        if (bytes.length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            return Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw AwsError.client("SerializationException", "Request body is not valid JSON: " + e.getMessage());
        }
    }

    /** An error outside any service's protocol: awsJson's shape, which names the error in the body as well. */
    private static void sendError(HttpExchange exchange, AwsError error) throws IOException {
        sendRaw(
                exchange,
                error.status,
                "application/json",
                Map.of("x-amzn-ErrorType", error.type),
                Json.obj("__type", error.type, "message", error.getMessage()));
    }

    static void sendRaw(HttpExchange exchange, int status, String contentType, Map<String, String> headers, Object body)
            throws IOException {
        byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        sandbox.knobs().hold.release();
        http.stop(0);
        executor.shutdownNow();
        log.info("AWS sandbox stopped");
    }
}
