package io.mpgov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mpgov.sandbox.DemoOrganization;
import io.mpgov.sandbox.Sandbox;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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

/**
 * Account lifecycle on the sandbox's organization: each event the sandbox emits (as CloudTrail or
 * License Manager would) reaches /api/events over HTTP and reconciles just what it touched; the
 * scheduled reconciliation catches what no event announces. One organization, changed step by step. The
 * request entitles an OU (one grant to the OU, which covers the accounts that join it) and a tag (one grant
 * per account).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "it"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccountLifecycleIT {

    /** NGINX Plus: an AMI product, whose license can be shared. */
    static final String PRODUCT = "prod-ngnxplusami01";
    /** The technology OU's five accounts and the three ACTIVE accounts tagged licence-group=observability. */
    static final List<String> ENTITLED = List.of(
            "210987654323",
            "310987654321",
            "310987654322",
            "410987654321",
            "410987654322",
            "410987654323",
            "410987654324",
            "410987654325");

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Autowired
    ManagementService management;

    @Autowired
    Sandbox sandbox;

    String license() {
        return sandbox.read(s -> s.licenses.stream()
                .filter(l -> l.productSku().equals(PRODUCT))
                .findFirst()
                .orElseThrow()
                .arn());
    }

    /** Who can use the license now, as License Manager sees it: own ACTIVE grants and the OU grant's accounts. */
    List<String> holders(String licenseArn) {
        return List.copyOf(sandbox.licenseHolders(licenseArn));
    }

    /** Waits until the grants' changes took effect in the sandbox (AWS applies them after a while) and returns the holders. */
    List<String> settledHolders(String licenseArn) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> sandbox.<Boolean>read(s -> s.grants.stream().noneMatch(g -> g.pendingStatus != null)));
        return holders(licenseArn);
    }

    long liveGrantsOfProduct() {
        return sandbox.<Long>read(s -> s.grants.stream()
                .filter(g -> g.status.equals("ACTIVE") || g.status.equals("WORKFLOW_COMPLETED"))
                .filter(g -> s.licenses.stream()
                        .anyMatch(l ->
                                l.arn().equals(g.licenseArn) && l.productSku().equals(PRODUCT)))
                .count());
    }

    long writes() {
        return sandbox.calls("CreateGrant") + sandbox.calls("CreateGrantVersion") + sandbox.calls("DeleteGrant");
    }

    /** Waits for the distribution the event or timer started (by its business key) and returns it. */
    HistoricProcessInstance finished(String businessKey) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            assertThat(runtime.createIncidentQuery().list())
                    .extracting(i -> i.getIncidentMessage())
                    .isEmpty();
            return history.createHistoricProcessInstanceQuery()
                            .processDefinitionKey("license-distribution")
                            .processInstanceBusinessKey(businessKey)
                            .finished()
                            .count()
                    == 1;
        });
        return history.createHistoricProcessInstanceQuery()
                .processDefinitionKey("license-distribution")
                .processInstanceBusinessKey(businessKey)
                .singleResult();
    }

    Object variable(HistoricProcessInstance instance, String name) {
        return history.createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId())
                .variableName(name)
                .singleResult()
                .getValue();
    }

    @Test
    @Order(1)
    void aRequestEntitlesAnOuAndATag() {
        runtime.startProcessInstanceByKey(
                "license-distribution",
                "PR-LIFECYCLE",
                Map.of(
                        "productId",
                        PRODUCT,
                        "targetOuId",
                        DemoOrganization.OU_TECHNOLOGY,
                        "targetTag",
                        "licence-group=observability"));
        finished("PR-LIFECYCLE");

        assertThat(settledHolders(license())).containsExactlyElementsOf(ENTITLED);
        assertThat(sandbox.<Long>read(s -> s.grants.stream()
                        .filter(g -> g.principal.contains(":ou/"))
                        .count()))
                .as("one grant for the whole OU")
                .isEqualTo(1L);
    }

    @Test
    @Order(2)
    void aNewAccountInTheOuIsCoveredByTheOuGrantWithoutAWrite() throws Exception {
        long before = writes();
        sandbox.addAccount(
                new Sandbox.NewAccount("410987650001", "tech-new", DemoOrganization.OU_TECHNOLOGY, Map.of()));

        HistoricProcessInstance reconciliation = finished("CreateAccountResult 410987650001");

        assertThat(holders(license())).contains("410987650001");
        assertThat(writes()).isEqualTo(before);
        assertThat(variable(reconciliation, "grantsCreated")).isEqualTo(0);
        assertThat(variable(reconciliation, "grantsUnchanged"))
                .as("only the new account's OU grant was looked at")
                .isEqualTo(1L);
    }

    @Test
    @Order(3)
    void taggingAnAccountGrantsAndUntaggingRevokes() throws Exception {
        sandbox.setTags("310987654323", Map.of("cost-centre", "CC-210", "licence-group", "observability"));
        finished("TagResource 310987654323");
        assertThat(settledHolders(license())).contains("310987654323");

        sandbox.setTags("310987654323", Map.of("cost-centre", "CC-210"));
        HistoricProcessInstance untagged = finished("UntagResource 310987654323");
        assertThat(settledHolders(license())).doesNotContain("310987654323");
        assertThat(variable(untagged, "grantsRevoked")).isEqualTo(1);
    }

    @Test
    @Order(4)
    void closingAnAccountRevokesItsGrantButOneInTheOuStaysCoveredAndIsReported() throws Exception {
        sandbox.setAccountState("310987654322", "CLOSED");
        finished("CloseAccount 310987654322");
        assertThat(settledHolders(license())).doesNotContain("310987654322").contains("310987654321");

        long before = writes();
        sandbox.setAccountState("410987654322", "CLOSED");
        HistoricProcessInstance closed = finished("CloseAccount 410987654322");
        assertThat(writes())
                .as("License Manager cannot revoke one account of an OU grant")
                .isEqualTo(before);
        assertThat((String) variable(closed, "distributionReport"))
                .contains("410987654322", "covered by the grant to " + DemoOrganization.OU_TECHNOLOGY);
    }

    @Test
    @Order(5)
    @SuppressWarnings("unchecked")
    void aNewlyReceivedLicenseGoesToEveryEntitledAccount() throws Exception {
        List<String> holders = settledHolders(license());
        String received = sandbox.receiveLicense(PRODUCT).arn();

        HistoricProcessInstance changed =
                finished("License Change " + received.substring(received.lastIndexOf(':') + 1));
        assertThat((List<String>) variable(changed, "distributionLines"))
                .anySatisfy(line -> assertThat(line).contains("kept until the current license"));

        assertThat(settledHolders(received))
                .as("the renewal's license takes the old one's place")
                .isNotEmpty()
                .containsExactlyElementsOf(holders);
        assertThat(holders(license()))
                .as("an account cannot hold two active licenses of one product")
                .isEmpty();
    }

    @Test
    @Order(6)
    void eventsThatChangeNoEntitlementAreAnsweredAndRecorded() throws Exception {
        Sandbox.Delivery ouTagged = sandbox.emit(
                "aws.organizations",
                "AWS API Call via CloudTrail",
                Map.of(
                        "eventName",
                        "TagResource",
                        "requestParameters",
                        Map.of("resourceId", DemoOrganization.OU_RETAIL)));
        assertThat(ouTagged.status()).isEqualTo(202);
        assertThat(ouTagged.response()).contains("IGNORED");

        Sandbox.Delivery failed = sandbox.emit(
                "aws.organizations",
                "AWS Service Event via CloudTrail",
                Map.of(
                        "eventName",
                        "CreateAccountResult",
                        "serviceEventDetails",
                        Map.of("createAccountStatus", Map.of("state", "FAILED"))));
        assertThat(failed.response()).contains("IGNORED");

        Sandbox.Delivery malformed = sandbox.emit(
                "aws.organizations",
                "AWS API Call via CloudTrail",
                Map.of("eventName", "CloseAccount", "requestParameters", Map.of("accountId", "not-an-account")));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.response()).contains("requestParameters.accountId must be a 12-digit account id");
    }

    @Test
    @Order(7)
    void theScheduledReconciliationCatchesASilentSuspensionAndThenHasNothingToDo() throws Exception {
        // AWS announces no suspension: only the full reconciliation finds it.
        String current = sandbox.<String>read(s -> s.licenses.stream()
                .filter(l -> l.productSku().equals(PRODUCT))
                .reduce((a, b) -> b)
                .orElseThrow()
                .arn());
        sandbox.setAccountState("210987654323", "SUSPENDED");
        assertThat(holders(current)).contains("210987654323");

        reconcileOnSchedule();
        assertThat(settledHolders(current)).doesNotContain("210987654323");

        long before = writes();
        HistoricProcessInstance second = reconcileOnSchedule();
        assertThat(writes()).as("a consistent organization needs no write call").isEqualTo(before);
        assertThat(variable(second, "grantsUnchanged")).isEqualTo(liveGrantsOfProduct());
    }

    /** Fires the reconciliation timer as the job executor would at its time, and waits for the run it started. */
    HistoricProcessInstance reconcileOnSchedule() {
        String timer = management
                .createJobQuery()
                .processDefinitionKey("license-reconciliation")
                .timers()
                .singleResult()
                .getId();
        long runs = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey("license-reconciliation")
                .count();
        management.executeJob(timer);
        HistoricProcessInstance run = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey("license-reconciliation")
                .orderByProcessInstanceStartTime()
                .desc()
                .listPage(0, 1)
                .get(0);
        assertThat(history.createHistoricProcessInstanceQuery()
                        .processDefinitionKey("license-reconciliation")
                        .count())
                .isEqualTo(runs + 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            assertThat(runtime.createIncidentQuery().list())
                    .extracting(i -> i.getIncidentMessage())
                    .isEmpty();
            return history.createHistoricProcessInstanceQuery()
                            .processInstanceId(run.getId())
                            .finished()
                            .count()
                    == 1;
        });
        return history.createHistoricProcessInstanceQuery()
                .superProcessInstanceId(run.getId())
                .singleResult();
    }
}
