package io.mpgov;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
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

    @Autowired
    HistoryService history;

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
                        Set.of("requester", "procurement-manager", "pmp-admin", "auditor", "admin"),
                        (user, n) -> status(http.get("/api/requests/" + requestId, user), 200)),
                new Door(
                        "find the requester's request in the list of requests",
                        Set.of("requester", "procurement-manager", "pmp-admin", "auditor", "admin"),
                        (user, n) -> listed(http.get("/api/requests?size=100", user), requestId)),
                new Door(
                        "dry-run the catalog review",
                        Set.of("pmp-admin", "procurement-manager", "auditor", "admin"),
                        (user, n) -> status(http.post("/api/reviews/catalog?dryRun=true", user, "{}"), 202)),
                new Door(
                        "run the catalog review",
                        Set.of("pmp-admin", "procurement-manager", "admin"),
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
                        Set.of("procurement-manager", "pmp-admin", "auditor", "admin"),
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
    void aPageOutsideCamundaReadsItsSessionsCsrfTokenBackToSignOut() throws Exception {
        java.net.CookieManager cookies = new java.net.CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        String base = "http://127.0.0.1:" + port;
        String auth = base + "/camunda/api/admin/auth/user/default";
        // The session's token, made by the first read; Camunda hands it out once, in a cookie for /camunda only.
        HttpResponse<Void> first =
                browser.send(HttpRequest.newBuilder(URI.create(auth)).build(), HttpResponse.BodyHandlers.discarding());
        String made = first.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        HttpResponse<Void> again = browser.send(
                HttpRequest.newBuilder(URI.create(auth))
                        .header("X-XSRF-TOKEN", "Fetch")
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(again.headers().firstValue("X-XSRF-TOKEN"))
                .as("Camunda does not hand a session's token out twice")
                .isEmpty();
        java.util.function.Supplier<String> heldToken = () -> {
            try {
                return new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(browser.send(
                                        HttpRequest.newBuilder(URI.create(base + "/api/session/csrf-token"))
                                                .header("X-Requested-By", "mpgov")
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .body())
                        .path("token")
                        .asText();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };
        assertThat(heldToken.get()).isEqualTo(made);

        HttpResponse<String> signedIn = browser.send(
                HttpRequest.newBuilder(URI.create(auth + "/login/welcome"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-XSRF-TOKEN", heldToken.get())
                        .POST(HttpRequest.BodyPublishers.ofString("username=requester&password=demo"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        browser.send(HttpRequest.newBuilder(URI.create(auth)).build(), HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> signedOut = browser.send(
                HttpRequest.newBuilder(URI.create(auth + "/logout"))
                        .header("X-XSRF-TOKEN", heldToken.get())
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedOut.statusCode()).as(signedOut.body()).isEqualTo(200);
        assertThat(browser.send(
                                HttpRequest.newBuilder(URI.create(auth)).build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode())
                .as("signed out")
                .isEqualTo(404);

        Http.Response stranger = http.get("/api/session/csrf-token", null);
        assertThat(stranger.status()).isEqualTo(200);
        assertThat(stranger.json().has("token")).as("no session, no token").isFalse();
    }

    @Test
    void aRefusalSaysWhoWasRefusedWhat() {
        Http.Response refused = http.post("/api/reviews/catalog", "finance", "{}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("finance", "catalog review");
    }

    @Test
    void theListsShowEachPersonaExactlyTheRequestsAndTasksItMaySee() {
        Http.Response other = http.post(
                "/api/requests", "requester2", Http.json(PublicOfferScenario.publicRequest("prod-jfrogartif001")));
        assertThat(other.status()).as(other.body()).isEqualTo(201);
        String othersRequest = other.json().get("requestId").asText();
        long all = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey("procurement-request")
                .count();

        for (String user : USERS) {
            JsonNode list = http.get("/api/requests?size=100", user).json();
            List<String> ids = ids(list, "requestId");
            assertThat(list.get("total").asLong())
                    .as(user + ": the total counts what the list shows")
                    .isEqualTo(ids.size());
            switch (user) {
                case "requester" -> {
                    assertThat(ids)
                            .as("the requester's own, and only those")
                            .contains(requestId)
                            .doesNotContain(othersRequest);
                    assertThat(list.get("items"))
                            .allSatisfy(
                                    r -> assertThat(r.get("startedBy").asText()).isEqualTo("requester"));
                    assertThat(list.get("allVisible").asBoolean()).isFalse();
                }
                case "procurement-manager", "pmp-admin", "auditor", "admin" -> {
                    assertThat(ids)
                            .as(user + " sees every request")
                            .hasSize((int) all)
                            .contains(requestId, othersRequest);
                    assertThat(list.get("allVisible").asBoolean()).isTrue();
                }
                default ->
                    assertThat(ids)
                            .as(user + " started no request and may read none")
                            .isEmpty();
            }
        }
        assertThat(ids(http.get("/api/requests?size=100", "requester2").json(), "requestId"))
                .containsExactly(othersRequest);
        assertThat(ids(http.get("/api/requests?size=100&mine=true", "auditor").json(), "requestId"))
                .as("mine: the auditor's own, none")
                .isEmpty();
        for (String trick : List.of(
                "mine=false",
                "state=all",
                "startedBy=requester2",
                "initiator=requester2",
                "user=requester2",
                "requestId=" + othersRequest,
                "processInstanceBusinessKey=" + othersRequest,
                "mine=false&mine=false",
                "state=open&variables=initiator_eq_requester2")) {
            Http.Response answer = http.get("/api/requests?size=100&" + trick, "requester");
            assertThat(answer.status()).as(trick).isIn(200, 400);
            if (answer.status() == 200) {
                assertThat(ids(answer.json(), "requestId")).as(trick).doesNotContain(othersRequest);
                assertThat(answer.json().get("total").asLong()).as(trick).isLessThan(all);
            }
        }

        JsonNode reviews = http.get("/api/tasks?size=100", "pmp-admin").json();
        assertThat(reviews.get("items"))
                .as("the PMP administrators' review of the requester's request waits for pmp-admin")
                .anySatisfy(t -> {
                    assertThat(t.get("requestId").asText()).isEqualTo(requestId);
                    assertThat(t.get("name").asText()).startsWith("Review public offer");
                    assertThat(t.get("productId").asText()).isEqualTo("prod-mngdbatlas001");
                    assertThat(t.get("tasklistUrl").asText())
                            .isEqualTo("/camunda/app/tasklist/default/#/?task="
                                    + t.get("taskId").asText());
                });
        for (String user : List.of("requester", "requester2", "finance", "auditor", "software-manager")) {
            assertThat(ids(http.get("/api/tasks?size=100", user).json(), "requestId"))
                    .as(user + ": the review is not theirs")
                    .doesNotContain(requestId, othersRequest);
        }
        JsonNode view = http.get("/api/requests/" + requestId, "requester").json();
        assertThat(view.get("status").asText()).isEqualTo("Waiting for review by a PMP administrator");
        assertThat(view.get("waitingFor")).singleElement().satisfies(w -> {
            assertThat(w.get("candidateGroups")).extracting(JsonNode::asText).containsExactly("pmp-admin");
            assertThat(w.has("tasklistUrl"))
                    .as("the requester may not work it: no link")
                    .isFalse();
        });
        assertThat(http.get("/api/requests/" + requestId, "pmp-admin")
                        .json()
                        .get("waitingFor")
                        .get(0)
                        .get("tasklistUrl")
                        .asText())
                .startsWith("/camunda/app/tasklist/default/#/?task=");
    }

    @Test
    void pagesAreStableNewestFirstAndHostilePagingIsAClearRefusal() {
        List<String> whole = ids(http.get("/api/requests?size=100", "auditor").json(), "requestId");
        List<String> paged = new ArrayList<>();
        for (int page = 0; page < whole.size(); page++) {
            JsonNode one =
                    http.get("/api/requests?size=1&page=" + page, "auditor").json();
            assertThat(one.get("page").asInt()).isEqualTo(page);
            assertThat(one.get("total").asInt()).isEqualTo(whole.size());
            paged.addAll(ids(one, "requestId"));
        }
        assertThat(paged).isEqualTo(whole);
        List<String> started = new ArrayList<>();
        http.get("/api/requests?size=100", "auditor")
                .json()
                .get("items")
                .forEach(r -> started.add(r.get("startedAt").asText()));
        assertThat(started).as("newest first").isSortedAccordingTo(java.util.Comparator.reverseOrder());

        for (String endpoint : List.of("/api/requests", "/api/tasks")) {
            for (String hostile : List.of(
                    "page=-1",
                    "size=0",
                    "size=101",
                    "size=-5",
                    "page=abc",
                    "size=1e3",
                    "page=0x10",
                    "page=99999999999999999999",
                    "page=999999999&size=100",
                    "size=20&size=30",
                    "page=",
                    "size=%20")) {
                Http.Response answer = http.get(endpoint + "?" + hostile, "auditor");
                assertThat(answer.status())
                        .as(endpoint + "?" + hostile + " → " + answer.body())
                        .isEqualTo(400);
                assertThat(answer.contentType()).contains("problem+json");
                assertThat(answer.json().get("detail").asText()).containsAnyOf("page must", "size must");
            }
        }
        for (String hostile :
                List.of("state=running", "state=%3Cscript%3Ealert(1)%3C/script%3E", "mine=yes", "mine=1")) {
            Http.Response answer = http.get("/api/requests?" + hostile, "requester");
            assertThat(answer.status()).as(hostile + " → " + answer.body()).isEqualTo(400);
            assertThat(answer.body()).doesNotContain("<script");
        }
        assertThat(http.get("/api/requests", null).status()).isEqualTo(401);
        assertThat(http.get("/api/tasks", null).status()).isEqualTo(401);
    }

    private static List<String> ids(JsonNode page, String field) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.path(field).asText()));
        return ids;
    }

    private static Outcome listed(Http.Response response, String requestId) {
        return new Outcome(
                response.status() == 200 && ids(response.json(), "requestId").contains(requestId),
                response.status() + " " + abbreviated(response.body()));
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
