package io.mpgov.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** A small HTTP client for tests that call mpgov as a person or script would: basic auth, JSON. */
public final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final URI base;

    public Http(int port) {
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    public record Response(int status, String contentType, String body, java.net.http.HttpHeaders headers) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON (" + status + "): " + body, e);
            }
        }
    }

    public Response get(String path, String user) {
        return send(request(path, user).GET());
    }

    public Response post(String path, String user, String json) {
        return send(request(path, user)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Any method, with a JSON body or none. */
    public Response send(String method, String path, String user, String json) {
        HttpRequest.Builder builder = request(path, user);
        if (json != null) {
            builder.header("Content-Type", "application/json");
        } else if (!method.equals("GET")) {
            // as a script says it is not another site's page (CrossSiteRequestFilter), e.g. POST /task/{id}/unclaim
            builder.header("X-Requested-By", "mpgov-tests");
        }
        return send(builder.method(
                method,
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A POST as a browser's form or a hand-made client sends it: any content type (null: none) and further headers. */
    public Response post(String path, String user, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder builder = request(path, user)
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        headers.forEach(builder::header);
        return send(builder);
    }

    private HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path));
        if (user != null) {
            String password = user.contains(":") ? "" : ":demo";
            builder.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString((user + password).getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    private Response send(HttpRequest.Builder builder) {
        return exchange(client, builder);
    }

    /** One request on the given client (with its cookies, if it keeps any), the answer read as text. */
    static Response exchange(HttpClient client, HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body(),
                    response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
