package io.mpgov;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mpgov.sandbox.DemoOrganization;
import io.mpgov.support.Http;
import io.mpgov.support.PublicOfferScenario;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * A corpus of bad input (src/test/resources/hostile-input/) against POST /api/requests and POST
 * /api/events: each is refused with a 4xx that names the problem, starts nothing, and never echoes markup.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "it"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class HostileInputIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String OPEN_PRODUCT = "prod-grafnaentp001";
    static final List<String> MARKUP = List.of("<script", "<img", "<svg", "<iframe", "<b>");

    @LocalServerPort
    int port;

    @Autowired
    HistoryService history;

    @Autowired
    JdbcTemplate jdbc;

    final HttpClient client = HttpClient.newHttpClient();
    boolean openRequestExists;

    @BeforeEach
    void anOpenRequest() {
        if (!openRequestExists
                && history.createHistoricProcessInstanceQuery()
                                .processDefinitionKey("procurement-request")
                                .variableValueEquals("productId", OPEN_PRODUCT)
                                .count()
                        == 0) {
            var request = PublicOfferScenario.publicRequest(OPEN_PRODUCT);
            assertThat(new Http(port)
                            .post("/api/requests", "requester", Http.json(request))
                            .status())
                    .isEqualTo(201);
        }
        openRequestExists = true;
    }

    static ArrayNode corpus(String name) throws IOException {
        try (InputStream in = HostileInputIT.class.getResourceAsStream("/hostile-input/" + name)) {
            return (ArrayNode) JSON.readTree(in);
        }
    }

    long requestsStarted() {
        return history.createHistoricProcessInstanceQuery().count();
    }

    HttpResponse<String> post(String path, String body, String authorization, String secret) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(authorization.getBytes()));
        }
        if (secret != null && !secret.isEmpty()) {
            request.header("X-Mpgov-Event-Secret", secret);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    void refused(JsonNode c, HttpResponse<String> response, long startedBefore) {
        assertThat(response.statusCode())
                .as(c.path("name").asText() + ": " + response.body())
                .isEqualTo(c.path("status").asInt());
        if (c.has("mentions")) {
            assertThat(response.body())
                    .as(c.path("name").asText())
                    .contains(c.path("mentions").asText());
        }
        assertThat(response.body()).as("no markup echoed").doesNotContain(MARKUP);
        assertThat(requestsStarted())
                .as(c.path("name").asText() + ": nothing started")
                .isEqualTo(startedBefore);
    }

    @TestFactory
    Stream<DynamicTest> badRequestsAreRefusedByName() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : corpus("requests.json")) {
            tests.add(DynamicTest.dynamicTest(c.path("name").asText(), () -> {
                long before = requestsStarted();
                refused(c, post("/api/requests", requestBody(c), "requester:demo", null), before);
            }));
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(50);
        return tests.stream();
    }

    /**
     * The same bad requests through the engine's own doors, as Tasklist's start form sends them: refused in the
     * submitting transaction with a 4xx, nothing started, no markup echoed.
     */
    @TestFactory
    Stream<DynamicTest> badRequestsThroughTheEnginesSubmitFormStartNothing() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : corpus("requests.json")) {
            if (c.has("raw") || c.has("jsonOnly") || c.path("status").asInt() != 400) {
                continue;
            }
            for (String door : List.of("submit-form", "start")) {
                tests.add(DynamicTest.dynamicTest(door + ": " + c.path("name").asText(), () -> {
                    long before = requestsStarted();
                    HttpResponse<String> response = post(
                            "/engine-rest/process-definition/key/procurement-request/" + door,
                            submitForm(JSON.readTree(requestBody(c))),
                            "requester:demo",
                            null);
                    assertThat(response.statusCode())
                            .as(c.path("name").asText() + ": " + response.body())
                            .isBetween(400, 403);
                    if (response.statusCode() == 400) {
                        assertThat(response.body())
                                .as("mpgov's message, without the engine's prefix")
                                .contains("Please correct the request")
                                .doesNotContain("Cannot instantiate");
                    }
                    assertThat(response.body()).as("no markup echoed").doesNotContain(MARKUP);
                    assertThat(requestsStarted())
                            .as(c.path("name").asText() + ": nothing started")
                            .isEqualTo(before);
                }));
            }
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(80);
        return tests.stream();
    }

    /** A request as the start form submits it: one variable per field, account ids as the form's text. */
    static String submitForm(JsonNode request) {
        ObjectNode variables = JSON.createObjectNode();
        request.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (value.isArray()) {
                List<String> items = new ArrayList<>();
                value.forEach(item -> items.add(item.asText()));
                value = JSON.getNodeFactory().textNode(String.join(", ", items));
            }
            variables.putObject(field.getKey()).set("value", value);
        });
        ObjectNode body = JSON.createObjectNode();
        body.set("variables", variables);
        return body.toString();
    }

    @TestFactory
    Stream<DynamicTest> badEventsAreRefusedAndRecordedNotActedOn() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : corpus("events.json")) {
            tests.add(DynamicTest.dynamicTest(c.path("name").asText(), () -> {
                long before = requestsStarted();
                int accepted = jdbc.queryForObject(
                        "select count(*) from mpgov_event_inbox where outcome = 'ACCEPTED'", Integer.class);
                String body = c.has("raw")
                        ? c.path("raw").asText()
                        : c.has("longId")
                                ? JSON.writeValueAsString(JSON.createObjectNode()
                                        .put("id", "x".repeat(c.path("longId").asInt()))
                                        .put("source", "aws.ec2")
                                        .put("detail-type", "x")
                                        .set("detail", JSON.createObjectNode()))
                                : JSON.writeValueAsString(c.path("event"));
                String secret = c.has("secret") ? c.path("secret").asText() : "demo-events-secret";
                refused(c, post("/api/events", body, null, secret), before);
                assertThat(jdbc.queryForObject(
                                "select count(*) from mpgov_event_inbox where outcome = 'ACCEPTED'", Integer.class))
                        .isEqualTo(accepted);
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> badTaskCompletionsAreRefusedAndTheTaskStaysOpen() throws IOException {
        // A request waiting for the PMP admin's review: every bad completion must leave it waiting.
        Http http = new Http(port);
        String instance = http.post(
                        "/api/requests",
                        "requester",
                        Http.json(PublicOfferScenario.publicRequest("prod-tblaucloud001")))
                .json()
                .path("processInstanceId")
                .asText();
        String task = org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(
                        () -> {
                            JsonNode tasks = http.get("/engine-rest/task?processInstanceId=" + instance, "pmp-admin")
                                    .json();
                            return tasks.isEmpty()
                                    ? null
                                    : tasks.get(0).path("id").asText();
                        },
                        id -> id != null);
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : corpus("task-completions.json")) {
            tests.add(DynamicTest.dynamicTest(c.path("name").asText(), () -> {
                long before = requestsStarted();
                ObjectNode body = JSON.createObjectNode();
                if (c.has("longComment")) {
                    body.putObject("variables")
                            .set("decision", JSON.createObjectNode().put("value", "APPROVE"));
                    ((ObjectNode) body.path("variables"))
                            .set(
                                    "comment",
                                    JSON.createObjectNode()
                                            .put(
                                                    "value",
                                                    "c"
                                                            .repeat(c.path("longComment")
                                                                    .asInt())));
                } else {
                    body.set("variables", c.path("variables"));
                }
                String payload = c.has("raw") ? c.path("raw").asText() : JSON.writeValueAsString(body);
                refused(c, post("/engine-rest/task/" + task + "/complete", payload, "pmp-admin:demo", null), before);
                assertThat(http.get("/engine-rest/task/" + task, "pmp-admin").status())
                        .as("the task is still open")
                        .isEqualTo(200);
            }));
        }
        return tests.stream();
    }

    /** The case applied to a valid public request: fields set, removed or blown up, or a raw body. */
    static String requestBody(JsonNode c) throws IOException {
        if (c.has("raw")) {
            return c.path("raw").asText();
        }
        ObjectNode request =
                JSON.valueToTree(PublicOfferScenario.publicRequest(DemoOrganization.PRODUCT_NOT_YET_ALLOWED));
        if (c.path("duplicate").asBoolean()) {
            request.put("productId", OPEN_PRODUCT);
        }
        c.path("remove").forEach(field -> request.remove(field.asText()));
        c.path("set").fields().forEachRemaining(e -> request.set(e.getKey(), e.getValue()));
        JsonNode repeat = c.path("repeat");
        if (!repeat.isMissingNode()) {
            request.put(
                    repeat.path("field").asText(),
                    repeat.path("prefix").asText("")
                            + repeat.path("char")
                                    .asText()
                                    .repeat(repeat.path("times").asInt())
                            + repeat.path("suffix").asText(""));
        }
        JsonNode list = c.path("repeatList");
        if (!list.isMissingNode()) {
            ArrayNode values = request.putArray(list.path("field").asText());
            for (int i = 0; i < list.path("times").asInt(); i++) {
                values.add(list.path("value").asText());
            }
        }
        return JSON.writeValueAsString(request);
    }
}
