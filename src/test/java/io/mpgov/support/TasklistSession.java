package io.mpgov.support;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;

/**
 * The engine API as Tasklist itself calls it: signed in to Tasklist with a session cookie, each
 * change carrying the XSRF token Camunda's webapp hands out, under /camunda/api/engine/engine/default.
 */
public final class TasklistSession {

    public static final String ENGINE_API = "/camunda/api/engine/engine/default";
    private final CookieManager cookies = new CookieManager();
    private final HttpClient browser =
            HttpClient.newBuilder().cookieHandler(cookies).build();
    private final String base;

    private TasklistSession(int port) {
        this.base = "http://127.0.0.1:" + port + "/camunda";
    }

    private Http.Response login;

    /** Opens Tasklist and signs in, as a browser does; see {@link #refusedLogin()}. */
    public static TasklistSession signIn(int port, String user) {
        return signIn(port, user, "tasklist");
    }

    /** Signs in through the sign-in page of {@code app} (tasklist, cockpit, admin or welcome). */
    public static TasklistSession signIn(int port, String user, String app) {
        TasklistSession session = new TasklistSession(port);
        session.exchange(HttpRequest.newBuilder(URI.create(session.base + "/app/tasklist/default/"))
                .GET());
        session.login = session.exchange(
                HttpRequest.newBuilder(URI.create(session.base + "/api/admin/auth/user/default/login/" + app))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-XSRF-TOKEN", session.token())
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")));
        // The sign-in gave the session a new id; its XSRF token comes with the next read, as Tasklist's first call does
        session.exchange(HttpRequest.newBuilder(URI.create(session.base + "/api/admin/auth/user/default"))
                .GET());
        return session;
    }

    /** The login's answer when Tasklist refused the user (e.g. no access to Tasklist), else null. */
    public Http.Response refusedLogin() {
        return login.status() == 200 ? null : login;
    }

    /** {@code path} below the engine API, e.g. {@code /task/…/complete}. */
    public Http.Response send(String method, String path, String json) {
        return call(method, base + "/api/engine/engine/default" + path, json, "X-XSRF-TOKEN", token());
    }

    /** {@code path} of mpgov itself (e.g. {@code /api/requests}), called as mpgov's own pages call it: the session, no password. */
    public Http.Response mpgov(String method, String path, String json) {
        return call(method, base.replace("/camunda", "") + path, json, "X-Requested-By", "mpgov");
    }

    private Http.Response call(String method, String url, String json, String header, String value) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url)).header(header, value).header("Accept", "application/json");
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return exchange(request.method(
                method,
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Signs out of the webapps, as their menu does. */
    public Http.Response signOut() {
        // The sign-in gave the session a new id; its CSRF token comes with the next read
        exchange(HttpRequest.newBuilder(URI.create(base + "/api/admin/auth/user/default"))
                .GET());
        return exchange(HttpRequest.newBuilder(URI.create(base + "/api/admin/auth/user/default/logout"))
                .header("X-XSRF-TOKEN", token())
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private String token() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue)
                .reduce((first, last) -> last)
                .orElseThrow(() -> new IllegalStateException("Tasklist handed out no XSRF token"));
    }

    private Http.Response exchange(HttpRequest.Builder request) {
        return Http.exchange(browser, request);
    }
}
