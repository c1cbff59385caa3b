package io.mpgov.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import io.mpgov.sandbox.DemoOrganization;
import io.mpgov.sandbox.Sandbox;
import io.mpgov.sandbox.SandboxServer;
import io.mpgov.support.ExternalSandbox;
import io.mpgov.support.Http;
import io.mpgov.support.PostgresTestDatabase;
import io.mpgov.support.PublicOfferScenario;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * R requests (default 500) through the public path over REST on PostgreSQL, on one node and then on two
 * nodes sharing the database: a requester submits, the PMP admin approves, the product is allowed in the
 * sandbox's PMP and its license granted. Prints requests/s, p50/p95 per step and peak heap. Asserts nothing.
 *
 * <pre>./mvnw -q -B test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.mpgov.benchmark.EngineBenchmark [-Drequests=500 -Dnodes=1,2]</pre>
 */
public final class EngineBenchmark {

    public static void main(String[] args) throws Exception {
        int requests = Integer.getInteger("requests", 500);
        List<Integer> nodeCounts = java.util.Arrays.stream(System.getProperty("nodes", "1,2").split(",")).map(Integer::parseInt).toList();
        System.out.printf("mpgov engine benchmark: %d public requests over REST, PostgreSQL%n", requests);
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
            List<ConfigurableApplicationContext> apps = new ArrayList<>();
            for (int n = 0; n < nodes; n++) {
                apps.add(ExternalSandbox.node(server.baseUri(), schema, "--mpgov.catalog.poll-interval=500ms", "--mpgov.catalog.lock-backoff=300ms",
                        "--mpgov.catalog.max-lock-attempts=1000", "--camunda.bpm.job-execution.wait-time-in-millis=100",
                        "--camunda.bpm.job-execution.max-wait=500"));
            }
            try {
                measure(requests, nodes, apps);
            } finally {
                apps.forEach(ConfigurableApplicationContext::close);
            }
        }
    }

    private static void measure(int requests, int nodes, List<ConfigurableApplicationContext> apps) throws Exception {
        List<Http> http = apps.stream().map(a -> new Http(((WebServerApplicationContext) a).getWebServer().getPort())).toList();
        Runtime jvm = Runtime.getRuntime();
        long peakHeap = 0;
        long start = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<String>> submitted = new ArrayList<>();
        for (int i = 1; i <= requests; i++) {
            Map<String, Object> request = PublicOfferScenario.publicRequest(String.format("prod-bench%08d", i));
            request.remove("targetAccountIds");
            request.put("targetOuId", DemoOrganization.OU_BENCHMARK);
            Http node = http.get(i % nodes);
            submitted.add(clients.submit(() -> node.post("/api/requests", "requester", Http.json(request)).json()
                    .path("processInstanceId").asText()));
        }
        Set<String> instances = new HashSet<>();
        for (Future<String> f : submitted) {
            instances.add(f.get());
        }
        // The PMP admins approve whatever is waiting, on every node, until every request is done.
        HistoryService history = apps.get(0).getBean(HistoryService.class);
        Set<String> approved = new HashSet<>();
        while (history.createHistoricProcessInstanceQuery().processInstanceIds(instances).finished().count() < requests) {
            peakHeap = Math.max(peakHeap, jvm.totalMemory() - jvm.freeMemory());
            JsonNode tasks = http.get(0).get("/engine-rest/task?taskDefinitionKey=Task_ReviewPublicOffer&maxResults=200", "pmp-admin").json();
            List<Future<?>> completions = new ArrayList<>();
            int n = 0;
            for (JsonNode task : tasks) {
                String id = task.path("id").asText();
                if (approved.add(id)) {
                    Http node = http.get(n++ % nodes);
                    completions.add(clients.submit(() -> node.post("/engine-rest/task/" + id + "/complete", "pmp-admin",
                            "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"},\"comment\":{\"value\":\"benchmark\"}}}")));
                }
            }
            for (Future<?> f : completions) {
                f.get();
            }
            if (System.nanoTime() - start > 15L * 60 * 1_000_000_000L) {
                System.out.println("gave up after 15 minutes");
                break;
            }
            Thread.sleep(200);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        clients.shutdown();
        long done = history.createHistoricProcessInstanceQuery().processInstanceIds(instances).finished().count();

        System.out.printf("%n%d node(s)%n", nodes);
        System.out.printf("%-46s %10d of %d%n", "requests completed", done, requests);
        System.out.printf("%-46s %10.1f s%n", "wall time", wall);
        System.out.printf("%-46s %10.2f /s%n", "requests per second", done / wall);
        Map<String, List<Long>> durations = new TreeMap<>();
        for (HistoricActivityInstance a : history.createHistoricActivityInstanceQuery().finished().list()) {
            if (a.getDurationInMillis() != null && List.of("Task_ValidateRequest", "Task_RouteOffer", "Task_ReviewPublicOffer",
                    "CallActivity_AllowProductInPmp", "CallActivity_DistributeLicenses", "Task_NotifyRequesterApproved").contains(a.getActivityId())) {
                durations.computeIfAbsent(a.getActivityId(), k -> new ArrayList<>()).add(a.getDurationInMillis());
            }
        }
        durations.forEach((step, ms) -> {
            List<Long> sorted = ms.stream().sorted().collect(Collectors.toList());
            System.out.printf("%-46s p50 %7d ms  p95 %7d ms%n", step, sorted.get(sorted.size() / 2),
                    sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.95) - 1)));
        });
        System.out.printf("%-46s %10d MiB%n", "peak heap (sampled, all nodes in one JVM)", peakHeap / 1024 / 1024);
    }

    private EngineBenchmark() {
    }
}
