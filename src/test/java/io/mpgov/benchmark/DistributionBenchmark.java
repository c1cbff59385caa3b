package io.mpgov.benchmark;

import io.mpgov.MpgovApplication;
import io.mpgov.sandbox.DemoOrganization;
import io.mpgov.sandbox.Sandbox;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.licensemanager.LicenseManagerClient;

/**
 * Distributes L licenses to A accounts (default 10 × 200) through mpgov on the sandbox with AWS-like
 * latency, grant activation delay and rate limits, twice in one run: entitled as an account list (one grant
 * per license and account), then entitled as their OU (one grant per license to the OU); and compares
 * them with the sequential way (one grant, wait until ACTIVE, next), measured on a sample and extrapolated.
 * "Covered" is what License Manager lets use the license: an ACTIVE account grant, or an OU grant distributed
 * (WORKFLOW_COMPLETED) to the OU's accounts. Prints the figures; asserts nothing.
 *
 * <pre>./mvnw -q -B test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.mpgov.benchmark.DistributionBenchmark
 *   [-Dlicenses=10 -Daccounts=200 -DlatencyMs=150 -DtransitionMs=2000 -DratePerSecond=20 -DbaselineSample=20 -Ddb=h2|postgres]</pre>
 */
public final class DistributionBenchmark {

    public static void main(String[] args) throws Exception {
        int licenses = Integer.getInteger("licenses", 10);
        int accounts = Integer.getInteger("accounts", 200);
        long latency = Long.getLong("latencyMs", 150);
        long transition = Long.getLong("transitionMs", 2000);
        double rate = Double.parseDouble(System.getProperty("ratePerSecond", "20"));
        int sample = Integer.getInteger("baselineSample", 20);
        boolean postgres = "postgres".equals(System.getProperty("db", "h2"));

        Map<String, Object> properties = new HashMap<>(Map.of(
                "mpgov.sandbox.port",
                0,
                "mpgov.sandbox.state-file",
                "",
                "mpgov.license.calls-per-second",
                rate * 0.95,
                "camunda.bpm.job-execution.wait-time-in-millis",
                50,
                "camunda.bpm.job-execution.max-wait",
                200,
                "logging.level.root",
                "WARN"));
        properties.put("spring.datasource.url", "jdbc:h2:mem:mpgov-bench;DB_CLOSE_DELAY=-1");
        if (postgres) {
            // A schema of its own; Camunda must be told it too, or it finds other schemas' tables.
            String schema = io.mpgov.support.PostgresTestDatabase.createSchema("mpgov_bench_");
            properties.put(
                    "spring.datasource.url", io.mpgov.support.PostgresTestDatabase.URL + "?currentSchema=" + schema);
            properties.put("spring.datasource.username", io.mpgov.support.PostgresTestDatabase.USER);
            properties.put("spring.datasource.password", "");
            properties.put("camunda.bpm.database.schema-name", schema);
            properties.put("camunda.bpm.database.table-prefix", schema + ".");
        }
        // As arguments: they must win over the demo profile's file database and sandbox port.
        String[] arguments = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MpgovApplication.class)
                .profiles("demo")
                .logStartupInfo(false)
                .run(arguments)) {
            Sandbox sandbox = app.getBean(Sandbox.class);
            // Licenses 1..L go to the accounts one by one (an account list), L+1..2L to their OU (one grant each).
            sandbox.addBenchmarkLoad(2 * licenses, accounts);
            sandbox.knobs().latencyMillis = latency;
            sandbox.knobs().grantTransitionMillis = transition;
            sandbox.knobs().rateLimitsEnabled = true;
            for (String op : List.of("CreateGrant", "CreateGrantVersion", "DeleteGrant")) {
                sandbox.knobs().rateLimits.put(op, rate);
            }
            int grants = licenses * accounts;
            List<String> accountIds = sandbox.read(s -> s.accounts.stream()
                    .filter(a -> DemoOrganization.OU_BENCHMARK.equals(a.parentId))
                    .map(a -> a.id)
                    .toList());
            System.out.printf(
                    "mpgov license distribution benchmark: %d licenses × %d accounts = %d grants, %s%n",
                    licenses, accounts, grants, postgres ? "PostgreSQL" : "H2");
            System.out.printf(
                    "sandbox: %d ms per call, %d ms to activate a grant, %.0f writes/s per operation%n",
                    latency, transition, rate);

            Runtime jvm = Runtime.getRuntime();
            long[] peakHeap = {0};
            Run perAccount = run(
                    app,
                    sandbox,
                    1,
                    licenses,
                    Map.of("targetAccountIds", String.join(",", accountIds)),
                    accountIds,
                    peakHeap);
            Run byOu = run(
                    app,
                    sandbox,
                    licenses + 1,
                    licenses,
                    Map.of("targetOuId", DemoOrganization.OU_BENCHMARK),
                    accountIds,
                    peakHeap);

            Map<String, Long> calls = sandbox.callCounts();
            long throttled = calls.entrySet().stream()
                    .filter(e -> e.getKey().startsWith("throttled:"))
                    .mapToLong(Map.Entry::getValue)
                    .sum();
            Map<String, Long> live = sandbox.read(s -> s.grants.stream()
                    .filter(g -> !List.of("DELETED", "PENDING_DELETE").contains(g.status))
                    .collect(Collectors.groupingBy(g -> g.licenseArn + "|" + g.principal, Collectors.counting())));
            long duplicates = live.values().stream().mapToLong(n -> n - 1).sum();
            // AWS lets through `rate` CreateGrant and `rate` CreateGrantVersion per second in parallel; then one
            // grant's own time.
            double oneGrant = (2 * latency + transition) / 1000.0;
            double bound = grants / rate + oneGrant;

            double baselinePerGrant = baseline(sandbox, app, sample, transition);
            double baseline = baselinePerGrant * grants;

            System.out.println("-- per account (account list): one grant per license and account");
            print(perAccount, grants);
            System.out.printf(
                    "%-44s %10.1f /s%n",
                    "achieved write calls until all ACTIVE", perAccount.writes / perAccount.allCoveredAfter);
            System.out.printf("%-44s %10.1f s%n", "lower bound (rate limits + one grant)", bound);
            System.out.printf("%-44s %10.2f%n", "all grants ACTIVE / lower bound", perAccount.allCoveredAfter / bound);
            System.out.printf("%-44s %10.2f%n", "wall time / lower bound", perAccount.wall / bound);
            System.out.println("-- by OU (the entitlement is the OU): one grant per license to the OU");
            print(byOu, grants);
            System.out.printf("%-44s %10.1f s%n", "lower bound (one grant: 2 calls + activation)", oneGrant);
            System.out.printf(
                    "%-44s %10.1f×%n",
                    "OU vs per account (all covered)", perAccount.allCoveredAfter / byOu.allCoveredAfter);
            System.out.printf("%-44s %10.1f×%n", "OU vs per account (processes done)", perAccount.wall / byOu.wall);
            System.out.println("-- sequential baseline (one grant after another, each waited for)");
            System.out.printf(
                    "%-44s %10.2f s%n", "sequential baseline, per grant (sample " + sample + ")", baselinePerGrant);
            System.out.printf("%-44s %10.0f s (extrapolated)%n", "sequential baseline, all grants", baseline);
            System.out.printf(
                    "%-44s %10.1f×%n", "per account: speed-up (all ACTIVE)", baseline / perAccount.allCoveredAfter);
            System.out.printf("%-44s %10.1f×%n", "per account: speed-up (processes done)", baseline / perAccount.wall);
            System.out.printf("%-44s %10.1f×%n", "by OU: speed-up (processes done)", baseline / byOu.wall);
            System.out.printf("%-44s %10d%n", "throttled answers (retried)", throttled);
            System.out.printf("%-44s %10d%n", "duplicate grants", duplicates);
            System.out.printf("%-44s %10d MiB%n", "peak heap (sampled)", peakHeap[0] / 1024 / 1024);
        }
        System.exit(0);
    }

    /** One scenario's figures: seconds until every (license, account) pair could use the license, and until the processes ended. */
    private record Run(
            double allCoveredAfter, double wall, long writes, long covered, long missing, String incidents) {}

    private static void print(Run run, int grants) {
        System.out.printf("%-44s %10d of %d%n", "(license, account) pairs covered", run.covered, grants);
        System.out.printf("%-44s %10d%n", "missing", run.missing);
        System.out.printf("%-44s %10d%n", "write calls (CreateGrant, -Version, Delete)", run.writes);
        System.out.printf("%-44s %10.1f s%n", "every account covered after", run.allCoveredAfter);
        System.out.printf("%-44s %10.1f s%n", "wall time (processes completed)", run.wall);
        if (!run.incidents.isEmpty()) {
            System.out.println("INCIDENTS: " + run.incidents);
        }
    }

    /** Distributes products first..first+count-1 to the benchmark accounts with the given entitlement; waits for every account covered. */
    private static Run run(
            ConfigurableApplicationContext app,
            Sandbox sandbox,
            int first,
            int count,
            Map<String, Object> entitlement,
            List<String> accountIds,
            long[] peakHeap)
            throws InterruptedException {
        Runtime jvm = Runtime.getRuntime();
        RuntimeService runtime = app.getBean(RuntimeService.class);
        HistoryService history = app.getBean(HistoryService.class);
        List<String> products = java.util.stream.IntStream.range(first, first + count)
                .mapToObj(i -> String.format("prod-bench%08d", i))
                .toList();
        List<String> licenseArns = sandbox.read(s -> s.licenses.stream()
                .filter(l -> products.contains(l.productSku()))
                .map(l -> l.arn())
                .toList());
        long writesBefore = writes(sandbox);
        long start = System.nanoTime();
        List<String> instances = new java.util.ArrayList<>();
        for (String product : products) {
            Map<String, Object> variables = new HashMap<>(entitlement);
            variables.put("productId", product);
            instances.add(runtime.startProcessInstanceByKey("license-distribution", variables)
                    .getId());
        }
        double allCoveredAfter = -1;
        long covered = 0;
        String incidents = "";
        while (true) {
            peakHeap[0] = Math.max(peakHeap[0], jvm.totalMemory() - jvm.freeMemory());
            long done = history.createHistoricProcessInstanceQuery()
                    .processInstanceIds(new java.util.HashSet<>(instances))
                    .finished()
                    .count();
            covered = licenseArns.stream()
                    .mapToLong(arn -> sandbox.licenseHolders(arn).stream()
                            .filter(accountIds::contains)
                            .count())
                    .sum();
            long incidentCount = runtime.createIncidentQuery().count();
            if (allCoveredAfter < 0 && covered >= (long) count * accountIds.size()) {
                allCoveredAfter = (System.nanoTime() - start) / 1e9;
            }
            if (done == count && allCoveredAfter >= 0 || incidentCount > 0) {
                if (incidentCount > 0) {
                    incidents = runtime.createIncidentQuery().list().stream()
                            .map(i -> i.getIncidentMessage())
                            .toList()
                            .toString();
                }
                break;
            }
            if (System.nanoTime() - start > Duration.ofMinutes(4).toNanos()) {
                System.out.printf(
                        "gave up after 4 minutes: %d/%d processes done, %d pairs covered%n", done, count, covered);
                break;
            }
            Thread.sleep(20);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        return new Run(
                allCoveredAfter,
                wall,
                writes(sandbox) - writesBefore,
                covered,
                (long) count * accountIds.size() - covered,
                incidents);
    }

    private static long writes(Sandbox sandbox) {
        return sandbox.calls("CreateGrant") + sandbox.calls("CreateGrantVersion") + sandbox.calls("DeleteGrant");
    }

    /** One grant after another, each waited for until ACTIVE: what the article's tool does. */
    private static double baseline(Sandbox sandbox, ConfigurableApplicationContext app, int sample, long transition)
            throws Exception {
        URI endpoint = app.getBean(io.mpgov.sandbox.SandboxServer.class).baseUri();
        try (LicenseManagerClient client = LicenseManagerClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .build()) {
            String license = sandbox.read(s -> s.licenses.stream()
                    .filter(l -> l.productSku().startsWith("prod-bench"))
                    .findFirst()
                    .orElseThrow()
                    .arn());
            long start = System.nanoTime();
            for (int i = 0; i < sample; i++) {
                String account = String.valueOf(900_000_000_000L + i);
                String arn = client.createGrant(r -> r.clientToken("baseline-" + account)
                                .grantName("baseline")
                                .licenseArn(license)
                                .principals("arn:aws:iam::" + account + ":root")
                                .homeRegion("us-east-1")
                                .allowedOperationsWithStrings("CheckoutLicense"))
                        .grantArn();
                client.createGrantVersion(r ->
                        r.clientToken("baseline-a-" + account).grantArn(arn).status("ACTIVE"));
                while (!client.getGrant(r -> r.grantArn(arn))
                        .grant()
                        .grantStatusAsString()
                        .equals("ACTIVE")) {
                    Thread.sleep(Math.max(50, transition / 10));
                }
            }
            return (System.nanoTime() - start) / 1e9 / sample;
        }
    }

    private DistributionBenchmark() {}
}
