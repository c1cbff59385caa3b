package io.mpgov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.mpgov.sandbox.DemoOrganization;
import io.mpgov.sandbox.Sandbox;
import io.mpgov.support.Http;
import io.mpgov.support.PublicOfferScenario;
import io.mpgov.support.TasklistSession;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The audit export over a scripted stretch of activity: one public request a month ago (engine clock
 * moved back), then this month a private request with approvals, an agreement, a change set and grants,
 * and a dry catalog review. This month's export holds all of this month and nothing of the last.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "it"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AuditEvidenceIT extends PublicOfferScenario {

    static final int DAYS_BACK = 40;

    String approvedPublicRequest() {
        JsonNode created = submit("requester", publicRequest(DemoOrganization.PRODUCT_NOT_YET_ALLOWED));
        String task = awaitTask(created.get("processInstanceId").asText(), "pmp-admin");
        assertThat(complete(task, "pmp-admin", "APPROVE", "last month's approval")
                        .status())
                .isEqualTo(204);
        awaitCompleted(created.get("requestId").asText(), "requester");
        return created.get("requestId").asText();
    }

    String privateRequestThroughToTheGrants() {
        Map<String, Object> request = privateRequest("prod-snwflkdata001", "offer-snwflkdatapriv2");
        // Accounts no other test of this class grants to: this request's grants are new.
        request.put("targetAccountIds", List.of("410987654321"));
        String requestId = privateRequestThroughToThePmp(request);
        awaitCompleted(requestId, "requester");
        return requestId;
    }

    JsonNode export(LocalDate from, LocalDate to) {
        Http.Response response = http.get("/api/audit/evidence?from=" + from + "&to=" + to, "auditor");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("evidence");
    }

    static List<String> facts(JsonNode evidence, String reference) {
        List<String> facts = new ArrayList<>();
        evidence.forEach(e -> {
            if (reference.equals(e.path("reference").asText())) {
                facts.add(e.path("kind").asText() + " " + e.path("actor").asText() + " "
                        + e.path("outcome").asText());
            }
        });
        return facts;
    }

    @Test
    void aMonthsExportHoldsEveryDecisionAndAwsChangeOfThatMonthAndNothingElse() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String lastMonths;
        ClockUtil.offset(-Duration.ofDays(DAYS_BACK).toMillis());
        try {
            lastMonths = approvedPublicRequest();
        } finally {
            ClockUtil.reset();
        }
        String thisMonths = privateRequestThroughToTheGrants();
        JsonNode review =
                http.post("/api/reviews/catalog?dryRun=true", "auditor", "").json();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "COMPLETED"
                        .equals(http.get(
                                        "/api/reviews/catalog/"
                                                + review.path("processInstanceId")
                                                        .asText(),
                                        "auditor")
                                .json()
                                .path("state")
                                .asText()));

        // read again once the work is done: a run across midnight UTC ends on the next day
        LocalDate end = LocalDate.now(ZoneOffset.UTC);
        JsonNode recent = export(today.minusDays(DAYS_BACK / 2), end);
        assertThat(facts(recent, thisMonths))
                .contains(
                        "DECISION finance APPROVE",
                        "DECISION procurement-manager APPROVE",
                        "DECISION procurement-manager ACCEPT",
                        "DECISION pmp-admin APPROVE",
                        "DMN mpgov offer-routing v1",
                        "DMN mpgov approval-matrix v1",
                        "CHANGE_SET mpgov SUCCEEDED",
                        "AGREEMENT procurement-manager ACCEPTED",
                        "GRANT mpgov created");
        assertThat(recent.toString())
                .contains("grant arn:aws:license-manager:", "ALLOW prod-snwflkdata001 change set", "DRY_RUN")
                .doesNotContain(lastMonths, "last month's approval");

        JsonNode earlier = export(today.minusDays(DAYS_BACK + 1), today.minusDays(DAYS_BACK / 2 + 1));
        assertThat(facts(earlier, lastMonths))
                .contains("DECISION pmp-admin APPROVE", "DMN mpgov offer-routing v1", "CHANGE_SET mpgov SUCCEEDED");
        assertThat(earlier.toString()).doesNotContain(thisMonths, "DRY_RUN");

        Http.Response csv =
                http.get("/api/audit/evidence?from=" + today.minusDays(1) + "&to=" + end + "&format=csv", "auditor");
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body())
                .startsWith("time,kind,process,processInstanceId,reference,actor,outcome,detail")
                .contains("\"DECISION\",\"procurement-request\"");
    }

    @Test
    void everyAgreementIdEnteredIsARowOfItsOwnWithTheChecksOutcome() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String product = "prod-mngdbatlas001";
        String offer = "offer-mngdbatlaspriv9";
        Map<String, Object> request = privateRequest(product, offer);
        request.put("targetAccountIds", List.of("410987654322"));
        JsonNode created = submit("requester", request);
        String pi = created.get("processInstanceId").asText();
        String requestId = created.get("requestId").asText();
        for (String approver : List.of("finance", "procurement-manager")) {
            String task =
                    awaitTask(pi, approver, "&taskDefinitionKey=Task_ApprovePrivateOffer&candidateGroup=" + approver);
            assertThat(complete(task, approver, "APPROVE", null).status()).isEqualTo(204);
        }
        // the procurement manager first enters an agreement of another offer, then the right one
        String wrong = sandbox.acceptOffer(new Sandbox.OfferAcceptance("offer-mngdbatlasothr", product, 12, "20000"))
                .id();
        String right = sandbox.acceptOffer(new Sandbox.OfferAcceptance(offer, product, 12, "20000"))
                .id();
        String first = awaitTask(pi, "procurement-manager", "&taskDefinitionKey=Task_AcceptPrivateOffer");
        assertThat(complete(first, "procurement-manager", "ACCEPT", null, Map.of("agreementId", wrong))
                        .status())
                .isEqualTo(204);
        String second = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> awaitTask(pi, "procurement-manager", "&taskDefinitionKey=Task_AcceptPrivateOffer"),
                        id -> !id.equals(first));
        // the second attempt as Tasklist sends it: the form submitted through the session
        Http.Response submitted = TasklistSession.signIn(port, "procurement-manager")
                .send(
                        "POST",
                        "/task/" + second + "/submit-form",
                        Http.json(Map.of(
                                "variables",
                                Map.of(
                                        "decision", Map.of("value", "ACCEPT"),
                                        "agreementId", Map.of("value", right)))));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(204);
        String confirmation = awaitTask(pi, "pmp-admin", "&taskDefinitionKey=Task_ConfirmPmpAddition");
        for (JsonNode form : List.of(
                http.get("/engine-rest/task/" + confirmation + "/form-variables", "pmp-admin")
                        .json(),
                TasklistSession.signIn(port, "pmp-admin")
                        .send("GET", "/task/" + confirmation + "/form-variables", null)
                        .json())) {
            assertThat(form.path("approvalsCheck").path("value").asText())
                    .as("the control step lists the approvals the matrix required against those given")
                    .startsWith("Required by the approval matrix: procurement, finance\n")
                    .contains(
                            "procurement (procurement-manager): given by procurement-manager, ",
                            "finance (finance): given by finance, ")
                    .doesNotContain("NOT GIVEN");
        }
        assertThat(complete(confirmation, "pmp-admin", "APPROVE", "approvals and agreement checked")
                        .status())
                .isEqualTo(204);

        String refused = "agreement " + wrong + " is for offer offer-mngdbatlasothr, not " + offer;
        List<String> rows = new ArrayList<>();
        export(today.minusDays(1), LocalDate.now(ZoneOffset.UTC)).forEach(e -> {
            if (requestId.equals(e.path("reference").asText())
                    && "AGREEMENT".equals(e.path("kind").asText())) {
                rows.add(e.path("actor").asText() + " " + e.path("outcome").asText() + " "
                        + e.path("detail").asText());
            }
        });
        assertThat(rows)
                .as("each agreement id entered, with the check's outcome and the refusal's reason")
                .containsExactly(
                        "procurement-manager REFUSED agreement " + wrong + " (attempt 1) — " + refused,
                        "procurement-manager ACCEPTED agreement " + right + " (attempt 2)");
        assertThat(http.get(
                                "/api/audit/evidence?from=" + today.minusDays(1) + "&to="
                                        + LocalDate.now(ZoneOffset.UTC) + "&format=csv",
                                "auditor")
                        .body())
                .contains(
                        "\"AGREEMENT\",\"procurement-request\",\"" + pi + "\",\"" + requestId
                                + "\",\"procurement-manager\",\"REFUSED\",\"agreement " + wrong + " (attempt 1) — "
                                + refused + "\"",
                        "\"REFUSED\",\"agreement " + wrong,
                        "\"ACCEPTED\",\"agreement " + right + " (attempt 2)\"");

        JsonNode view = http.get("/api/requests/" + requestId, "requester").json();
        assertThat(view.path("awsChanges").path("agreementAttempts"))
                .extracting(a -> a.path("agreementId").asText() + " "
                        + a.path("enteredBy").asText() + " "
                        + a.path("outcome").asText()
                        + (a.path("reason").isTextual()
                                ? " — " + a.path("reason").asText()
                                : ""))
                .containsExactly(
                        wrong + " procurement-manager REFUSED — " + refused, right + " procurement-manager ACCEPTED");
        assertThat(view.path("approvals"))
                .extracting(a -> a.path("kind").asText() + " required "
                        + a.path("required").asBoolean() + " by "
                        + a.path("givenBy").asText())
                .containsExactly(
                        "procurement required true by procurement-manager", "finance required true by finance");
    }

    @Test
    void onlyAuditorsReadEvidenceAndBadRangesAreNamed() {
        assertThat(http.get("/api/audit/evidence?from=2026-11-01&to=2026-11-30", "requester")
                        .status())
                .isEqualTo(403);
        Http.Response reversed = http.get("/api/audit/evidence?from=2026-11-30&to=2026-11-01", "auditor");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.body()).contains("from must not be after to");
        assertThat(http.get("/api/audit/evidence?from=yesterday&to=2026-11-01", "auditor")
                        .body())
                .contains("from must be a date YYYY-MM-DD, not 'yesterday'");
        assertThat(http.get("/api/audit/evidence?from=2026-11-01&to=2026-11-30&format=xml", "auditor")
                        .status())
                .isEqualTo(400);
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.camunda.bpm.engine.RepositoryService repository;

    @Test
    void oneRetentionSettingDecidesTheHistoryTimeToLiveOfEveryProcessAndDecision() {
        // application-it.yaml sets mpgov.audit.retention to P3000D; the models say P2555D.
        assertThat(repository.createProcessDefinitionQuery().list())
                .isNotEmpty()
                .allSatisfy(
                        d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isEqualTo(3000));
        assertThat(repository.createDecisionDefinitionQuery().list())
                .isNotEmpty()
                .allSatisfy(
                        d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isEqualTo(3000));
    }
}
