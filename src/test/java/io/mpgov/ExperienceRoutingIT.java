package io.mpgov;

import static io.mpgov.sandbox.DemoOrganization.EXPERIENCE_ID;
import static io.mpgov.sandbox.DemoOrganization.SHARED_SERVICES_EXPERIENCE_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.mpgov.sandbox.DemoOrganization;
import io.mpgov.sandbox.Sandbox;
import io.mpgov.sandbox.SandboxState;
import io.mpgov.support.Http;
import io.mpgov.support.PublicOfferScenario;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Two Private Marketplaces with different audiences (the demo's: the root, and the Shared Services OU):
 * a request is allowed in the experience that governs its target accounts, and only there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "it"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ExperienceRoutingIT {

    static final String SHARED_NETWORK = "210987654321";
    static final String RETAIL_WEB_PROD = "310987654321";

    @LocalServerPort
    int port;

    @Autowired
    Sandbox sandbox;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aRequestForSharedServicesAccountsIsAllowedInTheirOwnPrivateMarketplaceOnly() {
        String product = DemoOrganization.PRODUCT_NOT_YET_ALLOWED;
        String requestId = approved(product, List.of(SHARED_NETWORK));

        assertThat(sandbox.<List<String>>read(s -> s.allowed(SHARED_SERVICES_EXPERIENCE_ID)))
                .contains(product);
        assertThat(sandbox.<List<String>>read(s -> s.allowed(EXPERIENCE_ID)))
                .as("the OU's experience is nearer to its accounts than the root's")
                .doesNotContain(product);
        assertThat(changeSetsOf(requestId)).singleElement().satisfies(cs -> {
            assertThat(cs.changes).extracting(c -> c.entityId).containsExactly(SHARED_SERVICES_EXPERIENCE_ID);
            assertThat(cs.clientRequestToken).isEqualTo(requestId + "-allow-0-" + SHARED_SERVICES_EXPERIENCE_ID);
        });
    }

    @Test
    void aRequestForAccountsUnderBothIsAllowedInBothWithAChangeSetAndTokenEach() {
        String product = "prod-mngdbatlas001";
        String requestId = approved(product, List.of(SHARED_NETWORK, RETAIL_WEB_PROD));

        assertThat(sandbox.<List<String>>read(s -> s.allowed(SHARED_SERVICES_EXPERIENCE_ID)))
                .contains(product);
        assertThat(sandbox.<List<String>>read(s -> s.allowed(EXPERIENCE_ID))).contains(product);
        assertThat(changeSetsOf(requestId))
                .extracting(cs -> cs.changes.get(0).entityId + " " + cs.clientRequestToken + " " + cs.status)
                .containsExactly(
                        EXPERIENCE_ID + " " + requestId + "-allow-0 SUCCEEDED",
                        SHARED_SERVICES_EXPERIENCE_ID + " " + requestId + "-allow-0-" + SHARED_SERVICES_EXPERIENCE_ID
                                + " SUCCEEDED");
    }

    @Test
    void theHealthCheckReadsThePrimaryExperiencesProcurementPolicy() {
        JsonNode health = http.get("/actuator/health", "auditor").json();
        assertThat(health.path("status").asText()).isEqualTo("UP");
    }

    /** A public request for these accounts, approved by the PMP admin and completed; its request id. */
    String approved(String product, List<String> accounts) {
        Map<String, Object> request = new LinkedHashMap<>(PublicOfferScenario.publicRequest(product));
        request.put("targetAccountIds", accounts);
        Http.Response created = http.post("/api/requests", "requester", Http.json(request));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String pi = created.json().get("processInstanceId").asText();
        String requestId = created.json().get("requestId").asText();
        String task = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> {
                            JsonNode tasks = http.get("/engine-rest/task?processInstanceId=" + pi, "pmp-admin")
                                    .json();
                            return tasks.isEmpty()
                                    ? null
                                    : tasks.get(0).get("id").asText();
                        },
                        id -> id != null);
        Map<String, Object> variables =
                Map.of("decision", Map.of("value", "APPROVE"), "comment", Map.of("value", "ok"));
        assertThat(http.post(
                                "/engine-rest/task/" + task + "/complete",
                                "pmp-admin",
                                Http.json(Map.of("variables", variables)))
                        .status())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> http.get("/api/requests/" + requestId, "requester")
                                .json(),
                        view -> "COMPLETED".equals(view.path("state").asText()));
        return requestId;
    }

    List<SandboxState.ChangeSet> changeSetsOf(String requestId) {
        return sandbox.read(s -> s.changeSets.stream()
                .filter(cs -> cs.clientRequestToken.startsWith(requestId))
                .sorted(java.util.Comparator.comparing((SandboxState.ChangeSet cs) -> cs.startTime))
                .toList());
    }
}
