package io.mpgov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.mpgov.sandbox.Knobs;
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
import org.junit.jupiter.api.Test;

/**
 * Kills the mpgov process with SIGKILL in the middle of a 1,000-grant distribution and while a
 * procurement manager is approving private offers, then starts a new process on the same PostgreSQL
 * database. The new one finishes the distribution with exactly one ACTIVE grant per (license,
 * account); every approval that was answered before the crash is still there, none has to be given
 * again, and no incident appears. The sandbox holds the grant writes after the first
 * {@value #WRITES_BEFORE_CRASH}, so the kill comes while writes are in flight and the distribution
 * is part done however fast or slow the machine is.
 */
@RequiresPostgres
class CrashSafetyIT {

    static final int LICENSES = 5;
    static final int ACCOUNTS = 200;
    static final int REQUESTS = 20;
    static final String APPROVAL = "Task_ApprovePrivateOffer";
    static final Set<String> GRANT_WRITES = Set.of("CreateGrant", "CreateGrantVersion");
    /** About 300 of the 1,000 grants created and activated before the crash. */
    static final int WRITES_BEFORE_CRASH = 600;
    /** Longer than the test takes to reach the kill; the doomed node's AWS client waits as long for an answer. */
    static final long HOLD_MILLIS = 300_000;

    @Test
    void aKilledNodeLosesNoApprovalAndItsSuccessorFinishesTheDistributionWithOneActiveGrantPerPair() throws Exception {
        Sandbox sandbox = ClusterWork.awsWith(LICENSES + REQUESTS, ACCOUNTS, 20);
        Knobs.Hold grantWrites = sandbox.knobs().hold;
        grantWrites.engage(GRANT_WRITES, WRITES_BEFORE_CRASH, HOLD_MILLIS);

        try (SandboxServer server = SandboxServer.start("127.0.0.1", 0, sandbox)) {
            String schema = PostgresTestDatabase.createSchema("mpgov_crash_");
            EngineTables engine = new EngineTables(schema);
            Set<String> distributions = new HashSet<>();
            List<String> requests = new ArrayList<>();
            List<String> answered = new CopyOnWriteArrayList<>();

            // A held call is not given up and sent again, so no more than the node's parallelism are ever held.
            NodeProcess doomed = node(
                    "crash-1",
                    server.baseUri(),
                    schema,
                    "--mpgov.aws.attempt-timeout=" + 2 * HOLD_MILLIS + "ms",
                    "--mpgov.aws.api-call-timeout=" + 3 * HOLD_MILLIS + "ms");
            try {
                Http http = doomed.http();
                for (int i = 1; i <= REQUESTS; i++) {
                    Map<String, Object> request = PublicOfferScenario.privateRequest(
                            ClusterWork.product(LICENSES + i), "offer-crashtest" + i);
                    Http.Response created = http.post("/api/requests", "requester", Http.json(request));
                    assertThat(created.status()).as(created.body()).isEqualTo(201);
                    requests.add(created.json().get("processInstanceId").asText());
                }
                // Finance approves every request first: once the grant writes are held, the batches waiting on
                // them take every job executor thread, and the requests' own jobs would queue behind them.
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    approve(http, "finance", answered, REQUESTS);
                    return answered.size() == REQUESTS;
                });
                for (int i = 1; i <= LICENSES; i++) {
                    distributions.add(ClusterWork.startDistribution(http, ClusterWork.product(i)));
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> grantWrites.getWaiting() > 0);
                // The procurement manager is approving when the process dies: two answered, the third racing the kill.
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    approve(http, "procurement-manager", answered, REQUESTS + 2 - answered.size());
                    return answered.size() == REQUESTS + 2;
                });
                CompletableFuture<Void> crash = CompletableFuture.runAsync(doomed::kill);
                approve(http, "procurement-manager", answered, 1);
                crash.get();
                assertThat(answered).as("killed while approving").hasSizeBetween(REQUESTS + 2, REQUESTS + 3);
                assertThat(grantWrites.getWaiting())
                        .as("grant writes in flight when the node died")
                        .isPositive();
                assertThat(sandbox.<Integer>read(s -> s.grants.size()))
                        .as("killed in the middle of the distribution")
                        .isPositive()
                        .isLessThanOrEqualTo(WRITES_BEFORE_CRASH);
            } finally {
                doomed.kill(); // once more when a step failed: a live node would hold its transactions until the hold
                // ends
            }
            // AWS still answers what the dead node had asked: those grants appear now, behind the successor's back.
            grantWrites.release();

            List<String> answeredBeforeCrash = List.copyOf(answered);
            try (NodeProcess successor = node("crash-2", server.baseUri(), schema)) {
                assertThat(engine.completedTasks(answeredBeforeCrash))
                        .as("every answered approval survived the crash")
                        .isEqualTo(answeredBeforeCrash.size());
                await().atMost(Duration.ofMinutes(3)).until(() -> {
                    assertThat(engine.incidents()).isEmpty();
                    approve(successor.http(), "procurement-manager", answered, REQUESTS);
                    return engine.finished(distributions) == LICENSES
                            && engine.openTasks(requests, "Task_AcceptPrivateOffer") == REQUESTS;
                });
                assertThat(engine.tasksOf(requests, APPROVAL))
                        .as("two approvals per request, none asked for again")
                        .isEqualTo(2L * REQUESTS);
            }
            GrantLedger.awaitSettled(sandbox);
            GrantLedger.assertOneActiveGrantPerPair(sandbox, LICENSES * ACCOUNTS);
        }
    }

    /** The user approves up to {@code most} private-offer approvals waiting for their group; returns how many they answered. */
    private static int approve(Http http, String user, List<String> answered, int most) {
        int count = 0;
        try {
            for (JsonNode task : http.get(
                            "/engine-rest/task?taskDefinitionKey=" + APPROVAL + "&candidateGroup=" + user, user)
                    .json()) {
                if (count == most) {
                    break;
                }
                String id = task.path("id").asText();
                Http.Response done = http.post(
                        "/engine-rest/task/" + id + "/complete",
                        user,
                        "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"},\"comment\":{\"value\":\"approved by "
                                + user + "\"}}}");
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

    private static NodeProcess node(String name, URI sandbox, String schema, String... more) {
        List<String> arguments = new ArrayList<>(List.of(
                // a killed node's locked jobs are taken over after 20 s — still far longer than a job runs
                "--camunda.bpm.job-execution.lock-time-in-millis=20000",
                "--camunda.bpm.job-execution.wait-time-in-millis=100",
                "--camunda.bpm.job-execution.max-wait=300",
                "--mpgov.license.calls-per-second=90",
                "--mpgov.license.batch-size=25",
                "--mpgov.license.parallelism=8"));
        arguments.addAll(List.of(more));
        return NodeProcess.start(name, sandbox, schema, arguments.toArray(String[]::new));
    }
}
