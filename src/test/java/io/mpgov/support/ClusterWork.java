package io.mpgov.support;

import io.mpgov.sandbox.DemoOrganization;
import io.mpgov.sandbox.Knobs;
import io.mpgov.sandbox.Sandbox;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The work the multi-process tests give mpgov nodes: an AWS with a large organization, and distributions to start. */
public final class ClusterWork {

    private ClusterWork() {
    }

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
        Http.Response started = node.post("/engine-rest/process-definition/key/license-distribution/start", "admin",
                Http.json(Map.of("variables", Map.of("productId", Map.of("value", productId),
                        "targetOuId", Map.of("value", DemoOrganization.OU_BENCHMARK)))));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        return started.json().get("id").asText();
    }

    /** The product the benchmark load numbers {@code i}. */
    public static String product(int i) {
        return String.format("prod-bench%08d", i);
    }
}
