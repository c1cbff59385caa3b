package io.mpgov;

import com.fasterxml.jackson.databind.JsonNode;
import io.mpgov.sandbox.Sandbox;
import io.mpgov.sandbox.SandboxServer;
import io.mpgov.support.ClusterWork;
import io.mpgov.support.EngineTables;
import io.mpgov.support.GrantLedger;
import io.mpgov.support.Http;
import io.mpgov.support.NodeProcess;
import io.mpgov.support.PostgresTestDatabase;
import io.mpgov.support.PublicOfferScenario;
import io.mpgov.support.RequiresPostgres;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kills the mpgov process with SIGKILL in the middle of a 1,000-grant distribution and while a
 * procurement manager is approving private offers, then starts a new process on the same PostgreSQL
 * database. The new one finishes the distribution with exactly one ACTIVE grant per (license,
 * account); every approval that was answered before the crash is still there, none has to be given
 * again, and no incident appears.
 */
@RequiresPostgres
class CrashSafetyIT {

    static final int LICENSES = 5;
    static final int ACCOUNTS = 200;
    static final int REQUESTS = 20;
    static final String APPROVAL = "Task_ApprovePrivateOffer";

    @Test
    void aKilledNodeLosesNoApprovalAndItsSuccessorFinishesTheDistributionWithOneActiveGrantPerPair() throws Exception {
        Sandbox sandbox = ClusterWork.awsWith(LICENSES + REQUESTS, ACCOUNTS, 20);

        try (SandboxServer server = SandboxServer.start("127.0.0.1", 0, sandbox)) {
            String schema = PostgresTestDatabase.createSchema("mpgov_crash_");
            EngineTables engine = new EngineTables(schema);
            Set<String> distributions = new HashSet<>();
            List<String> requests = new ArrayList<>();
            List<String> answered = new CopyOnWriteArrayList<>();

            NodeProcess doomed = node("crash-1", server.baseUri(), schema);
            Http http = doomed.http();
            for (int i = 1; i <= LICENSES; i++) {
                distributions.add(ClusterWork.startDistribution(http, ClusterWork.product(i)));
            }
            for (int i = 1; i <= REQUESTS; i++) {
                Map<String, Object> request = PublicOfferScenario.privateRequest(ClusterWork.product(LICENSES + i),
                        "offer-crashtest" + i);
                Http.Response created = http.post("/api/requests", "requester", Http.json(request));
                assertThat(created.status()).as(created.body()).isEqualTo(201);
                requests.add(created.json().get("processInstanceId").asText());
            }
            // Finance approves every request before the crash…
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                approveAll(http, "finance", answered);
                return answered.size() == REQUESTS;
            });
            await().atMost(Duration.ofSeconds(60)).until(() -> sandbox.calls("CreateGrant") >= 300);
            // …and the procurement manager is approving when the process dies.
            CompletableFuture<Integer> approving = CompletableFuture.supplyAsync(() -> approveAll(http, "procurement-manager", answered));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10)).until(() -> answered.size() >= REQUESTS + 2);
            doomed.kill();
            assertThat(approving.handle((done, failed) -> failed != null || done < REQUESTS).get())
                    .as("killed while approving").isTrue();
            assertThat(sandbox.<Integer>read(s -> s.grants.size())).as("killed in the middle of the distribution")
                    .isLessThan(LICENSES * ACCOUNTS);

            List<String> answeredBeforeCrash = List.copyOf(answered);
            try (NodeProcess successor = node("crash-2", server.baseUri(), schema)) {
                assertThat(engine.completedTasks(answeredBeforeCrash)).as("every answered approval survived the crash")
                        .isEqualTo(answeredBeforeCrash.size());
                await().atMost(Duration.ofMinutes(3)).until(() -> {
                    assertThat(engine.incidents()).isEmpty();
                    approveAll(successor.http(), "procurement-manager", answered);
                    return engine.finished(distributions) == LICENSES
                            && engine.openTasks(requests, "Task_AcceptPrivateOffer") == REQUESTS;
                });
                assertThat(engine.tasksOf(requests, APPROVAL)).as("two approvals per request, none asked for again")
                        .isEqualTo(2L * REQUESTS);
            }
            GrantLedger.awaitSettled(sandbox);
            GrantLedger.assertOneActiveGrantPerPair(sandbox, LICENSES * ACCOUNTS);
        }
    }

    /** The user approves every private-offer approval waiting for their group; returns how many they answered in this round. */
    private static int approveAll(Http http, String user, List<String> answered) {
        int count = 0;
        try {
            for (JsonNode task : http.get("/engine-rest/task?taskDefinitionKey=" + APPROVAL + "&candidateGroup=" + user, user).json()) {
                String id = task.path("id").asText();
                Http.Response done = http.post("/engine-rest/task/" + id + "/complete", user,
                        "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"},\"comment\":{\"value\":\"approved by " + user + "\"}}}");
                if (done.status() == 204) {
                    answered.add(id);
                    count++;
                }
            }
        } catch (UncheckedIOException nodeGone) {
            // the node died under the approver's hands: what was answered is in `answered`
        }
        return count;
    }

    private static NodeProcess node(String name, URI sandbox, String schema) {
        return NodeProcess.start(name, sandbox, schema,
                // a killed node's locked jobs are taken over after 20 s — still far longer than a job runs
                "--camunda.bpm.job-execution.lock-time-in-millis=20000",
                "--camunda.bpm.job-execution.wait-time-in-millis=100", "--camunda.bpm.job-execution.max-wait=300",
                "--mpgov.license.calls-per-second=90", "--mpgov.license.batch-size=25", "--mpgov.license.parallelism=8");
    }
}
