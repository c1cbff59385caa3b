package io.mpgov;

import io.mpgov.sandbox.DemoOrganization;
import io.mpgov.sandbox.Sandbox;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Account lifecycle on the sandbox's organization: each event the sandbox emits (as CloudTrail or
 * License Manager would) reaches /api/events over HTTP and reconciles just what it touched; the
 * scheduled reconciliation catches what no event announces. One organization, changed step by step.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "it"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccountLifecycleIT {

    static final String PRODUCT = "prod-dtdgobserv001";
    /** The technology OU's five accounts and the three ACTIVE accounts tagged licence-group=observability. */
    static final List<String> ENTITLED = List.of("210987654323", "310987654321", "310987654322",
            "410987654321", "410987654322", "410987654323", "410987654324", "410987654325");

    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;
    @Autowired
    Sandbox sandbox;

    String license() {
        return sandbox.read(s -> s.licenses.stream().filter(l -> l.productSku().equals(PRODUCT)).findFirst().orElseThrow().arn());
    }

    List<String> liveGrantees(String licenseArn) {
        return sandbox.<List<String>>read(s -> s.grants.stream()
                .filter(g -> g.licenseArn.equals(licenseArn) && List.of("ACTIVE", "PENDING_WORKFLOW").contains(g.status))
                .map(g -> g.principal.replaceAll("\\D", "")).sorted().toList());
    }

    long writes() {
        return sandbox.calls("CreateGrant") + sandbox.calls("CreateGrantVersion") + sandbox.calls("DeleteGrant");
    }

    /** Waits for the distribution the event or timer started (by its business key) and returns it. */
    HistoricProcessInstance finished(String businessKey) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            assertThat(runtime.createIncidentQuery().list()).extracting(i -> i.getIncidentMessage()).isEmpty();
            return history.createHistoricProcessInstanceQuery().processDefinitionKey("license-distribution")
                    .processInstanceBusinessKey(businessKey).finished().count() == 1;
        });
        return history.createHistoricProcessInstanceQuery().processDefinitionKey("license-distribution")
                .processInstanceBusinessKey(businessKey).singleResult();
    }

    Object variable(HistoricProcessInstance instance, String name) {
        return history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).variableName(name)
                .singleResult().getValue();
    }

    @Test
    @Order(1)
    void aRequestEntitlesAnOuAndATag() {
        runtime.startProcessInstanceByKey("license-distribution", "PR-LIFECYCLE", Map.of("productId", PRODUCT,
                "targetOuId", DemoOrganization.OU_TECHNOLOGY, "targetTag", "licence-group=observability"));
        finished("PR-LIFECYCLE");

        assertThat(liveGrantees(license())).containsExactlyElementsOf(ENTITLED);
    }

    @Test
    @Order(2)
    void aNewAccountInTheOuIsGrantedWhenItsCreationSucceeds() throws Exception {
        sandbox.addAccount(new Sandbox.NewAccount("410987650001", "tech-new", DemoOrganization.OU_TECHNOLOGY, Map.of()));

        HistoricProcessInstance reconciliation = finished("CreateAccountResult 410987650001");

        assertThat(liveGrantees(license())).contains("410987650001");
        assertThat(variable(reconciliation, "grantsCreated")).isEqualTo(1);
        assertThat(variable(reconciliation, "grantsUnchanged")).as("only the new account was looked at").isEqualTo(0L);
    }

    @Test
    @Order(3)
    void taggingAnAccountGrantsAndUntaggingRevokes() throws Exception {
        sandbox.setTags("310987654323", Map.of("cost-centre", "CC-210", "licence-group", "observability"));
        finished("TagResource 310987654323");
        assertThat(liveGrantees(license())).contains("310987654323");

        sandbox.setTags("310987654323", Map.of("cost-centre", "CC-210"));
        HistoricProcessInstance untagged = finished("UntagResource 310987654323");
        assertThat(liveGrantees(license())).doesNotContain("310987654323");
        assertThat(variable(untagged, "grantsRevoked")).isEqualTo(1);
    }

    @Test
    @Order(4)
    void closingAnAccountRevokesItsGrant() throws Exception {
        sandbox.setAccountState("410987654322", "CLOSED");

        finished("CloseAccount 410987654322");

        assertThat(liveGrantees(license())).doesNotContain("410987654322").contains("410987654321");
    }

    @Test
    @Order(5)
    void aNewlyReceivedLicenseGoesToEveryEntitledAccount() throws Exception {
        String received = sandbox.receiveLicense(PRODUCT).arn();

        finished("License Change " + received.substring(received.lastIndexOf(':') + 1));

        assertThat(liveGrantees(received)).isNotEmpty().containsExactlyElementsOf(liveGrantees(license()));
    }

    @Test
    @Order(6)
    void eventsThatChangeNoEntitlementAreAnsweredAndRecorded() throws Exception {
        Sandbox.Delivery ouTagged = sandbox.emit("aws.organizations", "AWS API Call via CloudTrail", Map.of(
                "eventName", "TagResource", "requestParameters", Map.of("resourceId", DemoOrganization.OU_RETAIL)));
        assertThat(ouTagged.status()).isEqualTo(202);
        assertThat(ouTagged.response()).contains("IGNORED");

        Sandbox.Delivery failed = sandbox.emit("aws.organizations", "AWS Service Event via CloudTrail", Map.of(
                "eventName", "CreateAccountResult", "serviceEventDetails", Map.of("createAccountStatus", Map.of("state", "FAILED"))));
        assertThat(failed.response()).contains("IGNORED");

        Sandbox.Delivery malformed = sandbox.emit("aws.organizations", "AWS API Call via CloudTrail", Map.of(
                "eventName", "CloseAccount", "requestParameters", Map.of("accountId", "not-an-account")));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.response()).contains("requestParameters.accountId must be a 12-digit account id");
    }

    @Test
    @Order(7)
    void theScheduledReconciliationCatchesASilentSuspensionAndThenHasNothingToDo() throws Exception {
        // AWS announces no suspension: only the full reconciliation finds it.
        sandbox.setAccountState("410987654321", "SUSPENDED");
        assertThat(liveGrantees(license())).contains("410987654321");

        reconcileOnSchedule();
        assertThat(liveGrantees(license())).doesNotContain("410987654321");

        long before = writes();
        HistoricProcessInstance second = reconcileOnSchedule();
        assertThat(writes()).as("a consistent organization needs no write call").isEqualTo(before);
        assertThat(variable(second, "grantsUnchanged")).isEqualTo((long) 2 * liveGrantees(license()).size());
    }

    /** Fires the reconciliation timer as the job executor would at its time, and waits for the run it started. */
    HistoricProcessInstance reconcileOnSchedule() {
        String timer = management.createJobQuery().processDefinitionKey("license-reconciliation").timers().singleResult().getId();
        long runs = history.createHistoricProcessInstanceQuery().processDefinitionKey("license-reconciliation").count();
        management.executeJob(timer);
        HistoricProcessInstance run = history.createHistoricProcessInstanceQuery().processDefinitionKey("license-reconciliation")
                .orderByProcessInstanceStartTime().desc().listPage(0, 1).get(0);
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("license-reconciliation").count()).isEqualTo(runs + 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            assertThat(runtime.createIncidentQuery().list()).extracting(i -> i.getIncidentMessage()).isEmpty();
            return history.createHistoricProcessInstanceQuery().processInstanceId(run.getId()).finished().count() == 1;
        });
        return history.createHistoricProcessInstanceQuery().superProcessInstanceId(run.getId()).singleResult();
    }
}
