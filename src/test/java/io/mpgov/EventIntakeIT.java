package io.mpgov;

import com.fasterxml.jackson.databind.JsonNode;
import io.mpgov.sandbox.Sandbox;
import io.mpgov.support.Http;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/events: Private Marketplace product requests from the sandbox's EventBridge, once each. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "it"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class EventIntakeIT {

    @LocalServerPort
    int port;
    @Autowired
    Sandbox sandbox;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcTemplate jdbc;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    HttpResponse<String> post(String body, String secret) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/events"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            request.header("X-Mpgov-Event-Secret", secret);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    String outcome(String eventId) {
        return jdbc.queryForObject("select outcome from mpgov_event_inbox where event_id = ?", String.class, eventId);
    }

    @Test
    void aProductRequestCreatedInThePmpStartsOneRequestForARequesterToComplete() throws Exception {
        Sandbox.Delivery created = sandbox.emitProductRequest(new Sandbox.ProductRequestEvent("prod-grafnaentp001", null, null, null));

        assertThat(created.status()).as(created.response()).isEqualTo(202);
        assertThat(created.response()).contains("\"status\":\"ACCEPTED\"");
        var instance = runtime.createProcessInstanceQuery().variableValueEquals("pmpRequestId", created.requestId()).singleResult();
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).taskCandidateGroup("requester").singleResult().getName())
                .isEqualTo("Complete product request");
        assertThat(runtime.getVariable(instance.getId(), "productTitle")).isEqualTo("Grafana Enterprise");
        assertThat(outcome(created.eventId())).isEqualTo("ACCEPTED");

        Sandbox.Delivery again = sandbox.emitProductRequest(new Sandbox.ProductRequestEvent("prod-grafnaentp001", null, created.requestId(), null));
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.response()).contains("IGNORED", "exists already");
        assertThat(runtime.createProcessInstanceQuery().variableValueEquals("pmpRequestId", created.requestId()).count()).isEqualTo(1);

        Sandbox.Delivery approved = sandbox.emitProductRequest(new Sandbox.ProductRequestEvent("prod-grafnaentp001", "Approved", created.requestId(), null));
        assertThat(approved.response()).contains("ACCEPTED", "Recorded APPROVED on 1 request");
        assertThat(runtime.getVariable(instance.getId(), "pmpRequestStatus")).isEqualTo("APPROVED");
    }

    @Test
    void theSameEventTwiceIsAcknowledgedButProcessedOnce() throws Exception {
        String event = """
                {"version":"0","id":"evt-dup-1","detail-type":"Product Request Created","source":"aws.private-marketplace",
                 "account":"111111111111","time":"2026-11-23T10:00:00Z","region":"us-east-1","resources":[],
                 "detail":{"requestId":"pmp-req-dup","product":{"id":"prod-trndmicro0001","title":"Trend Micro"},
                           "manufacturer":{"name":"Trend Micro"}}}""";

        assertThat(post(event, "demo-events-secret").statusCode()).isEqualTo(202);
        HttpResponse<String> second = post(event, "demo-events-secret");

        assertThat(second.statusCode()).isEqualTo(202);
        assertThat(second.body()).contains("DUPLICATE");
        assertThat(runtime.createProcessInstanceQuery().variableValueEquals("pmpRequestId", "pmp-req-dup").count()).isEqualTo(1);
    }

    @Test
    void malformedOrUnsupportedEventsAre400AndRecordedButProcessNothing() throws Exception {
        long before = runtime.createProcessInstanceQuery().count();

        HttpResponse<String> notJson = post("{not json", "demo-events-secret");
        HttpResponse<String> noProduct = post("""
                {"id":"evt-bad-1","source":"aws.private-marketplace","detail-type":"Product Request Created",
                 "detail":{"requestId":"pmp-req-x"}}""", "demo-events-secret");
        HttpResponse<String> unknownType = post("""
                {"id":"evt-bad-2","source":"aws.private-marketplace","detail-type":"Product Request Teleported",
                 "detail":{"requestId":"pmp-req-y"}}""", "demo-events-secret");

        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(noProduct.statusCode()).isEqualTo(400);
        assertThat(noProduct.body()).contains("detail.id is required");
        assertThat(unknownType.statusCode()).isEqualTo(400);
        assertThat(outcome("evt-bad-1")).isEqualTo("REJECTED");
        assertThat(outcome("evt-bad-2")).isEqualTo("REJECTED");
        assertThat(jdbc.queryForObject("select count(*) from mpgov_event_inbox where event_id like 'malformed-%'", Integer.class)).isPositive();
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(before);
    }

    @Test
    void withoutTheSharedSecretNothingIsRecorded() throws Exception {
        String event = "{\"id\":\"evt-nosecret\",\"source\":\"aws.private-marketplace\",\"detail-type\":\"Product Request Created\",\"detail\":{}}";

        assertThat(post(event, null).statusCode()).isEqualTo(401);
        assertThat(post(event, "guess").statusCode()).isEqualTo(401);
        assertThat(jdbc.queryForObject("select count(*) from mpgov_event_inbox where event_id = 'evt-nosecret'", Integer.class)).isZero();
        assertThat(http.get("/api/requests/PR-X", null).status()).as("the rest of /api still wants a user").isEqualTo(401);
    }

    @Autowired
    io.mpgov.events.EventInboxCleanup cleanup;

    @Test
    void eventsOlderThanTheRetentionLeaveTheInboxAndNewerOnesStay() throws Exception {
        jdbc.update("insert into mpgov_event_inbox (event_id, source, detail_type, received_at, outcome, note, payload) values "
                + "('ancient-event', 'aws.private-marketplace', 'Product Request Created', ?, 'ACCEPTED', 'old', '{}')",
                java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(3001))));
        sandbox.emitProductRequest(new Sandbox.ProductRequestEvent("prod-grafnaentp001", null, null, null));
        int before = jdbc.queryForObject("select count(*) from mpgov_event_inbox", Integer.class);

        assertThat(cleanup.cleanUp()).isEqualTo(1);

        assertThat(jdbc.queryForObject("select count(*) from mpgov_event_inbox where event_id = 'ancient-event'", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from mpgov_event_inbox", Integer.class)).isEqualTo(before - 1);
    }
}
