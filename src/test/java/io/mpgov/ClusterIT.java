package io.mpgov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Two mpgov nodes (processes) on one PostgreSQL database, both running the job executor, against an AWS that
 * throttles a fifth of all calls, fails one in twenty and jitters its latency: a 500-grant distribution
 * and 50 public requests go through both; one node stops in the middle and the other finishes. No grant
 * or change set is made twice, and every job commits exactly once.
 */
@RequiresPostgres
class ClusterIT {

    static final int LICENSES = 5;
    static final int ACCOUNTS = 100;
    static final int REQUESTS = 50;

    @Test
    void twoNodesShareTheWorkWithoutDuplicatesAndOneFinishesWhenTheOtherStops() throws Exception {
        Sandbox sandbox = ClusterWork.awsWith(LICENSES + REQUESTS, ACCOUNTS, 10);
        Knobs knobs = sandbox.knobs();
        knobs.latencyJitterMillis = 100;
        knobs.faults.add(FaultsIT.fault("*", "ThrottlingException", 400, 0.20));
        knobs.faults.add(FaultsIT.fault("*", "InternalServiceException", 500, 0.05));

        try (SandboxServer server = SandboxServer.start("127.0.0.1", 0, sandbox)) {
            String schema = PostgresTestDatabase.createSchema("mpgov_cluster_");
            EngineTables engine = new EngineTables(schema);
            try (NodeProcess first = node("cluster-1", server.baseUri(), schema);
                    NodeProcess second = node("cluster-2", server.baseUri(), schema)) {
                List<Http> nodes = List.of(first.http(), second.http());
                Set<String> instances = new HashSet<>();
                // 5 licenses × 100 accounts, started on both nodes
                for (int i = 1; i <= LICENSES; i++) {
                    instances.add(ClusterWork.startDistribution(nodes.get(i % 2), ClusterWork.product(i)));
                }
                // 50 public requests, submitted alternately to each node by 8 requesters at once
                ExecutorService requesters = Executors.newFixedThreadPool(8);
                List<Future<String>> submitted = IntStream.rangeClosed(1, REQUESTS)
                        .mapToObj(i -> requesters.submit(() -> {
                            Map<String, Object> request =
                                    PublicOfferScenario.publicRequest(ClusterWork.product(LICENSES + i));
                            request.put("targetAccountIds", List.of(String.valueOf(800_000_000_000L + i)));
                            Http node = nodes.get(i % 2);
                            // a throttled check against Organizations is a 503 that asks to try again
                            Http.Response created = await().atMost(Duration.ofSeconds(30))
                                    .until(
                                            () -> node.post("/api/requests", "requester", Http.json(request)),
                                            r -> r.status() != 503);
                            assertThat(created.status()).as(created.body()).isEqualTo(201);
                            return created.json().get("processInstanceId").asText();
                        }))
                        .toList();
                List<String> requests = new ArrayList<>();
                for (Future<String> f : submitted) {
                    requests.add(f.get());
                }
                requesters.shutdown();
                instances.addAll(requests);

                Set<String> approved = new HashSet<>();
                await().atMost(Duration.ofMinutes(2)).until(() -> {
                    ClusterWork.approveWaitingReviews(nodes, approved);
                    return approved.size() >= REQUESTS / 5 && sandbox.calls("CreateGrant") >= 150;
                });
                first.stop();
                assertThat(sandbox.<Integer>read(s -> s.grants.size()))
                        .as("stopped in the middle")
                        .isLessThan(LICENSES * ACCOUNTS + REQUESTS);

                await().atMost(Duration.ofMinutes(4)).until(() -> {
                    assertThat(engine.incidents()).isEmpty();
                    ClusterWork.approveWaitingReviews(List.of(second.http()), approved);
                    return engine.finished(instances) == instances.size();
                });
            }
            assertThat(engine.jobsCommitted()).isGreaterThan(LICENSES * ACCOUNTS / 20);
            assertThat(engine.jobsCommittedMoreThanOnce())
                    .as("every job committed exactly once")
                    .isEmpty();

            GrantLedger.awaitSettled(sandbox);
            GrantLedger.assertOneActiveGrantPerPair(sandbox, LICENSES * ACCOUNTS + REQUESTS);
            assertThat(sandbox.<Integer>read(s -> s.grants.size()))
                    .as("no grant ever made twice")
                    .isEqualTo(LICENSES * ACCOUNTS + REQUESTS);
            Map<String, List<String>> allowChangeSets = sandbox.read(s -> s.changeSets.stream()
                    .flatMap(cs -> cs.changes.stream()
                            .filter(c -> c.changeType.equals("AllowProductProcurement"))
                            .flatMap(c -> c.productIds().stream().map(p -> Map.entry(p, cs.status))))
                    .collect(Collectors.groupingBy(
                            Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList()))));
            assertThat(allowChangeSets).hasSize(REQUESTS);
            assertThat(allowChangeSets.values())
                    .as("one successful change set per requested product")
                    .allSatisfy(statuses -> assertThat(statuses).containsExactly("SUCCEEDED"));
            assertThat(sandbox.<Set<String>>read(s -> s.experiences.get(0).allowedProducts))
                    .containsAll(IntStream.rangeClosed(LICENSES + 1, LICENSES + REQUESTS)
                            .mapToObj(ClusterWork::product)
                            .toList());
        }
    }

    private static NodeProcess node(String name, URI sandbox, String schema) {
        return NodeProcess.start(
                name,
                sandbox,
                schema,
                // a stopped node's locked jobs are taken over after 20 s — still far longer than a job runs
                "--camunda.bpm.job-execution.lock-time-in-millis=20000",
                "--camunda.bpm.job-execution.wait-time-in-millis=100",
                "--camunda.bpm.job-execution.max-wait=300",
                "--mpgov.catalog.poll-interval=300ms",
                "--mpgov.catalog.lock-backoff=200ms",
                "--mpgov.catalog.max-lock-attempts=1000",
                "--mpgov.license.calls-per-second=90",
                "--mpgov.license.batch-size=20",
                "--mpgov.license.parallelism=8");
    }
}
