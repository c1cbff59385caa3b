package io.mpgov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mpgov.sandbox.Sandbox;
import io.mpgov.sandbox.SandboxState;
import io.mpgov.support.Http;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
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

/** POST /api/events: Private Marketplace product requests from the sandbox's EventBridge, once each. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "it"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class EventIntakeIT {

    @LocalServerPort
    int port;

    @Autowired
    ManagementService management;

    @Autowired
    Sandbox sandbox;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    HistoryService history;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    HttpResponse<String> post(String body, String secret) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/events"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
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
        Sandbox.Delivery created =
                sandbox.emitProductRequest(new Sandbox.ProductRequestEvent("prod-grafnaentp001", null, null, null));

        assertThat(created.status()).as(created.response()).isEqualTo(202);
        assertThat(created.response()).contains("\"status\":\"ACCEPTED\"");
        var instance = runtime.createProcessInstanceQuery()
                .variableValueEquals("pmpRequestId", created.requestId())
                .singleResult();
        assertThat(tasks.createTaskQuery()
                        .processInstanceId(instance.getId())
                        .taskCandidateGroup("requester")
                        .singleResult()
                        .getName())
                .isEqualTo("Complete product request: Grafana Enterprise — " + instance.getBusinessKey());
        assertThat(runtime.getVariable(instance.getId(), "productTitle")).isEqualTo("Grafana Enterprise");
        assertThat(outcome(created.eventId())).isEqualTo("ACCEPTED");

        Sandbox.Delivery again = sandbox.emitProductRequest(
                new Sandbox.ProductRequestEvent("prod-grafnaentp001", null, created.requestId(), null));
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.response()).contains("IGNORED", "exists already");
        assertThat(runtime.createProcessInstanceQuery()
                        .variableValueEquals("pmpRequestId", created.requestId())
                        .count())
                .isEqualTo(1);

        Sandbox.Delivery approved = sandbox.emitProductRequest(
                new Sandbox.ProductRequestEvent("prod-grafnaentp001", "Approved", created.requestId(), null));
        assertThat(approved.response()).contains("ACCEPTED", "Recorded APPROVED on 1 request");
        assertThat(runtime.getVariable(instance.getId(), "pmpRequestStatus")).isEqualTo("APPROVED");
    }

    @Test
    void aPmpRequestCancelledOrExpiredClosesItsRequestWithAMailUnlessItCommittedInAws() throws Exception {
        Sandbox.Delivery open =
                sandbox.emitProductRequest(new Sandbox.ProductRequestEvent("prod-trndmicro0001", null, null, null));
        var instance = runtime.createProcessInstanceQuery()
                .variableValueEquals("pmpRequestId", open.requestId())
                .singleResult();
        String waiting = instance.getId();

        Sandbox.Delivery cancelled = sandbox.emitProductRequest(
                new Sandbox.ProductRequestEvent("prod-trndmicro0001", "Cancelled", open.requestId(), null));

        assertThat(cancelled.status()).as(cancelled.response()).isEqualTo(202);
        assertThat(cancelled.response()).contains("ACCEPTED", "Closed", "CANCELLED");
        assertThat(outcome(cancelled.eventId())).isEqualTo("ACCEPTED");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(history.createHistoricActivityInstanceQuery()
                            .processInstanceId(waiting)
                            .activityId("EndEvent_PmpRequestClosed")
                            .finished()
                            .count())
                    .isOne();
            assertThat(history.createHistoricProcessInstanceQuery()
                            .processInstanceId(waiting)
                            .finished()
                            .count())
                    .isOne();
            assertThat(sandbox.<List<String>>read(s ->
                            s.emails.stream().map(SandboxState.Email::subject).toList()))
                    .anyMatch(subject -> subject.contains("was closed") && subject.contains("CANCELLED"));
        });
        assertThat(tasks.createTaskQuery().processInstanceId(waiting).count())
                .as("its open task is gone")
                .isZero();
        assertThat(http.get("/api/requests/" + instance.getBusinessKey(), "auditor")
                        .json()
                        .path("outcome")
                        .asText())
                .isEqualTo("EndEvent_PmpRequestClosed");

        Sandbox.Delivery again = sandbox.emitProductRequest(
                new Sandbox.ProductRequestEvent("prod-trndmicro0001", "Expired", open.requestId(), null));
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.response()).contains("IGNORED", "No open request");

        // A request whose offer the procurement manager is accepting has committed in AWS: an expiry does not end it.
        Sandbox.Delivery committed =
                sandbox.emitProductRequest(new Sandbox.ProductRequestEvent("prod-jfrogartif001", null, null, null));
        String accepting = runtime.createProcessInstanceQuery()
                .variableValueEquals("pmpRequestId", committed.requestId())
                .singleResult()
                .getId();
        runtime.createProcessInstanceModification(accepting)
                .cancelAllForActivity("Task_CompletePmpRequest")
                .startBeforeActivity("Task_AcceptPrivateOffer")
                .execute();
        Sandbox.Delivery expired = sandbox.emitProductRequest(
                new Sandbox.ProductRequestEvent("prod-jfrogartif001", "Expired", committed.requestId(), null));
        assertThat(expired.status()).isEqualTo(202);
        assertThat(expired.response()).contains("IGNORED", "committed in AWS already");
        assertThat(tasks.createTaskQuery()
                        .processInstanceId(accepting)
                        .taskDefinitionKey("Task_AcceptPrivateOffer")
                        .count())
                .isOne();
        // the task's mail goes by a job of its own: deleting the request while it runs would collide with it
        await().atMost(Duration.ofSeconds(30))
                .until(() -> management.createJobQuery().executable().count() == 0);
        runtime.deleteProcessInstance(accepting, "test done");
    }

    @Test
    void knownAwsEventsThatNeedNoActionAreRecordedAndAnswered2xx() throws Exception {
        String event = """
                {"version":"0","id":"evt-consumption-1","detail-type":"License Consumption Change","source":"aws.license-manager",
                 "account":"111111111111","time":"2026-11-23T10:00:00Z","region":"us-east-1","resources":[],"detail":{}}""";

        HttpResponse<String> response = post(event, "demo-events-secret");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(outcome("evt-consumption-1")).isEqualTo("IGNORED");
    }

    @Test
    void aCompletedAccountClosureReconcilesThatAccount() throws Exception {
        String event = """
                {"version":"0","id":"evt-closed-1","detail-type":"AWS Service Event via CloudTrail","source":"aws.organizations",
                 "account":"111111111111","time":"2026-11-23T10:00:00Z","region":"us-east-1","resources":[],
                 "detail":{"eventName":"CloseAccountResult","serviceEventDetails":{"closeAccountStatus":{"accountId":"410987654322"}}}}""";

        HttpResponse<String> response = post(event, "demo-events-secret");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(response.body()).contains("Reconciling the grants of account 410987654322");
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
        assertThat(runtime.createProcessInstanceQuery()
                        .variableValueEquals("pmpRequestId", "pmp-req-dup")
                        .count())
                .isEqualTo(1);
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
        assertThat(jdbc.queryForObject(
                        "select count(*) from mpgov_event_inbox where event_id like 'malformed-%'", Integer.class))
                .isPositive();
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(before);
    }

    @Test
    void withoutTheSharedSecretNothingIsRecorded() throws Exception {
        String event =
                "{\"id\":\"evt-nosecret\",\"source\":\"aws.private-marketplace\",\"detail-type\":\"Product Request Created\",\"detail\":{}}";

        assertThat(post(event, null).statusCode()).isEqualTo(401);
        assertThat(post(event, "guess").statusCode()).isEqualTo(401);
        assertThat(jdbc.queryForObject(
                        "select count(*) from mpgov_event_inbox where event_id = 'evt-nosecret'", Integer.class))
                .isZero();
        assertThat(http.get("/api/requests/PR-X", null).status())
                .as("the rest of /api still wants a user")
                .isEqualTo(401);
    }

    @Autowired
    io.mpgov.events.EventInboxCleanup cleanup;

    @Test
    void eventsOlderThanTheRetentionLeaveTheInboxAndNewerOnesStay() throws Exception {
        jdbc.update(
                "insert into mpgov_event_inbox (event_id, source, detail_type, received_at, outcome, note, payload) values "
                        + "('ancient-event', 'aws.private-marketplace', 'Product Request Created', ?, 'ACCEPTED', 'old', '{}')",
                java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(3001))));
        sandbox.emitProductRequest(new Sandbox.ProductRequestEvent("prod-grafnaentp001", null, null, null));
        int before = jdbc.queryForObject("select count(*) from mpgov_event_inbox", Integer.class);

        assertThat(cleanup.cleanUp()).isEqualTo(1);

        assertThat(jdbc.queryForObject(
                        "select count(*) from mpgov_event_inbox where event_id = 'ancient-event'", Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from mpgov_event_inbox", Integer.class))
                .isEqualTo(before - 1);
    }
}
