package io.mpgov.sandbox;

import com.sun.net.httpserver.Headers;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * The sandbox authenticates nobody and listens on the developer's machine, where every web page the
 * developer opens can send it requests: by DNS rebinding (the attacker's host name, resolving to 127.0.0.1,
 * in the Host header) or as a cross-site "simple" request (a form post, a no-cors fetch: a text/plain,
 * form-encoded or multipart body, an Origin of another site). The AWS SDK and the AWS CLI send none of
 * that: Host is the endpoint's loopback address, bodies are JSON ({@code application/json} for the restJson
 * services, {@code application/x-amz-json-1.0}/{@code 1.1} for the awsJson ones), there is no Origin.
 */
final class LocalCallersOnly {

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");
    private static final Set<String> JSON =
            Set.of("application/json", "application/x-amz-json-1.0", "application/x-amz-json-1.1");
    private static final Set<String> BODILESS_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private LocalCallersOnly() {}

    /** Host or Origin naming another machine or site: 403, before anything is read or routed. */
    static AwsError foreignCaller(Headers headers) {
        String host = headers.getFirst("Host");
        if (host == null || !LOOPBACK.contains(withoutPort(host.trim().toLowerCase(Locale.ROOT)))) {
            return new AwsError(
                    "AccessDeniedException",
                    403,
                    "The sandbox answers only requests for 127.0.0.1, localhost or [::1]" + " (any port), not for Host "
                            + host);
        }
        String origin = headers.getFirst("Origin");
        if (origin != null && !loopbackOrigin(origin)) {
            return new AwsError(
                    "AccessDeniedException",
                    403,
                    "The sandbox answers no web page of another site (Origin " + origin + ")");
        }
        return null;
    }

    /** A body that is not JSON — what a cross-site form or simple fetch sends: 415. */
    static AwsError notJson(String method, Headers headers) {
        if (BODILESS_METHODS.contains(method)) {
            return null;
        }
        String type = headers.getFirst("Content-Type");
        boolean body = headers.containsKey("Transfer-Encoding")
                || headers.containsKey("Content-Length")
                        && !"0".equals(headers.getFirst("Content-Length").trim());
        if (type == null ? !body : JSON.contains(type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT))) {
            return null;
        }
        return new AwsError(
                "UnsupportedMediaTypeException",
                415,
                "The sandbox takes JSON bodies only (application/json, " + "application/x-amz-json-1.0 or -1.1), not "
                        + (type == null ? "a body without Content-Type" : type));
    }

    private static boolean loopbackOrigin(String origin) {
        try {
            URI uri = URI.create(origin.trim());
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null
                    && LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** {@code host}, {@code host:port}, {@code [v6]} or {@code [v6]:port} without the port. */
    private static String withoutPort(String host) {
        int colon = host.lastIndexOf(':');
        return colon > host.lastIndexOf(']') ? host.substring(0, colon) : host;
    }
}
