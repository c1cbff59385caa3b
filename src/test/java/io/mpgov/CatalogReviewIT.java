package io.mpgov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.mpgov.sandbox.DemoOrganization;
import io.mpgov.sandbox.Sandbox;
import io.mpgov.support.Http;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The catalog review on the demo organization through the real adapters (DescribeEntity, SearchAgreements,
 * GetAgreementTerms, GetLicenseUsage, StartChangeSet) and REST: CrowdStrike's agreement ends in a month
 * and Splunk's in two and a half, so both leave; everything else stays.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "it"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CatalogReviewIT {

    @LocalServerPort
    int port;

    @Autowired
    Sandbox sandbox;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.camunda.bpm.engine.TaskService tasks;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    List<String> pmp() {
        return sandbox.read(s -> s.experiences.stream()
                .filter(e -> e.id.equals(DemoOrganization.EXPERIENCE_ID))
                .findFirst()
                .orElseThrow()
                .allowedProducts
                .stream()
                .sorted()
                .toList());
    }

    JsonNode finished(Http.Response started, String user) {
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().path("processInstanceId").asText();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "COMPLETED"
                        .equals(http.get("/api/reviews/catalog/" + id, user)
                                .json()
                                .path("state")
                                .asText()));
        return http.get("/api/reviews/catalog/" + id, user).json();
    }

    @Test
    @Order(1)
    void anAuditorsDryRunReportsTheRemovalsAndChangesNothing() {
        List<String> before = pmp();

        JsonNode run = finished(http.post("/api/reviews/catalog?dryRun=true", "auditor", ""), "auditor");

        assertThat(run.path("removedCount").asInt()).isEqualTo(2);
        assertThat(run.path("removals").path("prod-crwdfalcon001").asText())
                .as("what it would remove, by product, with the policy's reason")
                .isEqualTo("agreement ends within 3 months");
        assertThat(run.path("removals").size()).isEqualTo(2);
        assertThat(run.path("lines").toString())
                .contains(
                        "prod-crwdfalcon001 PRIVATE",
                        "→ REMOVE: agreement ends within 3 months",
                        "prod-gitlabprem001 PRIVATE",
                        "prod-ngnxplusami01 PUBLIC",
                        "(in use) → KEEP");
        assertThat(run.path("lines").toString())
                .as("the signal per product type: SaaS spend, AMI check-outs, neither")
                .containsPattern(
                        "prod-dtdgobserv001 [^\"]*\\(in use\\) → KEEP[^\"]*\\(usage: Cost Explorer: 1850.00 USD in ")
                .containsPattern("prod-ngnxplusami01 [^\"]*\\(usage: License Manager: checked out now\\)")
                .containsPattern(
                        "prod-rdhtrhel90001 [^\"]*\\(usage: none seen: no Cost Explorer spend, no License Manager check-outs \\(AmiProduct@1.0\\)\\)");
        assertThat(pmp()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from mpgov_pmp_product", Integer.class))
                .isZero();
    }

    @Test
    @Order(2)
    void onlyPmpAdminsAndProcurementMayRemoveAndStrangersAreTurnedAway() {
        Http.Response auditor = http.post("/api/reviews/catalog", "auditor", "");
        assertThat(auditor.status()).isEqualTo(403);
        assertThat(auditor.body()).contains("auditor may not run a catalog review");
        assertThat(http.post("/api/reviews/catalog", null, "").status()).isEqualTo(401);
        assertThat(http.get("/api/reviews/catalog/nope", "pmp-admin").status()).isEqualTo(404);
    }

    @Test
    @Order(3)
    void aReviewRemovesTheProductsWhoseAgreementsEndSoonAndTellsProcurement() {
        int mails = sandbox.<Integer>read(s -> s.emails.size());

        JsonNode run = finished(http.post("/api/reviews/catalog", "pmp-admin", ""), "pmp-admin");

        assertThat(run.path("cause").asText()).isEqualTo("review requested by pmp-admin");
        await().atMost(Duration.ofSeconds(30)).until(() -> !pmp().contains("prod-crwdfalcon001"));
        assertThat(pmp())
                .containsExactly(
                        "prod-dtdgobserv001", "prod-gitlabprem001", "prod-ngnxplusami01", "prod-rdhtrhel90001");
        assertThat(jdbc.queryForList(
                        "select product_id from mpgov_pmp_product where removed_at is not null", String.class))
                .containsExactlyInAnyOrder("prod-crwdfalcon001", "prod-splkenterp001");
        assertThat(jdbc.queryForObject(
                        "select origin from mpgov_pmp_product where product_id = 'prod-rdhtrhel90001'", String.class))
                .isEqualTo("BASELINE");
        assertThat(sandbox.<List<String>>read(
                        s -> s.emails.stream().skip(mails).map(m -> m.subject()).toList()))
                .anySatisfy(
                        subject -> assertThat(subject).contains("2 product(s) removed from the Private Marketplace"));
    }

    @Test
    @Order(4)
    void theNextRunChangesNothing() {
        int changeSets = sandbox.<Integer>read(s -> s.changeSets.size());

        JsonNode run = finished(http.post("/api/reviews/catalog", "procurement-manager", ""), "procurement-manager");

        assertThat(run.path("removedCount").asInt()).isZero();
        assertThat(sandbox.<Integer>read(s -> s.changeSets.size())).isEqualTo(changeSets);
    }

    @Test
    @Order(5)
    void anAgreementEndingEventStartsAReviewAtOnce() throws Exception {
        Sandbox.Delivery ending = sandbox.emit(
                "aws.agreement-marketplace",
                "Purchase Agreement Ending - Acceptor",
                Map.of("agreement", Map.of("id", "agmt-snwflkdata2025priv0001")));

        assertThat(ending.status()).as(ending.response()).isEqualTo(202);
        assertThat(ending.response())
                .contains("ACCEPTED", "Reviewing the catalog for agreement agmt-snwflkdata2025priv0001");
    }

    @Test
    @Order(6)
    void securityStartsAnAccessReviewAndGetsTheAttestationWithEveryMember() {
        assertThat(http.post("/api/reviews/access", "pmp-admin", "").status()).isEqualTo(403);

        Http.Response started = http.post("/api/reviews/access", "security", "");

        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().path("processInstanceId").asText();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> tasks.createTaskQuery()
                                .processInstanceId(id)
                                .taskCandidateGroup("security")
                                .count()
                        == 1);
        assertThat((String) tasks.getVariable(
                        tasks.createTaskQuery()
                                .processInstanceId(id)
                                .singleResult()
                                .getId(),
                        "membersText"))
                .contains("procurement-manager@procurement-manager", "pmp-admin@pmp-admin");
    }

    @Autowired
    io.mpgov.request.RequestService requests;

    @Test
    @Order(7)
    void aRenewalIsOpenedOnceForTheOriginalRequesterPrefilledFromTheOriginal() {
        Map<String, Object> original =
                io.mpgov.support.PublicOfferScenario.privateRequest("prod-gitlabprem001", "offer-gitlabprempriv1");
        Http.Response created = http.post("/api/requests", "requester", Http.json(original));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String originalId = created.json().path("requestId").asText();

        String renewal = requests.open(originalId, "prod-gitlabprem001", "agreement ends within 3 months")
                .orElseThrow();

        var task = tasks.createTaskQuery().processInstanceBusinessKey(renewal).singleResult();
        assertThat(task.getName()).isEqualTo("Complete product request: PagerDuty — " + renewal);
        assertThat(task.getAssignee()).isEqualTo("requester");
        Map<String, Object> variables = tasks.getVariables(task.getId());
        assertThat(variables)
                .containsEntry("requestType", "RENEWAL")
                .containsEntry("offerType", "PRIVATE")
                .containsEntry("renewalOf", originalId)
                .containsEntry("targetAccountIds", "310987654321,310987654322")
                .containsEntry("dataClassification", "INTERNAL");
        assertThat((String) variables.get("businessJustification")).startsWith("Renewal of " + originalId);
        assertThat(requests.open(originalId, "prod-gitlabprem001", "again"))
                .as("one open renewal per request")
                .isEmpty();
    }
}
