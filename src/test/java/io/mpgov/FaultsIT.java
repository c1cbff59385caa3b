package io.mpgov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.mpgov.sandbox.Knobs;
import io.mpgov.support.Http;
import io.mpgov.support.PublicOfferScenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The public path through an unreliable AWS: the sandbox throttles a fifth of all calls, fails one in
 * twenty with a server error and adds latency jitter. Every request still ends with its product in the
 * PMP; a persistent failure becomes an incident that says why, and "retry" (as in Cockpit) finishes it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "it"})
@AutoConfigureObservability(tracing = false)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class FaultsIT extends PublicOfferScenario {

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @AfterEach
    void calm() {
        sandbox.knobs().faults.clear();
        sandbox.knobs().latencyJitterMillis = 0;
    }

    static Knobs.Fault fault(String operation, String errorCode, int status, double probability) {
        Knobs.Fault fault = new Knobs.Fault();
        fault.operation = operation;
        fault.errorCode = errorCode;
        fault.httpStatus = status;
        fault.probability = probability;
        return fault;
    }

    static double sum(String metrics, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*} ([0-9.E]+)$").matcher(metrics);
        double total = 0;
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
        }
        return total;
    }

    @Test
    void everyRequestCompletesThroughThrottlingServerErrorsAndLatency() {
        sandbox.knobs().faults.add(fault("*", "ThrottlingException", 400, 0.20));
        sandbox.knobs().faults.add(fault("*", "InternalServiceException", 500, 0.05));
        sandbox.knobs().latencyJitterMillis = 200;

        List<String> requests = new ArrayList<>();
        for (String product :
                List.of("prod-mngdbatlas001", "prod-trndmicro0001", "prod-jfrogartif001", "prod-tblaucloud001")) {
            JsonNode created = submitAsAClientThatHonoursRetryAfter(publicRequest(product));
            // A check that hits faults on every SDK attempt is a failed job, retried 30 s later (R5/PT30S): wait out
            // a few of those, as the completions below do.
            String task =
                    awaitTask(created.get("processInstanceId").asText(), "pmp-admin", "", Duration.ofSeconds(120));
            assertThat(complete(task, "pmp-admin", "APPROVE", "fine").status()).isEqualTo(204);
            requests.add(created.get("requestId").asText());
        }
        for (String request : requests) {
            await().atMost(Duration.ofSeconds(120))
                    .until(() -> "COMPLETED"
                            .equals(http.get("/api/requests/" + request, "requester")
                                    .json()
                                    .path("state")
                                    .asText()));
        }

        assertThat(sandbox.<List<String>>read(s -> List.copyOf(s.experiences.get(0).allowedProducts)))
                .contains("prod-mngdbatlas001", "prod-trndmicro0001", "prod-jfrogartif001", "prod-tblaucloud001");
        String metrics = http.get("/actuator/prometheus", null).body();
        assertThat(sum(metrics, "mpgov_aws_throttles_total"))
                .as("throttles show")
                .isPositive();
        assertThat(sum(metrics, "mpgov_aws_attempts_total"))
                .as("retries show: more attempts than calls")
                .isGreaterThan(sum(metrics, "mpgov_aws_calls_seconds_count"));
    }

    /**
     * The submission checks the target accounts in AWS while it is called, so under this much throttling
     * it may answer 503 (nothing started) after the SDK's own retries; a client then tries again.
     */
    JsonNode submitAsAClientThatHonoursRetryAfter(Map<String, Object> request) {
        Http.Response created = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> http.post("/api/requests", "requester", Http.json(request)),
                        response -> response.status() != 503);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    @Test
    void aPersistentFailureBecomesAnIncidentThatSaysWhyAndRetryFinishesIt() {
        sandbox.knobs().faults.add(fault("StartChangeSet", "AccessDeniedException", 403, 1.0));
        JsonNode created = submit("requester", publicRequest("prod-grafnaentp001"));
        String task = awaitTask(created.get("processInstanceId").asText(), "pmp-admin");
        complete(task, "pmp-admin", "APPROVE", "fine");

        // Fast-forward the job's automatic retries: its last attempt fails like the ones before would. Only once
        // the first attempt has failed and let go of the job: a first failure sets the retries from the model's
        // cycle (R5/PT1M), overwriting whatever was set while it ran.
        String job = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> management
                                .createJobQuery()
                                .processDefinitionKey("catalog-change")
                                .activityId("Task_StartChangeSet")
                                .list()
                                .stream()
                                .filter(j -> j.getExceptionMessage() != null && ((JobEntity) j).getLockOwner() == null)
                                .findFirst()
                                .map(j -> j.getId())
                                .orElse(null),
                        id -> id != null);
        management
                .setJobRetries(1)
                .jobIds(List.of(job))
                .dueDate(new java.util.Date())
                .execute();
        Incident incident = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> runtime.createIncidentQuery().processDefinitionKeyIn("catalog-change").list().stream()
                                .findFirst()
                                .orElse(null),
                        i -> i != null);
        assertThat(incident.getIncidentMessage())
                .contains("AccessDeniedException")
                .contains("403");

        // The administrator grants mpgov's role the permission, then retries the job in Cockpit (due now).
        sandbox.knobs().faults.clear();
        management
                .setJobRetries(1)
                .jobIds(List.of(incident.getConfiguration()))
                .dueDate(new java.util.Date())
                .execute();

        awaitCompleted(created.get("requestId").asText(), "requester");
        assertThat(runtime.createIncidentQuery().count()).isZero();
        assertThat(sandbox.<List<String>>read(s -> List.copyOf(s.experiences.get(0).allowedProducts)))
                .contains("prod-grafnaentp001");
    }

    @Test
    void anAwsFailureWhileARequestIsCheckedIsA503OrA502ThatSaysSoAndStartsNothing() {
        long before = runtime.createProcessInstanceQuery()
                .processDefinitionKey("procurement-request")
                .count();
        sandbox.knobs().faults.add(fault("DescribeAccount", "TooManyRequestsException", 400, 1.0));
        Http.Response busy = http.post("/api/requests", "requester", Http.json(publicRequest("prod-pagerduty0001")));
        assertThat(busy.status()).as(busy.body()).isEqualTo(503);
        assertThat(busy.body()).contains("TooManyRequestsException", "nothing was started");
        assertThat(busy.headers().firstValue("Retry-After")).contains("5");

        sandbox.knobs().faults.clear();
        sandbox.knobs().faults.add(fault("DescribeAccount", "AccessDeniedException", 403, 1.0));
        Http.Response refused = http.post("/api/requests", "requester", Http.json(publicRequest("prod-pagerduty0001")));
        assertThat(refused.status()).as(refused.body()).isEqualTo(502);
        assertThat(refused.body()).contains("AccessDeniedException", "permissions");

        assertThat(runtime.createProcessInstanceQuery()
                        .processDefinitionKey("procurement-request")
                        .count())
                .isEqualTo(before);
    }
}
