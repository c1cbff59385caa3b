package io.mpgov.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.mpgov.sandbox.DemoOrganization;
import io.mpgov.sandbox.Sandbox;
import io.mpgov.sandbox.SandboxState;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public self-service path end to end, over HTTP as people and scripts drive it: a requester
 * posts a request, the PMP admin completes the review through /engine-rest, and the product ends up
 * allowed in the sandbox's Private Marketplace with the requester's mail sent. Run on every database.
 */
public abstract class PublicOfferScenario {

    @LocalServerPort
    protected int port;

    @Autowired
    protected Sandbox sandbox;

    protected Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    public static Map<String, Object> publicRequest(String productId) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("productId", productId);
        request.put("productTitle", "PagerDuty");
        request.put("sellerName", "PagerDuty");
        request.put("offerType", "PUBLIC");
        request.put("estimatedAnnualCost", 12000);
        request.put("contractMonths", 12);
        request.put("dataClassification", "INTERNAL");
        request.put("businessJustification", "On-call alerting for the retail web platform");
        request.put("targetAccountIds", List.of("310987654321", "310987654322"));
        return request;
    }

    public static Map<String, Object> privateRequest(String productId, String offerId) {
        Map<String, Object> request = publicRequest(productId);
        request.put("offerType", "PRIVATE");
        request.put("offerId", offerId);
        request.put("newVendor", false);
        request.put("customEula", false);
        request.put("estimatedAnnualCost", 20000);
        return request;
    }

    protected JsonNode submit(String user, Map<String, Object> request) {
        Http.Response created = http.post("/api/requests", user, Http.json(request));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    protected String awaitTask(String processInstanceId, String user) {
        return awaitTask(processInstanceId, user, "");
    }

    /** The first task of the instance the user sees, narrowed by a task query string (e.g. {@code &candidateGroup=finance}). */
    protected String awaitTask(String processInstanceId, String user, String query) {
        return awaitTask(processInstanceId, user, query, Duration.ofSeconds(30));
    }

    /** As {@link #awaitTask(String, String, String)}, waiting at most {@code atMost}. */
    protected String awaitTask(String processInstanceId, String user, String query, Duration atMost) {
        return await().atMost(atMost)
                .until(
                        () -> {
                            JsonNode tasks = http.get(
                                            "/engine-rest/task?processInstanceId=" + processInstanceId + query, user)
                                    .json();
                            return tasks.isEmpty()
                                    ? null
                                    : tasks.get(0).get("id").asText();
                        },
                        id -> id != null);
    }

    protected Http.Response complete(String taskId, String user, String decision, String comment) {
        return complete(taskId, user, decision, comment, Map.of());
    }

    protected Http.Response complete(
            String taskId, String user, String decision, String comment, Map<String, String> more) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("decision", Map.of("value", decision));
        if (comment != null) {
            variables.put("comment", Map.of("value", comment));
        }
        more.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return http.post("/engine-rest/task/" + taskId + "/complete", user, Http.json(Map.of("variables", variables)));
    }

    /**
     * A private-offer request through finance and procurement approval, the procurement manager's
     * acceptance (of an agreement made as the AWS console would) and the PMP admin's confirmation.
     * @return the request id
     */
    protected String privateRequestThroughToThePmp(Map<String, Object> request) {
        JsonNode created = submit("requester", request);
        String pi = created.get("processInstanceId").asText();
        for (String approver : List.of("finance", "procurement-manager")) {
            String task =
                    awaitTask(pi, approver, "&taskDefinitionKey=Task_ApprovePrivateOffer&candidateGroup=" + approver);
            assertThat(complete(task, approver, "APPROVE", "ok from " + approver)
                            .status())
                    .isEqualTo(204);
        }
        String acceptance = awaitTask(pi, "procurement-manager", "&taskDefinitionKey=Task_AcceptPrivateOffer");
        // What the procurement manager does in the AWS Marketplace console:
        String agreementId = sandbox.acceptOffer(new Sandbox.OfferAcceptance(
                        (String) request.get("offerId"), (String) request.get("productId"), 12, "20000"))
                .id();
        assertThat(complete(acceptance, "procurement-manager", "ACCEPT", null, Map.of("agreementId", agreementId))
                        .status())
                .isEqualTo(204);
        String confirmation = awaitTask(pi, "pmp-admin", "&taskDefinitionKey=Task_ConfirmPmpAddition");
        assertThat(complete(confirmation, "pmp-admin", "APPROVE", "approvals and agreement checked")
                        .status())
                .isEqualTo(204);
        return created.get("requestId").asText();
    }

    /** The first mail to the address whose subject starts so, once the sandbox's SES has it. */
    protected SandboxState.Email awaitMail(String to, String subjectStart) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> sandbox.read(s -> s.emails.stream()
                                .filter(m -> m.to().contains(to) && m.subject().startsWith(subjectStart))
                                .findFirst()
                                .orElse(null)),
                        mail -> mail != null);
    }

    protected JsonNode awaitCompleted(String requestId, String user) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> http.get("/api/requests/" + requestId, user).json(),
                        view -> "COMPLETED".equals(view.path("state").asText()));
    }

    @Test
    void privateOfferIsApprovedAcceptedVerifiedConfirmedAndAllowedInThePmp() {
        String product = "prod-snwflkdata001";
        String requestId = privateRequestThroughToThePmp(privateRequest(product, "offer-snwflkdatapriv2"));

        JsonNode view = awaitCompleted(requestId, "requester");
        String agreementId = view.get("details").get("agreementId").asText();
        assertThat(view.get("outcome").asText()).isEqualTo("EndEvent_ProductAllowed");
        assertThat(view.get("decisions"))
                .extracting(d ->
                        d.get("decidedBy").asText() + ":" + d.get("decision").asText())
                .containsExactlyInAnyOrder(
                        "finance:APPROVE",
                        "procurement-manager:APPROVE",
                        "procurement-manager:ACCEPT",
                        "pmp-admin:APPROVE");
        assertThat(sandbox.<Boolean>read(s -> s.agreements.stream()
                        .anyMatch(
                                a -> a.id().equals(agreementId) && a.productId().equals(product))))
                .as("the request holds the agreement the procurement manager accepted")
                .isTrue();
        assertThat(view.get("policies"))
                .extracting(p -> p.get("decision").asText())
                .contains("offer-routing", "approval-matrix");
        assertThat(sandbox.<List<String>>read(s -> List.copyOf(s.experiences.get(0).allowedProducts)))
                .contains(product);
        assertThat(view.get("status").asText()).isEqualTo("Completed: product added to the PMP");
        assertThat(view.get("waitingFor")).isEmpty();
        JsonNode aws = view.get("awsChanges");
        assertThat(aws.get("agreement").get("agreementId").asText()).isEqualTo(agreementId);
        assertThat(aws.get("agreement").get("verified").asBoolean()).isTrue();
        String changeSet = sandbox.read(s -> s.changeSets.stream()
                .filter(c -> c.changes.stream().anyMatch(ch -> ch.productIds().contains(product)))
                .findFirst()
                .orElseThrow()
                .id);
        assertThat(aws.get("changeSets"))
                .as("the request shows the change set that allowed its product")
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.get("changeSetId").asText()).isEqualTo(changeSet);
                    assertThat(c.get("status").asText()).isEqualTo("SUCCEEDED");
                });
        assertThat(aws.get("grants"))
                .extracting(
                        g -> g.get("grantee").asText() + " " + g.get("outcome").asText())
                .as("the grants it made, to which accounts")
                .contains("310987654321 created", "310987654322 created");
        assertThat(view.get("mails"))
                .extracting(m -> m.get("template").asText() + " to " + m.get("recipients"))
                .as("the mails it sent, derived from its notify steps")
                .contains("request-submitted to [\"requester\"]", "request-approved to [\"requester\"]");
        String license = sandbox.read(s -> s.licenses.stream()
                .filter(l -> l.productSku().equals(product))
                .findFirst()
                .orElseThrow()
                .arn());
        assertThat(sandbox.<List<String>>read(s -> s.grants.stream()
                        .filter(g -> g.licenseArn.equals(license))
                        .map(g -> g.principal)
                        .sorted()
                        .toList()))
                .as("the license reached the target accounts")
                .containsExactly("arn:aws:iam::310987654321:root", "arn:aws:iam::310987654322:root");
        assertThat(awaitMail(
                                "finance@demo.mpgov.example",
                                "[mpgov] Waiting for Finance: Approve private offer (finance)")
                        .body())
                .contains("Approve private offer (finance): PagerDuty — " + requestId, "/#/?task=");
        assertThat(awaitMail(
                                "requester@demo.mpgov.example",
                                "[mpgov] PagerDuty is now available in the Private Marketplace (" + requestId)
                        .body())
                .as("a private offer's mail names its agreement and the day it ends, in ISO 8601")
                .contains("Agreement: " + agreementId + "\nAgreement ends: 20")
                .containsPattern("Agreement ends: \\d{4}-\\d{2}-\\d{2}")
                .contains("Licenses: granted to 2 accounts")
                .contains("Follow it: http://localhost:8080/requests/" + requestId);
    }

    @Test
    void publicRequestIsReviewedAllowedInThePmpAndTheRequesterIsMailed() {
        String product = DemoOrganization.PRODUCT_NOT_YET_ALLOWED;
        JsonNode created = submit("requester", publicRequest(product));
        String requestId = created.get("requestId").asText();

        String taskId = awaitTask(created.get("processInstanceId").asText(), "pmp-admin");
        SandboxState.Email waiting = awaitMail(
                "pmp-admin@demo.mpgov.example",
                "[mpgov] Waiting for Private Marketplace administrators: Review public offer");
        assertThat(waiting.subject()).contains("PagerDuty", requestId);
        assertThat(waiting.body())
                .as("the PMP admins are told what waits, with the links to the task and the request")
                .contains(
                        "Review public offer: PagerDuty — " + requestId,
                        "Open the task: http://localhost:8080/camunda/app/tasklist/default/#/?task=" + taskId,
                        "Follow the request: http://localhost:8080/requests/" + requestId);
        assertThat(http.get(
                                "/engine-rest/task?processInstanceId="
                                        + created.get("processInstanceId").asText(),
                                "requester")
                        .json())
                .as("the requester does not see the PMP admin's task")
                .isEmpty();
        assertThat(complete(taskId, "pmp-admin", "APPROVE", "Fits our tooling").status())
                .isEqualTo(204);

        JsonNode view = awaitCompleted(requestId, "requester");
        assertThat(view.get("outcome").asText()).isEqualTo("EndEvent_ProductAllowed");
        assertThat(view.get("decisions")).singleElement().satisfies(d -> {
            assertThat(d.get("decision").asText()).isEqualTo("APPROVE");
            assertThat(d.get("decidedBy").asText()).isEqualTo("pmp-admin");
        });
        assertThat(view.get("policies").get(0).get("decision").asText()).isEqualTo("offer-routing");
        assertThat(view.get("policies").get(0).get("versionTag").asText()).isEqualTo("2026.11");

        assertThat(sandbox.<List<String>>read(s -> List.copyOf(s.experiences.get(0).allowedProducts)))
                .contains(product);
        assertThat(sandbox.<List<SandboxState.ChangeSet>>read(s -> List.copyOf(s.changeSets)))
                .singleElement()
                .satisfies(cs -> {
                    assertThat(cs.status).isEqualTo("SUCCEEDED");
                    assertThat(cs.clientRequestToken).isEqualTo(requestId + "-allow-0");
                });
        assertThat(sandbox.<List<SandboxState.Email>>read(s -> List.copyOf(s.emails)))
                .anySatisfy(mail -> {
                    assertThat(mail.to()).containsExactly("requester@demo.mpgov.example");
                    assertThat(mail.subject()).contains(requestId, "available");
                    assertThat(mail.body())
                            .as("a public offer has no agreement: no empty line about one")
                            .doesNotContain("Agreement")
                            .contains("Licenses: ");
                });
    }
}
