package io.mpgov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mpgov.sandbox.Knobs;
import io.mpgov.sandbox.Sandbox;
import io.mpgov.support.Http;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** What operations sees: health of the database and of AWS, and metrics of AWS calls, throttles, grants and requests. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "it"})
@AutoConfigureObservability(tracing = false)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ObservabilityIT {

    @LocalServerPort
    int port;

    @Autowired
    Sandbox sandbox;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Test
    void throttledGrantsShowInTheMetricsAndTheDistributionStillCompletes() {
        Http http = new Http(port);
        // AWS refuses two grant writes for rate, as License Manager does when its limit is exceeded; the SDK retries
        // them. A fixed number, not a tight rate limit: how many calls meet a limit depends on the machine's speed.
        Knobs.Fault throttle = new Knobs.Fault();
        throttle.operation = "CreateGrant";
        throttle.errorCode = "RateLimitExceededException";
        throttle.httpStatus = 400;
        throttle.setTimes(2);
        sandbox.knobs().faults.add(throttle);
        try {
            // Splunk (an AMI product: its license can be shared) to the technology OU's five accounts, one grant each.
            String id = runtime.startProcessInstanceByKey(
                            "license-distribution",
                            Map.of(
                                    "productId",
                                    "prod-splkenterp001",
                                    "targetAccountIds",
                                    "410987654321,410987654322,410987654323,410987654324,410987654325"))
                    .getId();
            // Done in seconds: the SDK's retries outlast two refusals.
            await().atMost(Duration.ofMinutes(3))
                    .until(() -> history.createHistoricProcessInstanceQuery()
                                    .processInstanceId(id)
                                    .finished()
                                    .count()
                            == 1);
        } finally {
            sandbox.knobs().faults.remove(throttle);
        }

        String metrics = http.get("/actuator/prometheus", null).body();
        assertThat(metrics)
                .containsPattern(
                        "mpgov_aws_calls_seconds_count\\{[^}]*operation=\"CreateGrant\"[^}]*outcome=\"success\"")
                .containsPattern("mpgov_aws_throttles_total\\{[^}]*operation=\"CreateGrant\"[^}]*} [1-9]")
                .containsPattern("mpgov_aws_attempts_total\\{[^}]*operation=\"CreateGrant\"")
                // At least the five accounts of the OU; a batch that ran out of SDK retries runs again (idempotently).
                .containsPattern(
                        "mpgov_grant_writes_total\\{action=\"GRANT\",outcome=\"success\"} ([5-9]|[1-9][0-9])\\.0")
                .containsPattern("mpgov_requests\\{state=\"open\"} [0-9]");
    }

    @Test
    void healthNamesTheDatabaseAndAws() {
        String health = new Http(port).get("/actuator/health", null).body();

        assertThat(health).contains("\"status\":\"UP\"", "\"db\":{\"status\":\"UP\"", "\"aws\":{\"status\":\"UP\"");
    }
}
