package io.mpgov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mpgov.license.DistributionReport;
import io.mpgov.license.GrantOutcome;
import io.mpgov.license.LicenseDistributionProcess;
import io.mpgov.sandbox.DemoOrganization;
import io.mpgov.sandbox.Sandbox;
import io.mpgov.sandbox.SandboxServer;
import io.mpgov.support.ExternalSandbox;
import io.mpgov.support.GrantLedger;
import io.mpgov.support.PostgresTestDatabase;
import io.mpgov.support.RequiresPostgres;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stops the application in the middle of a distribution and starts it again on the same PostgreSQL
 * database; the AWS sandbox runs outside the application, as AWS would. The restarted application
 * finishes the work: exactly one ACTIVE grant per entitled (license, account), nothing else live.
 */
@RequiresPostgres
class DistributionRestartIT {

    static final int LICENSES = 2;
    static final int ACCOUNTS = 100;

    @Test
    void aDistributionInterruptedByAStopIsFinishedAfterTheRestartWithOneActiveGrantPerPair() {
        Sandbox sandbox = new Sandbox(Clock.systemUTC());
        sandbox.seedDemo();
        sandbox.addBenchmarkLoad(LICENSES, ACCOUNTS);
        sandbox.knobs().latencyMillis = 100;
        sandbox.knobs().grantTransitionMillis = 300;
        try (SandboxServer server = SandboxServer.start("127.0.0.1", 0, sandbox)) {
            String schema = PostgresTestDatabase.createSchema("mpgov_restart_");
            List<String> instances;
            try (ConfigurableApplicationContext first = start(server.baseUri(), schema)) {
                RuntimeService runtime = first.getBean(RuntimeService.class);
                instances = java.util.stream.IntStream.rangeClosed(1, LICENSES)
                        .mapToObj(i -> runtime.startProcessInstanceByKey(
                                        "license-distribution",
                                        Map.of(
                                                "productId",
                                                String.format("prod-bench%08d", i),
                                                "targetOuId",
                                                DemoOrganization.OU_BENCHMARK))
                                .getId())
                        .toList();
                // Stop while grants are being made: some exist, most do not.
                await().atMost(Duration.ofSeconds(60)).until(() -> sandbox.calls("CreateGrant") >= 20);
            }
            long createdBeforeStop = sandbox.read(s -> s.grants.size());
            assertThat(createdBeforeStop).as("stopped in the middle").isLessThan(LICENSES * ACCOUNTS);

            try (ConfigurableApplicationContext second = start(server.baseUri(), schema)) {
                HistoryService history = second.getBean(HistoryService.class);
                RuntimeService runtime = second.getBean(RuntimeService.class);
                await().atMost(Duration.ofMinutes(2)).until(() -> {
                    assertThat(runtime.createIncidentQuery().list())
                            .extracting(i -> i.getIncidentMessage())
                            .isEmpty();
                    return history.createHistoricProcessInstanceQuery()
                                    .processInstanceIds(new java.util.HashSet<>(instances))
                                    .finished()
                                    .count()
                            == LICENSES;
                });
                GrantLedger.awaitSettled(sandbox);
                // The plan's records, written before the stop, read back by the restarted node: its report is a record
                // too.
                for (String instance : instances) {
                    Object report = history.createHistoricVariableInstanceQuery()
                            .processInstanceId(instance)
                            .variableName(LicenseDistributionProcess.OUTCOMES)
                            .singleResult()
                            .getValue();
                    assertThat(report).isInstanceOfSatisfying(DistributionReport.class, r -> {
                        assertThat(r.writes()).hasSize(ACCOUNTS);
                        assertThat(r.count(GrantOutcome.Kind.FAILED)).isZero();
                    });
                }
            }

            GrantLedger.assertOneActiveGrantPerPair(sandbox, LICENSES * ACCOUNTS);
        }
    }

    private static ConfigurableApplicationContext start(java.net.URI sandbox, String schema) {
        return ExternalSandbox.node(
                sandbox,
                schema,
                // A stopped node's job locks expire soon, so the restarted one takes the work over in seconds;
                // still far longer than a batch runs, or the node would run its own batches twice.
                "--camunda.bpm.job-execution.lock-time-in-millis=20000",
                "--camunda.bpm.job-execution.wait-time-in-millis=100",
                "--camunda.bpm.job-execution.max-wait=300",
                "--mpgov.license.batch-size=10",
                "--mpgov.license.parallelism=4",
                // 200 grants to the benchmark OU's accounts, one by one: the load whose restart this test is about.
                "--mpgov.license.ou-grants=false");
    }
}
