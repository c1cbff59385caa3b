package io.mpgov.benchmark;

import io.mpgov.sandbox.DemoOrganization;
import io.mpgov.sandbox.Sandbox;
import io.mpgov.sandbox.SandboxServer;
import io.mpgov.support.ClusterWork;
import io.mpgov.support.EngineTables;
import io.mpgov.support.Http;
import io.mpgov.support.NodeProcess;
import io.mpgov.support.PostgresTestDatabase;
import io.mpgov.support.PublicOfferScenario;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * R requests (default 500) through the public path over REST on PostgreSQL, on one node and then on two
 * nodes (separate processes) sharing the database: a requester submits, the PMP admin approves, the
 * product is allowed in the sandbox's PMP and its license granted. Prints requests/s, p50/p95 per step
 * and each node's peak heap. Asserts nothing; gives up on a configuration after 15 minutes.
 *
 * <pre>./mvnw -q -B test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.mpgov.benchmark.EngineBenchmark [-Drequests=500 -Dnodes=1,2]</pre>
 */
public final class EngineBenchmark {

    private static final List<String> STEPS = List.of(
            "Task_ValidateRequest",
            "Task_RouteOffer",
            "Task_ReviewPublicOffer",
            "CallActivity_AllowProductInPmp",
            "CallActivity_DistributeLicenses",
            "Task_NotifyRequesterApproved");
    private static final Pattern HEAP =
            Pattern.compile("(?m)^jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.E+]+)$");

    public static void main(String[] args) throws Exception {
        int requests = Integer.getInteger("requests", 500);
        List<Integer> nodeCounts = java.util.Arrays.stream(
                        System.getProperty("nodes", "1,2").split(","))
                .map(Integer::parseInt)
                .toList();
        System.setProperty("mpgov.node.xmx", System.getProperty("mpgov.node.xmx", "1g"));
        System.out.printf(
                "mpgov engine benchmark: %d public requests over REST, PostgreSQL, nodes as separate processes%n",
                requests);
        for (int nodes : nodeCounts) {
            run(requests, nodes);
        }
        System.exit(0);
    }

    private static void run(int requests, int nodes) throws Exception {
        Sandbox sandbox = new Sandbox(Clock.systemUTC());
        sandbox.seedDemo();
        sandbox.addBenchmarkLoad(requests, 1);
        sandbox.knobs().changeSetPreparingMillis = 100;
        sandbox.knobs().changeSetApplyingMillis = 100;
        sandbox.knobs().grantTransitionMillis = 100;
        try (SandboxServer server = SandboxServer.start("127.0.0.1", 0, sandbox)) {
            String schema = PostgresTestDatabase.createSchema("mpgov_engine_bench_");
            List<NodeProcess> started = new ArrayList<>();
            try {
                for (int n = 1; n <= nodes; n++) {
                    // a 2 s back-off: hundreds of waiting processes on a shorter timer flood the job executor
                    started.add(NodeProcess.start(
                            "bench-" + n,
                            server.baseUri(),
                            schema,
                            "--mpgov.catalog.poll-interval=500ms",
                            "--mpgov.catalog.lock-backoff=2s",
                            "--mpgov.catalog.max-lock-attempts=1000",
                            "--camunda.bpm.job-execution.wait-time-in-millis=100",
                            "--camunda.bpm.job-execution.max-wait=500"));
                }
                measure(requests, started, new EngineTables(schema));
            } finally {
                started.forEach(NodeProcess::close);
            }
        }
    }

    private static void measure(int requests, List<NodeProcess> nodes, EngineTables engine) throws Exception {
        List<Http> http = nodes.stream().map(NodeProcess::http).toList();
        long[] peakHeap = new long[nodes.size()];
        long start = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<String>> submitted = new ArrayList<>();
        for (int i = 1; i <= requests; i++) {
            Map<String, Object> request = PublicOfferScenario.publicRequest(ClusterWork.product(i));
            request.remove("targetAccountIds");
            request.put("targetOuId", DemoOrganization.OU_BENCHMARK);
            Http node = http.get(i % nodes.size());
            submitted.add(clients.submit(() -> node.post("/api/requests", "requester", Http.json(request))
                    .json()
                    .path("processInstanceId")
                    .asText()));
        }
        Set<String> instances = new HashSet<>();
        for (Future<String> f : submitted) {
            instances.add(f.get());
        }
        clients.shutdown();
        // The PMP admin approves whatever is waiting, on every node, until every request is done.
        Set<String> approved = new HashSet<>();
        while (engine.finished(instances) < requests) {
            for (int n = 0; n < nodes.size(); n++) {
                peakHeap[n] = Math.max(peakHeap[n], heap(http.get(n)));
            }
            ClusterWork.approveWaitingReviews(http, approved);
            if (System.nanoTime() - start > 15L * 60 * 1_000_000_000L) {
                System.out.println("gave up after 15 minutes");
                break;
            }
            Thread.sleep(500);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        long done = engine.finished(instances);

        System.out.printf("%n%d node(s)%n", nodes.size());
        System.out.printf("%-46s %10d of %d%n", "requests completed", done, requests);
        System.out.printf("%-46s %10.1f s%n", "wall time", wall);
        System.out.printf("%-46s %10.2f /s%n", "requests per second", done / wall);
        Map<String, List<Long>> durations = engine.durations(STEPS);
        STEPS.stream().filter(durations::containsKey).forEach(step -> {
            List<Long> sorted = durations.get(step).stream().sorted().toList();
            System.out.printf(
                    "%-46s p50 %7d ms  p95 %7d ms%n",
                    step,
                    sorted.get(sorted.size() / 2),
                    sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.95) - 1)));
        });
        for (int n = 0; n < nodes.size(); n++) {
            System.out.printf(
                    "%-46s %10d MiB%n", "peak heap of node " + (n + 1) + " (sampled)", peakHeap[n] / 1024 / 1024);
        }
    }

    /** The node's heap in use, from its Prometheus metrics (all heap pools). */
    private static long heap(Http node) {
        Matcher m = HEAP.matcher(node.get("/actuator/prometheus", null).body());
        double used = 0;
        while (m.find()) {
            used += Double.parseDouble(m.group(1));
        }
        return (long) used;
    }

    private EngineBenchmark() {}
}
