package io.mpgov;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mpgov.support.Http;
import io.mpgov.support.PublicOfferScenario;
import io.mpgov.support.TasklistSession;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * A decision is its decider's own: on the private path, what finance decided and wrote never reaches the form
 * security opens — not through /engine-rest, not through Tasklist's own session API — and the request page shows
 * each decision as mpgov recorded it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "it"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DecisionRecordIT extends PublicOfferScenario {

    static final String FINANCE_WORDS = "Budget line FIN-42 covers it";

    @Test
    void securityOpensItsApprovalWithNoDecisionAndNoneOfFinancesWords() {
        Map<String, Object> request = privateRequest("prod-snwflkdata001", "offer-snwflkdatapriv1");
        request.put("dataClassification", "RESTRICTED");
        JsonNode created = submit("requester", request);
        String pi = created.get("processInstanceId").asText();
        String finance = awaitTask(pi, "finance", "&candidateGroup=finance");
        String security = awaitTask(pi, "security", "&candidateGroup=security");

        // finance decides as Tasklist does: opens the form, submits it
        TasklistSession financeSession = TasklistSession.signIn(port, "finance");
        assertThat(financeSession
                        .send("GET", "/task/" + finance + "/form-variables", null)
                        .status())
                .isEqualTo(200);
        Http.Response submitted = financeSession.send(
                "POST",
                "/task/" + finance + "/submit-form",
                Http.json(Map.of(
                        "variables",
                        Map.of(
                                "decision", Map.of("value", "APPROVE"),
                                "comment", Map.of("value", FINANCE_WORDS)))));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(204);

        TasklistSession tasklist = TasklistSession.signIn(port, "security");
        for (String path : List.of("/task/" + security + "/form-variables", "/task/" + security + "/variables")) {
            for (Http.Response answer :
                    List.of(http.get("/engine-rest" + path, "security"), tasklist.send("GET", path, null))) {
                assertThat(answer.status()).as(path + " → " + answer.body()).isEqualTo(200);
                assertThat(answer.json().has("decision")
                                && !answer.json().get("decision").get("value").isNull())
                        .as("%s holds a decision: %s", path, answer.body())
                        .isFalse();
                assertThat(answer.json().has("comment")).as(path).isFalse();
                assertThat(answer.body()).as(path).doesNotContain("FIN-42");
            }
        }

        assertThat(complete(security, "security", "APPROVE", null).status()).isEqualTo(204);
        JsonNode decisions = http.get(
                        "/api/requests/" + created.get("requestId").asText(), "requester")
                .json()
                .get("decisions");
        assertThat(decisions)
                .extracting(d -> d.get("decidedBy").asText() + ":"
                        + d.get("decision").asText() + ":" + d.path("comment").asText(""))
                .containsExactly("finance:APPROVE:" + FINANCE_WORDS, "security:APPROVE:");
    }
}
