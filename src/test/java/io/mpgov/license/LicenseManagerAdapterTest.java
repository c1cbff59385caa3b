package io.mpgov.license;

import io.mpgov.aws.AwsClients;
import io.mpgov.aws.AwsEndpoint;
import io.mpgov.aws.AwsProperties;
import io.mpgov.sandbox.Sandbox;
import io.mpgov.sandbox.SandboxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The License Manager adapter through the real SDK against the sandbox. */
class LicenseManagerAdapterTest {

    static Sandbox sandbox = new Sandbox(Clock.systemUTC());
    static SandboxServer server;
    static LicensePort licenses;

    @BeforeAll
    static void start() {
        server = SandboxServer.start("127.0.0.1", 0, sandbox);
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("sandbox", new AwsEndpoint(server.baseUri()));
        AwsClients clients = new AwsClients(new AwsProperties("us-east-1", null, Duration.ofSeconds(20),
                Duration.ofSeconds(5), 8), beans.getBeanProvider(AwsEndpoint.class));
        licenses = new LicenseManagerAdapter(clients, 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void seed() {
        sandbox.seedDemo();
        sandbox.knobs().grantTransitionMillis = 0;
        sandbox.knobs().rateLimitsEnabled = false;
    }

    String license() {
        return licenses.licensesOf("prod-dtdgobserv001").get(0).arn();
    }

    @Test
    void grantsAndActivatesOnceWhateverTheRetries() {
        String token = GrantTokens.of(license(), "310987654321", 0);

        licenses.grant(license(), "us-east-1", "310987654321", token);
        licenses.grant(license(), "us-east-1", "310987654321", token);

        assertThat(licenses.grantsOf(license())).singleElement().satisfies(g -> {
            assertThat(g.accountId()).isEqualTo("310987654321");
            assertThat(g.status()).isEqualTo("ACTIVE");
        });
    }

    @Test
    void aGrantThatExistsAlreadyIsTakenAsItIs() {
        licenses.grant(license(), "us-east-1", "310987654321", "someone-elses-token");

        LicensePort.Grant ours = licenses.grant(license(), "us-east-1", "310987654321", GrantTokens.of(license(), "310987654321", 0));

        assertThat(ours.status()).isEqualTo("ACTIVE");
        assertThat(licenses.grantsOf(license())).hasSize(1);
    }

    @Test
    void revokingDeletesTheCurrentVersion() {
        licenses.grant(license(), "us-east-1", "310987654321", "t-1");
        LicensePort.Grant granted = licenses.grantsOf(license()).get(0);

        assertThat(licenses.revoke(granted, "account left").status()).isEqualTo("PENDING_DELETE");
        assertThat(licenses.grantsOf(license())).singleElement().satisfies(g -> assertThat(g.status()).isEqualTo("DELETED"));
    }

    @Test
    void revokingAGrantDeletedMeanwhileIsDoneAlready() {
        licenses.grant(license(), "us-east-1", "310987654321", "t-1");
        LicensePort.Grant granted = licenses.grantsOf(license()).get(0);
        licenses.revoke(granted, "account left");
        long deletes = sandbox.calls("DeleteGrant");

        // A second reconciliation with the same stale plan: DeleteGrant refuses, GetGrant shows it gone.
        assertThat(licenses.revoke(granted, "account left").live()).isFalse();
        assertThat(sandbox.calls("DeleteGrant")).isEqualTo(deletes + 1);
    }

    @Test
    void revokingAGrantChangedSinceThePlanDeletesItsCurrentVersion() {
        licenses.grant(license(), "us-east-1", "310987654321", "t-1");
        LicensePort.Grant current = licenses.grantsOf(license()).get(0);
        LicensePort.Grant stale = new LicensePort.Grant(current.arn(), current.licenseArn(), current.accountId(), "PENDING_WORKFLOW", "1");

        assertThat(licenses.revoke(stale, "no longer entitled").status()).isEqualTo("PENDING_DELETE");
        assertThat(licenses.grantsOf(license())).singleElement().satisfies(g -> assertThat(g.live()).isFalse());
    }

    @Test
    void aLicenseIsInUseWhileGetLicenseUsageReportsConsumption() {
        String rhel = licenses.licensesOf("prod-rdhtrhel90001").get(0).arn();
        assertThat(licenses.consumed(license())).as("Datadog: 120 users in the demo").isTrue();
        assertThat(licenses.consumed(rhel)).isFalse();

        sandbox.setLicenseUsage("prod-rdhtrhel90001", 3);
        assertThat(licenses.consumed(rhel)).isTrue();
    }

    @Test
    void findsAReceivedLicenseByItsArn() {
        assertThat(licenses.license(license())).get().satisfies(l -> assertThat(l.productId()).isEqualTo("prod-dtdgobserv001"));
        assertThat(licenses.license(license() + "-unknown")).isEmpty();
    }

    @Test
    void listsEveryGrantPastOnePage() {
        IntStream.range(0, 120).forEach(i -> licenses.grant(license(), "us-east-1", String.valueOf(700_000_000_000L + i), "t-" + i));

        List<LicensePort.Grant> grants = licenses.grantsOf(license());

        assertThat(grants).hasSize(120).allSatisfy(g -> assertThat(g.status()).isEqualTo("ACTIVE"));
    }
}
