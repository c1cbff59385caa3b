package io.mpgov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mpgov.sandbox.DemoOrganization;
import io.mpgov.sandbox.Sandbox;
import io.mpgov.sandbox.SandboxState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * license-distribution through the real SDK adapters against the sandbox, with the job executor running: the
 * grant life cycle as AWS documents it, in a linked organization and in one that is not, one grant to an OU,
 * a renewal's license, and a license AWS does not let us share. Each test distributes a product of its own.
 */
@SpringBootTest
@ActiveProfiles({"demo", "it"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LicenseDistributionIT {

    static final String TECHNOLOGY = List.of(
                    "410987654321", "410987654322", "410987654323", "410987654324", "410987654325")
            .toString();

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Autowired
    Sandbox sandbox;

    @AfterEach
    void linkedAgain() {
        sandbox.knobs().organizationLinked = true;
    }

    /** Runs a distribution to its end (no incident) and returns its process instance id. */
    String distribute(Map<String, Object> variables) {
        String id = runtime.startProcessInstanceByKey("license-distribution", variables)
                .getId();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            assertThat(runtime.createIncidentQuery().processInstanceId(id).list())
                    .extracting(i -> i.getIncidentMessage())
                    .isEmpty();
            return history.createHistoricProcessInstanceQuery()
                            .processInstanceId(id)
                            .finished()
                            .count()
                    == 1;
        });
        return id;
    }

    Object variable(String instance, String name) {
        return history.createHistoricVariableInstanceQuery()
                .processInstanceId(instance)
                .variableName(name)
                .singleResult()
                .getValue();
    }

    String license(String product) {
        return sandbox.read(s -> s.licenses.stream()
                .filter(l -> l.productSku().equals(product))
                .findFirst()
                .orElseThrow()
                .arn());
    }

    List<SandboxState.Grant> grants(String licenseArn) {
        return sandbox.read(s ->
                s.grants.stream().filter(g -> g.licenseArn.equals(licenseArn)).toList());
    }

    long writes() {
        return sandbox.calls("CreateGrant") + sandbox.calls("CreateGrantVersion") + sandbox.calls("DeleteGrant");
    }

    @Test
    void anOuGetsOneGrantItsSuspendedAccountIsReportedAndThenThereIsNothingToDo() throws Exception {
        String product = "prod-ngnxplusami01";
        String nginx = license(product);
        Map<String, Object> request = Map.of("productId", product, "targetOuId", DemoOrganization.OU_TECHNOLOGY);

        distribute(request);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() ->
                        assertThat(sandbox.licenseHolders(nginx).toString()).isEqualTo(TECHNOLOGY));
        assertThat(grants(nginx)).singleElement().satisfies(g -> {
            assertThat(g.principal)
                    .isEqualTo(
                            "arn:aws:organizations::111111111111:ou/o-mpgovdemo01/" + DemoOrganization.OU_TECHNOLOGY);
            assertThat(g.status).isEqualTo("WORKFLOW_COMPLETED");
        });

        sandbox.setAccountState("410987654325", "SUSPENDED");
        long before = writes();
        String second = distribute(request);
        assertThat(writes())
                .as("one account cannot be revoked from an OU grant")
                .isEqualTo(before);
        assertThat((String) variable(second, "distributionReport"))
                .contains("account 410987654325, license " + nginx.substring(nginx.lastIndexOf(':') + 1)
                        + ": unchanged (not ACTIVE, but covered by the grant to " + DemoOrganization.OU_TECHNOLOGY);

        distribute(request);
        assertThat(writes()).as("a consistent organization needs no write call").isEqualTo(before);
        assertThat(grants(nginx)).hasSize(1);
        sandbox.setAccountState("410987654325", "ACTIVE");
    }

    @Test
    void outsideALinkedOrganizationAGrantWaitsForItsGranteeAndIsActivatedOnceAccepted() {
        sandbox.knobs().organizationLinked = false;
        String product = "prod-rdhtrhel90001";
        String rhel = license(product);
        Map<String, Object> request = Map.of("productId", product, "targetAccountIds", "310987654321");

        distribute(request);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(grants(rhel))
                        .singleElement()
                        .satisfies(g -> assertThat(g.status).isEqualTo("PENDING_ACCEPT")));

        long before = writes();
        String waiting = distribute(request);
        assertThat(writes()).as("nothing to do until the grantee accepts").isEqualTo(before);
        assertThat(variable(waiting, "grantsPendingAcceptance")).isEqualTo(1);
        assertThat((String) variable(waiting, "distributionReport")).contains("310987654321", "pending acceptance");
        assertThat(sandbox.licenseHolders(rhel)).isEmpty();

        sandbox.acceptGrant(grants(rhel).get(0).arn);
        assertThat(grants(rhel).get(0).status).as("accepted, not activated").isEqualTo("DISABLED");

        String activation = distribute(request);
        assertThat(variable(activation, "grantsActivated")).isEqualTo(1);
        assertThat(variable(activation, "grantsCreated"))
                .as("the accepted grant is activated, not granted again")
                .isEqualTo(0);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(sandbox.licenseHolders(rhel)).containsExactly("310987654321"));
        assertThat(grants(rhel)).hasSize(1);

        long consistent = writes();
        distribute(request);
        assertThat(writes()).isEqualTo(consistent);
    }

    @Test
    void aRenewalsLicenseTakesThePlaceOfTheOldOne() throws Exception {
        String product = "prod-splkenterp001";
        String old = license(product);
        Map<String, Object> request = Map.of("productId", product, "targetAccountIds", "210987654322");
        distribute(request);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(sandbox.licenseHolders(old)).containsExactly("210987654322"));

        String renewal = sandbox.receiveLicense(product).arn();
        distribute(request);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(sandbox.licenseHolders(renewal)).containsExactly("210987654322");
            assertThat(sandbox.licenseHolders(old)).isEmpty();
            assertThat(grants(old))
                    .as("replaced on activation, kept until the new grant is active")
                    .singleElement()
                    .satisfies(g -> assertThat(g.status).isEqualTo("DISABLED"));
        });
        assertThat(grants(renewal))
                .singleElement()
                .satisfies(g -> assertThat(g.activationOverrideBehavior).isEqualTo("ALL_GRANTS_PERMITTED_BY_ISSUER"));

        // The next run finds the new grant active: the old one goes.
        String cleaned = distribute(request);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(grants(old))
                        .singleElement()
                        .satisfies(g -> assertThat(g.status).isEqualTo("DELETED")));
        assertThat((String) variable(cleaned, "distributionReport")).contains("superseded by the current license");

        long consistent = writes();
        distribute(request);
        assertThat(writes()).isEqualTo(consistent);
    }

    @Test
    void aSaasLicenseIsNotTriedAndTheReportSaysWhy() {
        String product = "prod-dtdgobserv001";
        long creates = sandbox.calls("CreateGrant");

        String id = distribute(Map.of("productId", product, "targetAccountIds", "310987654323"));

        assertThat(sandbox.calls("CreateGrant")).isEqualTo(creates);
        assertThat(grants(license(product))).isEmpty();
        assertThat(variable(id, "licensesNotShareable")).isEqualTo(1);
        assertThat((String) variable(id, "distributionReport"))
                .contains("not shared", "SaaS licenses cannot be shared");
    }
}
