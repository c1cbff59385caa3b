package io.mpgov.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mpgov.sandbox.DemoOrganization;
import io.mpgov.sandbox.Knobs;
import io.mpgov.sandbox.Sandbox;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The work the multi-process tests give mpgov nodes: an AWS with a large organization, and distributions to start. */
public final class ClusterWork {

    private static final ExecutorService ADMINS = Executors.newFixedThreadPool(8, r -> {
        Thread admin = new Thread(r, "pmp-admin");
        admin.setDaemon(true);
        return admin;
    });

    private ClusterWork() {}

    /**
     * The demo organization plus {@code products} licensed products and {@code accounts} accounts in the
     * benchmark OU, with latency, grant activation time and write limits high enough for a test.
     */
    public static Sandbox awsWith(int products, int accounts, long latencyMillis) {
        Sandbox sandbox = new Sandbox(Clock.systemUTC());
        sandbox.seedDemo();
        sandbox.addBenchmarkLoad(products, accounts);
        Knobs knobs = sandbox.knobs();
        knobs.latencyMillis = latencyMillis;
        knobs.grantTransitionMillis = 300;
        knobs.changeSetPreparingMillis = 100;
        knobs.changeSetApplyingMillis = 100;
        List.of("CreateGrant", "CreateGrantVersion").forEach(op -> knobs.rateLimits.put(op, 100.0));
        return sandbox;
    }

    /** Starts a distribution of the product's license to every account of the benchmark OU, as an admin would by REST. */
    public static String startDistribution(Http node, String productId) {
        Http.Response started = node.post(
                "/engine-rest/process-definition/key/license-distribution/start",
                "admin",
                Http.json(Map.of(
                        "variables",
                        Map.of(
                                "productId",
                                Map.of("value", productId),
                                "targetOuId",
                                Map.of("value", DemoOrganization.OU_BENCHMARK)))));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        return started.json().get("id").asText();
    }

    /**
     * The PMP admin completes every public-offer review waiting, spreading the completions over the
     * nodes, 8 at a time (as a team of admins would); {@code approved} remembers what was answered, and a
     * completion that fails is tried again next time.
     */
    public static void approveWaitingReviews(List<Http> nodes, Set<String> approved) {
        List<CompletableFuture<Void>> completions = new ArrayList<>();
        Queue<String> failed = new ConcurrentLinkedQueue<>();
        int n = 0;
        for (JsonNode task : nodes.get(0)
                .get("/engine-rest/task?taskDefinitionKey=Task_ReviewPublicOffer&maxResults=200", "pmp-admin")
                .json()) {
            String id = task.path("id").asText();
            if (approved.add(id)) {
                Http node = nodes.get(n++ % nodes.size());
                completions.add(CompletableFuture.runAsync(
                        () -> {
                            Http.Response done = node.post(
                                    "/engine-rest/task/" + id + "/complete",
                                    "pmp-admin",
                                    "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"},\"comment\":{\"value\":\"approved\"}}}");
                            if (done.status() != 204) {
                                failed.add(id);
                            }
                        },
                        ADMINS));
            }
        }
        CompletableFuture.allOf(completions.toArray(CompletableFuture[]::new)).join();
        approved.removeAll(failed);
    }

    /** The product the benchmark load numbers {@code i}. */
    public static String product(int i) {
        return String.format("prod-bench%08d", i);
    }
}
