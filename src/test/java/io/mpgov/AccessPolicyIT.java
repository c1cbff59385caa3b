package io.mpgov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mpgov.sandbox.Sandbox;
import io.mpgov.support.Http;
import io.mpgov.support.PublicOfferScenario;
import io.mpgov.support.TasklistSession;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The access policy as an attacker meets it: a door nobody listed is shut for every persona, a group taken away is
 * gone on the next call whatever session is open, another site's page cannot deploy with an administrator's
 * credentials, and a persona without a task on a request reads none of its data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "it"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@Import(AccessPolicyIT.Planted.class)
class AccessPolicyIT {

    /** Every demo user but the administrator. */
    static final List<String> PERSONAS =
            AccessControlIT.USERS.stream().filter(u -> !u.equals("admin")).toList();

    /** A new /api endpoint someone added without a row in access-policy.yaml: one described, one not. */
    @TestConfiguration
    @RestController
    static class Planted {

        @GetMapping("/api/planted")
        @Operation(operationId = "plantedProbe", summary = "An endpoint the policy does not name")
        Map<String, String> planted() {
            return Map.of("secret", "anyone who reads this got through");
        }

        @GetMapping("/api/planted-undescribed")
        Map<String, String> undescribed() {
            return Map.of("secret", "anyone who reads this got through");
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    Sandbox sandbox;

    @Autowired
    IdentityService identity;

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void anEndpointNoPolicyRowNamesIsRefusedToEveryPersona() {
        for (String path : List.of("/api/planted", "/api/planted-undescribed")) {
            for (String persona : PERSONAS) {
                Http.Response refused = http.get(path, persona);
                assertThat(refused.status())
                        .as("%s %s → %s", persona, path, refused.body())
                        .isEqualTo(403);
                assertThat(refused.body()).doesNotContain("got through");
            }
            assertThat(http.get(path, null).status()).as("nobody signed in").isEqualTo(401);
            assertThat(http.get(path, "admin").status())
                    .as("camunda-admin may do everything")
                    .isEqualTo(200);
        }
        assertThat(http.get("/api/planted", "auditor").json().path("detail").asText())
                .isEqualTo("auditor may not plantedProbe (An endpoint the policy does not name): the access policy"
                        + " gives it to nobody but camunda-admin");
    }

    @Test
    void anApproverTakenOutOfTheGroupDecidesNothingWithTheSessionTheyHadOpen() {
        String user = "pmp-admin-leaving";
        User leaving = identity.newUser(user);
        leaving.setPassword("demo");
        leaving.setEmail(user + "@example.com");
        identity.saveUser(leaving);
        identity.createMembership(user, "pmp-admin");
        String product = "prod-pagerduty0001";
        Http.Response created =
                http.post("/api/requests", "requester", Http.json(PublicOfferScenario.publicRequest(product)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String pi = created.json().get("processInstanceId").asText();
        Task review = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> tasks.createTaskQuery()
                                .processInstanceId(pi)
                                .taskDefinitionKey("Task_ReviewPublicOffer")
                                .singleResult(),
                        t -> t != null);

        TasklistSession session = TasklistSession.signIn(port, user);
        assertThat(session.refusedLogin()).isNull();
        assertThat(session.send("GET", "/task/" + review.getId(), null).status())
                .as("a member sees the task")
                .isEqualTo(200);
        assertThat(session.mpgov("GET", "/api/dashboard/catalog", null).status())
                .as("a member reads the dashboard")
                .isEqualTo(200);

        // the session writes as its user (it claims the review): a refusal below is the policy's, not a stale token's
        String claim = Http.json(Map.of("userId", user));
        Http.Response claimed = session.send("POST", "/task/" + review.getId() + "/claim", claim);
        assertThat(claimed.status()).as(claimed.body()).isEqualTo(204);

        identity.deleteMembership(user, "pmp-admin"); // the access review took them out

        String approve = Http.json(Map.of(
                "variables", Map.of("decision", Map.of("value", "APPROVE"), "comment", Map.of("value", "still mine"))));
        Http.Response completed = session.send("POST", "/task/" + review.getId() + "/complete", approve);
        assertThat(completed.status()).as(completed.body()).isBetween(400, 499);
        assertThat(session.send("POST", "/task/" + review.getId() + "/submit-form", approve)
                        .status())
                .isBetween(400, 499);
        assertThat(http.post("/engine-rest/task/" + review.getId() + "/complete", user, approve)
                        .status())
                .isBetween(400, 499);
        assertThat(session.mpgov("GET", "/api/dashboard/catalog", null).status())
                .as("the same session on mpgov's API")
                .isEqualTo(403);

        assertThat(tasks.createTaskQuery().taskId(review.getId()).singleResult())
                .as("the review is still open, claimed as it was")
                .isNotNull()
                .extracting(Task::getAssignee)
                .isEqualTo(user);
        assertThat(history.createHistoricVariableInstanceQuery()
                        .processInstanceId(pi)
                        .variableName("decidedBy")
                        .count())
                .isZero();
        boolean inPmp = sandbox.read(s -> s.experiences.stream().anyMatch(e -> e.allowedProducts.contains(product)));
        assertThat(inPmp).as("the product is not in the Private Marketplace").isFalse();
    }

    @Test
    void anotherSitesPageCannotDeployWithAnAdministratorsCredentials() {
        long deployments = repository.createDeploymentQuery().count();
        String boundary = "mpgovboundary";
        String model = "<?xml version=\"1.0\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
                + " targetNamespace=\"x\"><process id=\"planted\" isExecutable=\"true\"><startEvent id=\"s\"/>"
                + "</process></definitions>";
        String body = "--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nplanted\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"planted.bpmn\"\r\n"
                + "Content-Type: application/xml\r\n\r\n" + model + "\r\n--" + boundary + "--\r\n";
        String multipart = "multipart/form-data; boundary=" + boundary;

        for (Map<String, String> headers : List.of(
                Map.of("Origin", "https://attacker.example"),
                Map.of("Sec-Fetch-Site", "cross-site"),
                Map.<String, String>of())) {
            Http.Response refused = http.post("/engine-rest/deployment/create", "admin", multipart, body, headers);
            assertThat(refused.status()).as("%s → %s", headers, refused.body()).isEqualTo(403);
        }
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);

        // a script says so with a header no other site's form can send, and may deploy as the administrator
        Http.Response deployed = http.post(
                "/engine-rest/deployment/create", "admin", multipart, body, Map.of("X-Requested-By", "ops-script"));
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        repository.deleteDeployment(deployed.json().get("id").asText(), true);
    }

    /** A form sends its read-only fields back; sent back as another type, they would change what the request holds. */
    @Test
    void aCompletionThatSendsBackAFieldAsAnotherTypeChangesNothingOfTheRequest() {
        Task approval = financeApprovalOfANewPrivateRequest("prod-snwflkdata001", "offer-snwflkdatapriv1");
        String pi = approval.getProcessInstanceId();
        Object cost = runtime.getVariable(pi, "estimatedAnnualCost");
        Object months = runtime.getVariable(pi, "contractMonths");

        Http.Response completed = http.post(
                "/engine-rest/task/" + approval.getId() + "/complete",
                "finance",
                Http.json(Map.of(
                        "variables",
                        Map.of(
                                "decision", Map.of("value", "APPROVE"),
                                "comment", Map.of("value", "within budget"),
                                "estimatedAnnualCost", Map.of("value", "20000", "type", "String"),
                                "contractMonths", Map.of("value", "12", "type", "String")))));

        assertThat(completed.status()).as(completed.body()).isEqualTo(204);
        assertThat(runtime.getVariable(pi, "estimatedAnnualCost"))
                .isEqualTo(cost)
                .isInstanceOf(Number.class);
        assertThat(runtime.getVariable(pi, "contractMonths")).isEqualTo(months).isInstanceOf(Number.class);
        String requestId = runtime.createProcessInstanceQuery()
                .processInstanceId(pi)
                .singleResult()
                .getBusinessKey();
        Http.Response view = http.get("/api/requests/" + requestId, "auditor");
        assertThat(view.status()).as(view.body()).isEqualTo(200);
    }

    /**
     * Camunda's REST API looks a task up in history before it adds a comment, which approvers may not read: the gate's
     * rule is shown here below REST, as a signed-in caller reaches the engine.
     */
    @Test
    void aCommentGoesOnlyOnOnesOwnTaskAndToItsOwnRequest() {
        Task approval = financeApprovalOfANewPrivateRequest("prod-gitlabprem001", "offer-gitlabprempriv1");
        String pi = approval.getProcessInstanceId();
        try {
            identity.setAuthentication("finance", List.of("finance"));
            assertThat(tasks.createComment(approval.getId(), pi, "budget checked"))
                    .isNotNull();
            assertThatThrownBy(() -> tasks.createComment(approval.getId(), "another-instance", "security agreed"))
                    .isInstanceOf(AuthorizationException.class)
                    .hasMessageContaining("another process instance");
            assertThatThrownBy(() -> tasks.createComment(null, pi, "on the request itself"))
                    .isInstanceOf(AuthorizationException.class);
            identity.setAuthentication("legal", List.of("legal"));
            assertThatThrownBy(() -> tasks.createComment(approval.getId(), pi, "legal agrees"))
                    .isInstanceOf(AuthorizationException.class)
                    .hasMessageContaining("not a task they work on");
            identity.setAuthentication("auditor", List.of("auditor"));
            assertThatThrownBy(() -> tasks.createComment(approval.getId(), pi, "noted"))
                    .isInstanceOf(AuthorizationException.class)
                    .hasMessageContaining("engine:comment");
        } finally {
            identity.clearAuthentication();
        }
        assertThat(tasks.getTaskComments(approval.getId()))
                .extracting(c -> c.getFullMessage())
                .containsExactly("budget checked");
    }

    /** Camunda checks nothing for a job of no process: the history cleanup, which evidence retention relies on. */
    @Test
    void theHistoryCleanupIsNoPersonasToPostponeOrStop() {
        Job cleanup =
                history.findHistoryCleanupJobs().stream().findFirst().orElseGet(() -> history.cleanUpHistoryAsync());
        for (String persona : List.of("pmp-admin", "software-manager")) {
            for (String body :
                    List.of("{\"retries\":0}", "{\"retries\":3,\"dueDate\":\"2099-01-01T00:00:00.000+0000\"}")) {
                Http.Response refused =
                        http.send("PUT", "/engine-rest/job/" + cleanup.getId() + "/retries", persona, body);
                assertThat(refused.status())
                        .as("%s %s → %s", persona, body, refused.body())
                        .isBetween(400, 499);
            }
        }
        Job after = management.createJobQuery().jobId(cleanup.getId()).singleResult();
        assertThat(after.getRetries()).isEqualTo(cleanup.getRetries());
        assertThat(after.getDuedate()).isEqualTo(cleanup.getDuedate());
    }

    @Test
    void aPersonaWithoutATaskOnARequestReadsNoneOfItsData() {
        Http.Response created = http.post(
                "/api/requests", "requester", Http.json(PublicOfferScenario.publicRequest("prod-mngdbatlas001")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String pi = created.json().get("processInstanceId").asText();
        for (String path : List.of(
                "/engine-rest/variable-instance?processInstanceIdIn=" + pi,
                "/engine-rest/history/variable-instance?processInstanceId=" + pi,
                "/engine-rest/process-instance?processDefinitionKey=procurement-request",
                "/engine-rest/history/process-instance?processDefinitionKey=procurement-request")) {
            Http.Response answer = http.get(path, "software-manager");
            assertThat(answer.status()).as(path).isEqualTo(200);
            assertThat(answer.json()).as("%s → %s", path, answer.body()).isEmpty();
        }
        assertThat(http.get("/engine-rest/process-instance/" + pi + "/variables", "software-manager")
                        .status())
                .isBetween(400, 499);
    }

    /** A private request the requester submitted, at finance's approval. */
    private Task financeApprovalOfANewPrivateRequest(String product, String offer) {
        Http.Response created =
                http.post("/api/requests", "requester", Http.json(PublicOfferScenario.privateRequest(product, offer)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String pi = created.json().get("processInstanceId").asText();
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> tasks.createTaskQuery()
                                .processInstanceId(pi)
                                .taskCandidateGroup("finance")
                                .singleResult(),
                        t -> t != null);
    }
}
