package io.mpgov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.mpgov.support.Http;
import io.mpgov.support.PublicOfferScenario;
import io.mpgov.support.TasklistSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Approvers see what they decide: the "Follow the request" link in an approver's mail opens the request for anyone
 * who has or had a task on it, and for nobody else who may not see every request.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "mpgov.test.context=approver-visibility")
@ActiveProfiles({"demo", "it"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ApproverVisibilityIT {

    @LocalServerPort
    int port;

    @Test
    void anApproverOpensTheRequestOfItsTaskBeforeAndAfterDecidingAndNobodyElseWithoutATaskDoes() {
        Http http = new Http(port);
        // 20,000 USD a year, a known vendor, standard EULA, INTERNAL data: finance and procurement, not legal
        Http.Response created = http.post(
                "/api/requests",
                "requester",
                Http.json(PublicOfferScenario.privateRequest("prod-snwflkdata001", "offer-snwflkdatapriv1")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String requestId = created.json().get("requestId").asText();
        String pi = created.json().get("processInstanceId").asText();
        String financeTask = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> {
                            JsonNode tasks = http.get(
                                            "/engine-rest/task?candidateGroup=finance&processInstanceId=" + pi,
                                            "finance")
                                    .json();
                            return tasks.isEmpty()
                                    ? null
                                    : tasks.get(0).get("id").asText();
                        },
                        id -> id != null);

        assertThat(http.get("/api/requests/" + requestId, "finance").status())
                .as("finance, with a task on the request")
                .isEqualTo(200);
        assertThat(listed(http, "finance")).contains(requestId);
        for (String user : List.of("requester2", "legal", "security")) {
            assertThat(http.get("/api/requests/" + requestId, user).status())
                    .as(user + ", with no task on it")
                    .isEqualTo(404);
            assertThat(listed(http, user)).as(user).doesNotContain(requestId);
        }

        Http.Response approved = http.post(
                "/engine-rest/task/" + financeTask + "/complete",
                "finance",
                Http.json(Map.of("variables", Map.of("decision", Map.of("value", "APPROVE")))));
        assertThat(approved.status()).as(approved.body()).isEqualTo(204);

        Http.Response after = http.get("/api/requests/" + requestId, "finance");
        assertThat(after.status()).as("finance, who decided").isEqualTo(200);
        // the mail's link opens the page in the browser signed in to Tasklist: the same answers through the session
        assertThat(TasklistSession.signIn(port, "finance")
                        .mpgov("GET", "/api/requests/" + requestId, null)
                        .status())
                .as("finance's Tasklist session")
                .isEqualTo(200);
        assertThat(TasklistSession.signIn(port, "requester2")
                        .mpgov("GET", "/api/requests/" + requestId, null)
                        .status())
                .as("requester2's Tasklist session")
                .isEqualTo(404);
        assertThat(after.json().get("decisions").toString()).contains("finance");
        assertThat(listed(http, "finance")).contains(requestId);
        assertThat(http.get("/api/requests?size=100&state=finished", "finance")
                        .json()
                        .get("items"))
                .as("still running")
                .isEmpty();
        assertThat(http.get("/api/requests/" + requestId, "requester2").status())
                .isEqualTo(404);
    }

    private static List<String> listed(Http http, String user) {
        JsonNode list = http.get("/api/requests?size=100", user).json();
        assertThat(list.get("total").asLong())
                .as(user + ": the total counts what the list shows")
                .isEqualTo(list.get("items").size());
        List<String> ids = new ArrayList<>();
        list.get("items").forEach(item -> ids.add(item.get("requestId").asText()));
        return ids;
    }
}
