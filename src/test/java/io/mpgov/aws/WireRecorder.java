package io.mpgov.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A recording HTTP proxy between the SDK clients and the sandbox: every request exactly as the SDK
 * marshalled it and every answer exactly as the sandbox sent it.
 */
final class WireRecorder implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of(
            "host",
            "content-length",
            "connection",
            "expect",
            "upgrade",
            "transfer-encoding",
            "keep-alive",
            "te",
            "date");

    private final URI upstream;
    private final HttpServer http;
    private final ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "wire-recorder");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<WireContract.Exchange> exchanges = new ArrayList<>();

    WireRecorder(URI upstream) throws IOException {
        this.upstream = upstream;
        this.http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        http.createContext("/", this::forward);
        http.setExecutor(executor);
        http.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    synchronized List<WireContract.Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] requestBody = exchange.getRequestBody().readAllBytes();
            URI requestUri = exchange.getRequestURI();
            HttpRequest.Builder request = HttpRequest.newBuilder(upstream.resolve(requestUri.getRawPath()
                            + (requestUri.getRawQuery() == null ? "" : "?" + requestUri.getRawQuery())))
                    .timeout(Duration.ofSeconds(30))
                    .method(
                            exchange.getRequestMethod(),
                            requestBody.length == 0
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(requestBody));
            Map<String, List<String>> requestHeaders = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> {
                requestHeaders.put(name, List.copyOf(values));
                if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                    values.forEach(v -> request.header(name, v));
                }
            });
            HttpResponse<byte[]> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            Map<String, List<String>> responseHeaders = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> {
                responseHeaders.put(name, List.copyOf(values));
                if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            synchronized (this) {
                exchanges.add(new WireContract.Exchange(
                        exchange.getRequestMethod(),
                        requestUri.getPath(),
                        requestUri.getRawQuery(),
                        requestHeaders,
                        requestBody,
                        response.statusCode(),
                        responseHeaders,
                        response.body()));
            }
            exchange.sendResponseHeaders(
                    response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
            exchange.getResponseBody().write(response.body());
        }
    }

    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
    }
}
