package io.mpgov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.mpgov.support.Http;
import io.mpgov.support.PublicOfferScenario;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** The application as it runs by default (demo profile, H2, sandbox), driven over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "it"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@AutoConfigureObservability(tracing = false) // tests turn metrics export off unless asked: the README promises it
class MpgovApplicationIT extends PublicOfferScenario {

    @Autowired
    RuntimeService runtime;

    @Autowired
    IdentityService identity;

    @Autowired
    ManagementService management;

    long requests() {
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey("procurement-request")
                .count();
    }

    @Test
    void aTaskMailThatCannotGoIsTriedAgainAMinuteLaterAndTheTaskWaitsMeanwhile() {
        org.camunda.bpm.engine.identity.User pmpAdmin =
                identity.createUserQuery().userId("pmp-admin").singleResult();
        String address = pmpAdmin.getEmail();
        pmpAdmin.setEmail(null);
        identity.saveUser(pmpAdmin);
        try {
            String pi = submit("requester", publicRequest("prod-gitlabprem001"))
                    .get("processInstanceId")
                    .asText();
            String taskId = awaitTask(pi, "pmp-admin");

            org.camunda.bpm.engine.runtime.Job mail = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> management
                                    .createJobQuery()
                                    .processInstanceId(pi)
                                    .withException()
                                    .singleResult(),
                            job -> job != null);
            assertThat(mail.getExceptionMessage()).contains("Nobody to send 'task-waiting' to");
            assertThat(mail.getRetries()).as("retried, not dropped").isEqualTo(4);
            assertThat(mail.getDuedate()).isAfter(Date.from(Instant.now().plusSeconds(30)));
            assertThat(http.get("/engine-rest/task/" + taskId, "pmp-admin").status())
                    .as("the task waits whatever its mail does")
                    .isEqualTo(200);
        } finally {
            pmpAdmin.setEmail(address);
            identity.saveUser(pmpAdmin);
        }
    }

    @Test
    void invalidRequestIsA400ProblemWithOneMessagePerFieldAndStartsNothing() {
        long before = requests();
        Map<String, Object> request = publicRequest("prod-BAD");
        request.remove("sellerName");
        request.put("targetAccountIds", java.util.List.of("510987654321"));

        Http.Response response = http.post("/api/requests", "requester", Http.json(request));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors"))
                .extracting(e -> e.get("field").asText())
                .containsExactly("productId", "sellerName", "targetAccountIds");
        assertThat(requests()).isEqualTo(before);
    }

    @Test
    void wronglyTypedFieldIsA400NamingTheField() {
        Map<String, Object> request = publicRequest("prod-tblaucloud001");
        request.put("estimatedAnnualCost", "a lot");

        Http.Response response = http.post("/api/requests", "requester", Http.json(request));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("estimatedAnnualCost");
    }

    @Test
    void secondOpenRequestForTheSameProductIsRefused() {
        submit("requester", publicRequest("prod-jfrogartif001"));

        Http.Response duplicate =
                http.post("/api/requests", "requester2", Http.json(publicRequest("prod-jfrogartif001")));

        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.json().get("detail").asText()).contains("still open");
    }

    @Test
    void onlyRequestersMayStartRequests() {
        long before = requests();

        Http.Response response =
                http.post("/api/requests", "pmp-admin", Http.json(publicRequest("prod-trndmicro0001")));

        assertThat(response.status()).isEqualTo(403);
        assertThat(requests()).isEqualTo(before);
    }

    @Test
    void requestsAreVisibleToTheirRequesterAndTheAuditorOnly() {
        String requestId = submit("requester", publicRequest("prod-mngdbatlas001"))
                .get("requestId")
                .asText();

        assertThat(http.get("/api/requests/" + requestId, "requester").status()).isEqualTo(200);
        assertThat(http.get("/api/requests/" + requestId, "auditor")
                        .json()
                        .get("startedBy")
                        .asText())
                .isEqualTo("requester");
        assertThat(http.get("/api/requests/" + requestId, "requester2").status())
                .isEqualTo(404);
        assertThat(http.get("/api/requests/PR-NOSUCH00", "auditor").status()).isEqualTo(404);
    }

    @Test
    void restApisRequireAValidUser() {
        // A user of its own: a failed login locks the user out for a while (the engine's brute-force guard).
        if (identity.createUserQuery().userId("probe").count() == 0) {
            var probe = identity.newUser("probe");
            probe.setPassword("right");
            identity.saveUser(probe);
        }
        assertThat(http.get("/engine-rest/task", null).status()).isEqualTo(401);
        assertThat(http.get("/engine-rest/task", "probe:wrong").status()).isEqualTo(401);
        assertThat(http.get("/api/requests/PR-X", null).status()).isEqualTo(401);
        assertThat(http.post("/api/requests", "probe:wrong", "{}").status()).isEqualTo(401);
        assertThat(http.get("/engine-rest/task", "pmp-admin").status()).isEqualTo(200);
    }

    @Test
    void webappApiRequiresALogin() {
        assertThat(http.get("/camunda/api/engine/engine/default/task", null).status())
                .isEqualTo(401);
        assertThat(http.get("/camunda/app/tasklist/default/", null).status()).isEqualTo(200);
    }

    @Test
    void demoUsersExistOnePerPersonaWithTheirGroup() {
        for (String persona : io.mpgov.security.Personas.ALL) {
            assertThat(identity.checkPassword(persona, "demo")).as(persona).isTrue();
            assertThat(identity.createUserQuery()
                            .userId(persona)
                            .memberOfGroup(persona)
                            .count())
                    .as(persona)
                    .isEqualTo(1);
        }
        assertThat(identity.createUserQuery()
                        .userId("requester2")
                        .memberOfGroup("requester")
                        .count())
                .isEqualTo(1);
        assertThat(identity.checkPassword("admin", "demo")).isTrue();
    }

    @Test
    void theAuditorReadsButCannotDecideAndNobodyDecidesOnTheirOwnRequest() {
        JsonNode created = submit("admin", publicRequest("prod-snwflkdata001"));
        String taskId = awaitTask(created.get("processInstanceId").asText(), "pmp-admin");

        Http.Response auditor = complete(taskId, "auditor", "APPROVE", null);
        Http.Response ownRequest = complete(taskId, "admin", "APPROVE", null);
        Http.Response noReason = complete(taskId, "pmp-admin", "REJECT", null);

        assertThat(auditor.status()).isEqualTo(403);
        assertThat(ownRequest.status()).isEqualTo(403);
        // camunda-admin is no PMP admin: who may decide comes first, four-eyes after (process tests cover both)
        assertThat(ownRequest.json().get("message").asText())
                .contains("admin may not complete 'Review public offer: PagerDuty — ");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("message").asText()).contains("needs a comment");
        assertThat(complete(taskId, "pmp-admin", "REJECT", "Covered by the data platform")
                        .status())
                .isEqualTo(204);
        JsonNode view = awaitCompleted(created.get("requestId").asText(), "auditor");
        assertThat(view.get("outcome").asText()).isEqualTo("EndEvent_RequestRejected");
    }

    @Test
    void everyMayNotOfThePersonaTableHoldsThroughTheRestApi() {
        String offer = "offer-tblaucloudpriv1";
        JsonNode created = submit("requester", privateRequest("prod-tblaucloud001", offer));
        String pi = created.get("processInstanceId").asText();
        String finance = awaitTask(pi, "finance", "&candidateGroup=finance");
        String procurement = awaitTask(pi, "procurement-manager", "&candidateGroup=procurement-manager");

        for (String user : List.of("requester", "legal", "security", "pmp-admin", "software-manager", "auditor")) {
            assertThat(complete(finance, user, "APPROVE", null).status())
                    .as(user + " approves finance")
                    .isEqualTo(403);
        }
        assertThat(http.get("/engine-rest/task?processInstanceId=" + pi, "requester")
                        .json())
                .as("requester sees no approval")
                .isEmpty();
        assertThat(complete(finance, "finance", "APPROVE", null).status()).isEqualTo(204);
        assertThat(complete(procurement, "procurement-manager", "APPROVE", null).status())
                .isEqualTo(204);

        String acceptance = awaitTask(pi, "procurement-manager", "&taskDefinitionKey=Task_AcceptPrivateOffer");
        String agreementId = sandbox.acceptOffer(
                        new io.mpgov.sandbox.Sandbox.OfferAcceptance(offer, "prod-tblaucloud001", 12, "20000"))
                .id();
        for (String user : List.of("pmp-admin", "software-manager", "finance", "requester", "auditor")) {
            assertThat(complete(acceptance, user, "ACCEPT", null, Map.of("agreementId", agreementId))
                            .status())
                    .as(user + " accepts the offer")
                    .isEqualTo(403);
        }
        assertThat(complete(acceptance, "procurement-manager", "ACCEPT", null, Map.of("agreementId", agreementId))
                        .status())
                .isEqualTo(204);

        String confirmation = awaitTask(pi, "pmp-admin", "&taskDefinitionKey=Task_ConfirmPmpAddition");
        for (String user : List.of("procurement-manager", "software-manager", "requester", "auditor")) {
            assertThat(complete(confirmation, user, "APPROVE", null).status())
                    .as(user + " changes the PMP")
                    .isEqualTo(403);
        }
        assertThat(http.post("/engine-rest/process-definition/key/catalog-change/start", "procurement-manager", "{}")
                        .status())
                .as("nobody but the engine starts a PMP change")
                .isEqualTo(403);
        assertThat(http.get("/engine-rest/history/process-instance?processInstanceId=" + pi, "auditor")
                        .json())
                .hasSize(1);
        assertThat(complete(confirmation, "pmp-admin", "APPROVE", null).status())
                .isEqualTo(204);
    }

    @Test
    void aRenewalIsAcceptedForAProductUnderAgreementAndRefusedOtherwise() {
        Map<String, Object> renewal = privateRequest("prod-crwdfalcon001", "offer-crwdfalconpriv2");
        renewal.put("requestType", "RENEWAL");
        Map<String, Object> neverBought = privateRequest("prod-ngnxplusami01", "offer-ngnxpluspriv1");
        neverBought.put("requestType", "RENEWAL");

        assertThat(http.post("/api/requests", "requester", Http.json(renewal)).status())
                .isEqualTo(201);
        Http.Response refused = http.post("/api/requests", "requester", Http.json(neverBought));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("message").asText()).contains("no agreement");
    }

    @Test
    void healthAndPrometheusMetricsAreServed() {
        assertThat(http.get("/actuator/health", null).body()).contains("\"status\":\"UP\"");
        Http.Response metrics = http.get("/actuator/prometheus", null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }
}
