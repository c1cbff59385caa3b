package io.mpgov;

import static org.assertj.core.api.Assertions.assertThat;

import io.mpgov.support.Http;
import io.mpgov.support.PublicOfferScenario;
import io.mpgov.support.TasklistSession;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The persona table as a matrix: every demo user against every door of mpgov — its own /api, the
 * engine's /engine-rest and the login of each Camunda webapp. A user either may (the call succeeds or
 * shows them data) or may not (refused, or shown nothing); the table below is the whole truth, and
 * every cell is checked. Run in its own context, as it starts requests and reviews.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "mpgov.test.context=access-control")
@ActiveProfiles({"demo", "it"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessControlIT {

    static final List<String> USERS = List.of(
            "requester",
            "procurement-manager",
            "pmp-admin",
            "software-manager",
            "legal",
            "finance",
            "security",
            "auditor",
            "admin");
    static final Set<String> TASK_WORKERS =
            Set.of("requester", "procurement-manager", "pmp-admin", "software-manager", "legal", "finance", "security");

    @LocalServerPort
    int port;

    Http http;
    String requestId;

    /** What a call answers: whether the user got through, and the answer for the failure message. */
    record Outcome(boolean allowed, String answer) {}

    record Door(String name, Set<String> allowed, BiFunction<String, Integer, Outcome> call) {}

    @BeforeAll
    void aRequestOfTheRequester() {
        http = new Http(port);
        Http.Response created = http.post(
                "/api/requests", "requester", Http.json(PublicOfferScenario.publicRequest("prod-mngdbatlas001")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        requestId = created.json().get("requestId").asText();
    }

    @Test
    void everyPersonaPassesExactlyTheDoorsThePersonaTableOpensForIt() {
        String today = LocalDate.now().toString();
        List<Door> doors = List.of(
                // mpgov's API
                new Door(
                        "submit a request",
                        Set.of("requester"),
                        (user, n) -> status(
                                http.post(
                                        "/api/requests",
                                        user,
                                        Http.json(PublicOfferScenario.publicRequest("prod-pagerduty0001"))),
                                201)),
                new Door(
                        "read the requester's request",
                        Set.of("requester", "pmp-admin", "auditor", "admin"),
                        (user, n) -> status(http.get("/api/requests/" + requestId, user), 200)),
                new Door(
                        "dry-run the catalog review",
                        Set.of("pmp-admin", "procurement-manager", "auditor"),
                        (user, n) -> status(http.post("/api/reviews/catalog?dryRun=true", user, "{}"), 202)),
                new Door(
                        "run the catalog review",
                        Set.of("pmp-admin", "procurement-manager"),
                        (user, n) -> status(http.post("/api/reviews/catalog", user, "{}"), 202)),
                new Door(
                        "start an access review",
                        Set.of("security", "admin"),
                        (user, n) -> status(http.post("/api/reviews/access", user, "{}"), 202)),
                new Door(
                        "export audit evidence",
                        Set.of("auditor", "admin"),
                        (user, n) -> status(http.get("/api/audit/evidence?from=" + today + "&to=" + today, user), 200)),
                new Door(
                        "read the catalog dashboard",
                        Set.of("auditor", "procurement-manager", "pmp-admin", "admin"),
                        (user, n) -> status(http.get("/api/dashboard/catalog", user), 200)),
                // the engine's REST API
                new Door(
                        "see the procurement process",
                        union(TASK_WORKERS, Set.of("auditor", "admin")),
                        (user, n) ->
                                nonEmpty(http.get("/engine-rest/process-definition?key=procurement-request", user))),
                new Door(
                        "start a procurement request by the engine's API",
                        Set.of("requester", "admin"),
                        // An incomplete request: who may start gets as far as its check (400), the others are refused
                        // (403).
                        (user, n) -> status(
                                http.post(
                                        "/engine-rest/process-definition/key/procurement-request/start",
                                        user,
                                        "{\"variables\":{\"productId\":{\"value\":\"prod-x\"}}}"),
                                400)),
                new Door(
                        "start a PMP change by the engine's API",
                        Set.of("admin"),
                        (user, n) -> status(
                                http.post(
                                        "/engine-rest/process-definition/key/catalog-change/start",
                                        user,
                                        "{\"variables\":{\"productIds\":{\"value\":\"prod-x\"},\"changeType\":{\"value\":\"DenyProductProcurement\"}}}"),
                                200)),
                new Door(
                        "read request history",
                        Set.of("pmp-admin", "auditor", "admin"),
                        (user, n) -> nonEmpty(http.get(
                                "/engine-rest/history/process-instance?processDefinitionKey=procurement-request",
                                user))),
                new Door(
                        "see deployments",
                        Set.of("auditor", "admin"),
                        (user, n) -> nonEmpty(http.get("/engine-rest/deployment", user))),
                new Door(
                        "create a user",
                        Set.of("admin"),
                        (user, n) -> status(
                                http.post(
                                        "/engine-rest/user/create",
                                        user,
                                        "{\"profile\":{\"id\":\"intruder" + n + "\"},\"credentials\":{\"password\":\"x-"
                                                + n + "-secret\"}}"),
                                204)),
                new Door(
                        "grant an authorization",
                        Set.of("admin"),
                        (user, n) -> status(
                                http.post(
                                        "/engine-rest/authorization/create",
                                        user,
                                        "{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"" + user
                                                + "\",\"resourceType\":0,\"resourceId\":\"probe" + n + "\"}"),
                                200)),
                // the webapps
                new Door(
                        "log in to Tasklist",
                        union(TASK_WORKERS, Set.of("admin")),
                        (user, n) -> webappLogin("tasklist", user)),
                new Door(
                        "log in to Cockpit",
                        Set.of("pmp-admin", "software-manager", "auditor", "admin"),
                        (user, n) -> webappLogin("cockpit", user)),
                new Door("log in to Admin", Set.of("admin"), (user, n) -> webappLogin("admin", user)));

        List<String> wrong = new ArrayList<>();
        Map<String, Integer> checked = new LinkedHashMap<>();
        int n = 0;
        for (Door door : doors) {
            for (String user : USERS) {
                Outcome outcome = door.call().apply(user, ++n);
                boolean expected = door.allowed().contains(user);
                if (outcome.allowed() != expected) {
                    wrong.add(
                            user + (expected ? " may " : " may not ") + door.name() + " — but got " + outcome.answer());
                }
                checked.merge(door.name(), 1, Integer::sum);
            }
        }
        assertThat(wrong).as("cells of the persona table that do not hold").isEmpty();
        assertThat(checked.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(doors.size() * USERS.size());
    }

    @Test
    void theSessionSignedInToTasklistSignsInToTheApiTooUntilSignOut() {
        TasklistSession requester = TasklistSession.signIn(port, "requester");
        assertThat(requester.mpgov("GET", "/api/requests/" + requestId, null).status())
                .isEqualTo(200);
        TasklistSession auditor = TasklistSession.signIn(port, "auditor", "welcome");
        assertThat(auditor.mpgov("GET", "/api/requests/" + requestId, null).status())
                .isEqualTo(200);
        TasklistSession financeUser = TasklistSession.signIn(port, "finance");
        Http.Response financeAnswer = financeUser.mpgov("GET", "/api/requests/" + requestId, null);
        assertThat(financeAnswer.status())
                .as(financeAnswer.body())
                .as("the session gets what basic auth gets: finance may not read a public offer's request")
                .isEqualTo(http.get("/api/requests/" + requestId, "finance").status())
                .isEqualTo(404);

        assertThat(requester.signOut().status()).isEqualTo(200);
        Http.Response signedOut = requester.mpgov("GET", "/api/requests/" + requestId, null);
        assertThat(signedOut.status()).isEqualTo(401);
        // mpgov's pages show their own sign-in: a browser prompt would hang them
        assertThat(signedOut.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(http.get("/api/requests/" + requestId, null).headers().firstValue("WWW-Authenticate"))
                .hasValue("Basic realm=\"mpgov\"");
    }

    @Test
    void aRefusalSaysWhoWasRefusedWhat() {
        Http.Response refused = http.post("/api/reviews/catalog", "finance", "{}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("finance", "catalog review");
    }

    private static Outcome status(Http.Response response, int success) {
        return new Outcome(response.status() == success, response.status() + " " + abbreviated(response.body()));
    }

    /** Lists answer 200 either way: the persona may see the data when the list is not empty. */
    private static Outcome nonEmpty(Http.Response response) {
        return new Outcome(
                response.status() == 200 && !response.json().isEmpty(),
                response.status() + " " + abbreviated(response.body()));
    }

    /** Logs in as the webapp's login page does: with the CSRF token the webapp hands out first. */
    private Outcome webappLogin(String app, String user) {
        java.net.CookieManager cookies = new java.net.CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        String base = "http://127.0.0.1:" + port + "/camunda";
        try {
            browser.send(
                    HttpRequest.newBuilder(URI.create(base + "/app/" + app + "/default/"))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            String token = cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no CSRF token from the " + app + " page"))
                    .getValue();
            HttpResponse<String> response = browser.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/admin/auth/user/default/login/" + app))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("X-XSRF-TOKEN", token)
                            .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Outcome(
                    response.statusCode() == 200, response.statusCode() + " " + abbreviated(response.body()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviated(String body) {
        return body.length() > 160 ? body.substring(0, 160) + "…" : body;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
