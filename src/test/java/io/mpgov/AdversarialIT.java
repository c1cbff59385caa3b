package io.mpgov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mpgov.decision.DecisionHistory;
import io.mpgov.decision.DecisionLog;
import io.mpgov.decision.DecisionRecord;
import io.mpgov.review.Renewals;
import io.mpgov.sandbox.Sandbox;
import io.mpgov.sandbox.SandboxState;
import io.mpgov.support.Http;
import io.mpgov.support.PublicOfferScenario;
import io.mpgov.support.TasklistSession;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * An attacker's suite: every attempt in src/test/resources/adversarial/attempts.json, made with a demo
 * login (or none: {@code anonymous}) through /engine-rest, Tasklist's own session API or mpgov's own paths
 * ({@code mpgov}: the path as it is, e.g. through the API description's), against a request in the state the
 * attempt needs. Each must be refused (4xx), and — what matters — leave the product out of the Private
 * Marketplace, grant nothing, count no approval, keep the task open and the request as it was.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "mpgov.test.context=adversarial")
@ActiveProfiles({"demo", "it"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AdversarialIT {

    static final String PRODUCT = "prod-snwflkdata001";
    static final String OTHER_PRODUCT = "prod-pagerduty0001";
    static final String OFFER = "offer-snwflkdatapriv1";
    static final List<String> MPGOV_PROCESSES =
            List.of("procurement-request", "catalog-change", "license-distribution");

    @LocalServerPort
    int port;

    @Autowired
    Sandbox sandbox;

    Http http;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    @Autowired
    ManagementService management;

    @Autowired
    RepositoryService repository;

    @Autowired
    IdentityService identity;

    @Autowired
    Renewals renewals;

    @Autowired
    DecisionHistory decisionHistory;

    record Attempt(
            String name,
            int attackClass,
            String as,
            String api,
            String fixture,
            String method,
            String path,
            JsonNode body,
            List<Integer> status,
            List<String> expect) {
        @Override
        public String toString() {
            return "class " + attackClass + ": " + name;
        }
    }

    /** What the attempt may not change, read before it is made. */
    record State(
            Map<String, Object> variables,
            List<String> openTasks,
            String assignee,
            List<String> candidates,
            long instances,
            long grants,
            boolean inPmp,
            long changeSetsForProducts,
            long decisions,
            long comments,
            String profiles,
            List<DecisionRecord> records) {}

    /** The corpus: every adversarial/*.json (attempts.json, then one file per later class of findings), by name. */
    static Stream<Attempt> attempts() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:/adversarial/*.json");
        Arrays.sort(files, Comparator.comparing(Resource::getFilename));
        List<Attempt> attempts = new ArrayList<>();
        for (Resource file : files) {
            attempts.addAll(corpus(file));
        }
        return attempts.stream();
    }

    private static List<Attempt> corpus(Resource file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            JsonNode corpus = new ObjectMapper().readTree(in);
            List<Attempt> attempts = new ArrayList<>();
            for (JsonNode a : corpus.get("attempts")) {
                List<Integer> status = new ArrayList<>();
                a.path("status").forEach(s -> status.add(s.asInt()));
                List<String> expect = new ArrayList<>();
                a.path("expect").forEach(e -> expect.add(e.asText()));
                attempts.add(new Attempt(
                        a.get("name").asText(),
                        a.get("class").asInt(),
                        a.get("as").asText(),
                        a.get("api").asText(),
                        a.get("fixture").asText(),
                        a.get("method").asText(),
                        a.get("path").asText(),
                        a.get("body"),
                        status,
                        expect));
            }
            return attempts;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attempts")
    void isRefusedAndChangesNothingThatMatters(Attempt attempt) throws Exception {
        Map<String, String> fixture = fixture(attempt.fixture());
        State before = state(fixture);

        String path = resolve(attempt.path(), fixture);
        String body = attempt.body() == null || attempt.body().isNull()
                ? null
                : resolve(attempt.body().toString(), fixture);
        Http.Response answer;
        if ("tasklist".equals(attempt.api())) {
            TasklistSession tasklist = TasklistSession.signIn(port, attempt.as());
            answer = tasklist.refusedLogin() != null
                    ? tasklist.refusedLogin()
                    : tasklist.send(attempt.method(), path, body);
        } else {
            String user = attempt.as().equals("anonymous") ? null : attempt.as();
            answer = http.send(
                    attempt.method(), attempt.api().equals("mpgov") ? path : "/engine-rest" + path, user, body);
        }

        if (attempt.status().isEmpty()) {
            assertThat(answer.status()).as("%s → %s", attempt, answer.body()).isBetween(400, 499);
        } else {
            assertThat(answer.status()).as("%s → %s", attempt, answer.body()).isIn(attempt.status());
        }
        assertThat(answer.body()).as("no markup echoed").doesNotContain("<script");
        assertThat(answer.headers().firstValue("X-XSRF-TOKEN"))
                .as("%s was refused by Camunda's CSRF filter, so it never reached mpgov's controls", attempt)
                .isEmpty();
        awaitEngineIdle();
        State after = state(fixture);
        for (String expectation : attempt.expect()) {
            switch (expectation) {
                case "notInPmp" ->
                    assertThat(after.inPmp() || after.changeSetsForProducts() > before.changeSetsForProducts())
                            .as(
                                    "%s: a product reached the Private Marketplace (%s)",
                                    attempt,
                                    sandbox.read(
                                            s -> s.experiences.stream()
                                                            .map(e -> e.allowedProducts.toString())
                                                            .toList() + " " + s.changeSets.size() + " change sets"))
                            .isFalse();
                case "noGrant" ->
                    assertThat(after.grants()).as("%s: grants", attempt).isEqualTo(before.grants());
                case "noNewInstance" ->
                    assertThat(after.instances())
                            .as("%s: process instances", attempt)
                            .isEqualTo(before.instances());
                case "taskOpen" ->
                    assertThat(after.openTasks()).as("%s: open tasks", attempt).isEqualTo(before.openTasks());
                case "requestUnchanged" ->
                    assertThat(after.variables())
                            .as("%s: the request's variables", attempt)
                            .isEqualTo(before.variables());
                case "approvalNotCounted" ->
                    assertThat(after.decisions())
                            .as("%s: decisions recorded", attempt)
                            .isEqualTo(before.decisions());
                case "sameAssignee" -> {
                    assertThat(after.assignee()).as("%s: assignee", attempt).isEqualTo(before.assignee());
                    assertThat(after.candidates()).as("%s: candidates", attempt).isEqualTo(before.candidates());
                }
                case "noComment" ->
                    assertThat(after.comments()).as("%s: comments", attempt).isEqualTo(before.comments());
                case "profileUnchanged" ->
                    assertThat(after.profiles())
                            .as("%s: the demo users' profiles", attempt)
                            .isEqualTo(before.profiles());
                case "viewStillWorks" -> {
                    Http.Response view = http.get("/api/requests/" + fixture.get("requestId"), "requester");
                    assertThat(view.status())
                            .as("%s: the request's view → %s", attempt, view.body())
                            .isEqualTo(200);
                    assertThat(view.json().get("processInstanceId").asText())
                            .isEqualTo(fixture.get("processInstanceId"));
                }
                case "logHoldsOwnRecordOnly" -> logHoldsOwnRecordOnly(attempt, before, after, fixture);
                default -> throw new IllegalArgumentException("Unknown expectation " + expectation + " in " + attempt);
            }
        }
    }

    /**
     * Finding 5 of Phase 10: the requester dodges security's objection by declaring the data INTERNAL on revision,
     * through /engine-rest and through Tasklist's session. The revision is allowed; the dodge is not — security is
     * asked again and the offer acceptance waits for it.
     */
    @ParameterizedTest(name = "the revision through {0}")
    @ValueSource(strings = {"engine-rest", "tasklist"})
    void loweringTheClassificationAfterSecurityObjectedStillWaitsForSecurity(String api) {
        Map<String, Object> request = PublicOfferScenario.privateRequest(PRODUCT, OFFER);
        request.put("dataClassification", "CONFIDENTIAL");
        Http.Response submitted = http.post("/api/requests", "requester", Http.json(request));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String pi = submitted.json().get("processInstanceId").asText();
        decide(
                openTask(pi, "Task_ApprovePrivateOffer", "procurement-manager"),
                "procurement-manager",
                "APPROVE",
                Map.of());
        decide(openTask(pi, "Task_ApprovePrivateOffer", "finance"), "finance", "APPROVE", Map.of());
        decide(
                openTask(pi, "Task_ApprovePrivateOffer", "security"),
                "security",
                "REQUEST_CHANGES",
                Map.of("comment", "Which customer data leaves the account?"));

        Task revision = openTask(pi, "Task_ReviseRequest", null);
        Map<String, String> lowered =
                Map.of("comment", "Only internal data after all", "dataClassification", "INTERNAL");
        if (api.equals("tasklist")) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("decision", Map.of("value", "RESUBMIT"));
            lowered.forEach((name, value) -> variables.put(name, Map.of("value", value)));
            Http.Response answer = TasklistSession.signIn(port, "requester")
                    .send(
                            "POST",
                            "/task/" + revision.getId() + "/submit-form",
                            Http.json(Map.of("variables", variables)));
            assertThat(answer.status()).as(answer.body()).isEqualTo(204);
        } else {
            decide(revision, "requester", "RESUBMIT", lowered);
        }

        openTask(pi, "Task_ApprovePrivateOffer", "security");
        awaitEngineIdle();
        assertThat(tasks.createTaskQuery().processInstanceId(pi).list())
                .as("security is asked again, the others' approvals stand, and no offer acceptance is open")
                .extracting(Task::getTaskDefinitionKey)
                .containsExactly("Task_ApprovePrivateOffer");
        assertThat(tasks.createTaskQuery()
                        .processInstanceId(pi)
                        .taskCandidateGroup("security")
                        .count())
                .isEqualTo(1);
        decide(openTask(pi, "Task_ApprovePrivateOffer", "security"), "security", "APPROVE", Map.of());
        assertThat(openTask(pi, "Task_AcceptPrivateOffer", "procurement-manager"))
                .as("once security approved, the procurement manager accepts")
                .isNotNull();
    }

    private Task openTask(String pi, String key, String group) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> {
                            var query = tasks.createTaskQuery()
                                    .processInstanceId(pi)
                                    .taskDefinitionKey(key);
                            return (group == null ? query : query.taskCandidateGroup(group)).singleResult();
                        },
                        t -> t != null);
    }

    private void decide(Task task, String user, String decision, Map<String, String> more) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("decision", Map.of("value", decision));
        more.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        Http.Response answer = http.post(
                "/engine-rest/task/" + task.getId() + "/complete", user, Http.json(Map.of("variables", variables)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(204);
    }

    /**
     * The decision records are those before and one more, the attempter's own, its comment as sent; and the log every
     * open task of the request shows has a record line for each record and no other.
     */
    private void logHoldsOwnRecordOnly(Attempt attempt, State before, State after, Map<String, String> fixture) {
        assertThat(after.records().subList(0, before.records().size()))
                .as("%s: the earlier records", attempt)
                .isEqualTo(before.records());
        assertThat(after.records()
                        .subList(before.records().size(), after.records().size()))
                .as("%s: the new records", attempt)
                .singleElement()
                .satisfies(own -> {
                    assertThat(own.decidedBy()).isEqualTo(attempt.as());
                    assertThat(own.comment())
                            .isEqualTo(attempt.body()
                                    .at("/variables/comment/value")
                                    .asText());
                });
        List<String> recordLines = DecisionLog.render(after.records())
                .lines()
                .filter(line -> !line.startsWith(" "))
                .toList();
        assertThat(recordLines)
                .as("%s: one line a record", attempt)
                .hasSize(after.records().size());
        List<Task> open = tasks.createTaskQuery()
                .processInstanceId(fixture.get("processInstanceId"))
                .list();
        assertThat(open).as("%s: the request goes on", attempt).isNotEmpty();
        for (Task task : open) {
            String shown = (String) tasks.getVariableLocal(task.getId(), "decisionLog");
            assertThat(shown.lines().filter(line -> !line.startsWith(" ")))
                    .as("%s: the log '%s' shows", attempt, task.getName())
                    .isSubsetOf(recordLines);
        }
    }

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @AfterEach
    void removeEveryRequest() {
        // a task's mail goes by a job of its own: deleting a request while it runs would collide with it
        awaitEngineIdle();
        // camunda-admin may delete instances: each attempt starts from an empty engine
        for (String key : MPGOV_PROCESSES) {
            runtime.createProcessInstanceQuery()
                    .processDefinitionKey(key)
                    .list()
                    .forEach(pi -> runtime.deleteProcessInstanceIfExists(
                            pi.getId(), "adversarial test clean-up", true, true, true, true));
        }
    }

    private Map<String, String> fixture(String kind) throws Exception {
        Map<String, String> ids = new HashMap<>();
        ids.put(
                "definitionId",
                repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey("procurement-request")
                        .latestVersion()
                        .singleResult()
                        .getId());
        if (kind.equals("none")) {
            return ids;
        }
        if (kind.equals("renewal") || kind.equals("claimedPmp")) {
            return openedForRequester(kind, ids);
        }
        Http.Response submitted = http.post(
                "/api/requests",
                "requester",
                Http.json(
                        kind.equals("private") || kind.equals("revision")
                                ? PublicOfferScenario.privateRequest(PRODUCT, OFFER)
                                : PublicOfferScenario.publicRequest(PRODUCT)));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        JsonNode created = submitted.json();
        String pi = created.get("processInstanceId").asText();
        ids.put("processInstanceId", pi);
        ids.put("requestId", created.get("requestId").asText());
        String group = kind.equals("public") ? "pmp-admin" : "finance";
        Task task = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> tasks.createTaskQuery()
                                .processInstanceId(pi)
                                .taskCandidateGroup(group)
                                .singleResult(),
                        t -> t != null);
        if (kind.equals("revision")) {
            // finance asks for changes: the request waits for its requester's revision
            Http.Response asked = http.post(
                    "/engine-rest/task/" + task.getId() + "/complete",
                    "finance",
                    Http.json(Map.of(
                            "variables",
                            Map.of(
                                    "decision", Map.of("value", "REQUEST_CHANGES"),
                                    "comment", Map.of("value", "Which cost centre pays?")))));
            assertThat(asked.status()).as(asked.body()).isEqualTo(204);
            task = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> tasks.createTaskQuery()
                                    .processInstanceId(pi)
                                    .taskDefinitionKey("Task_ReviseRequest")
                                    .singleResult(),
                            t -> t != null);
        }
        ids.put("taskId", task.getId());
        ids.put("executionId", task.getExecutionId());
        if (kind.equals("private")) {
            ids.put(
                    "taskId.procurement",
                    await().atMost(Duration.ofSeconds(30))
                            .until(
                                    () -> tasks.createTaskQuery()
                                            .processInstanceId(pi)
                                            .taskCandidateGroup("procurement-manager")
                                            .singleResult(),
                                    t -> t != null)
                            .getId());
        }
        return ids;
    }

    /**
     * A request someone else opened, waiting at "Complete product request" for {@code requester} alone: a renewal of
     * their public request (assigned to them by the model), or an AWS PMP request they claimed.
     */
    private Map<String, String> openedForRequester(String kind, Map<String, String> ids) throws Exception {
        String pi;
        if (kind.equals("renewal")) {
            Http.Response original = http.post(
                    "/api/requests", "requester", Http.json(PublicOfferScenario.publicRequest(OTHER_PRODUCT)));
            assertThat(original.status()).as(original.body()).isEqualTo(201);
            String renewal = renewals.open(original.json().get("requestId").asText(), PRODUCT, "adversarial")
                    .orElseThrow();
            pi = runtime.createProcessInstanceQuery()
                    .processInstanceBusinessKey(renewal)
                    .singleResult()
                    .getId();
        } else {
            Sandbox.Delivery event =
                    sandbox.emitProductRequest(new Sandbox.ProductRequestEvent(PRODUCT, null, null, null));
            assertThat(event.status()).as(event.response()).isEqualTo(202);
            pi = runtime.createProcessInstanceQuery()
                    .variableValueEquals("pmpRequestId", event.requestId())
                    .singleResult()
                    .getId();
        }
        Task task = tasks.createTaskQuery()
                .processInstanceId(pi)
                .taskDefinitionKey("Task_CompletePmpRequest")
                .singleResult();
        if (kind.equals("claimedPmp")) {
            tasks.claim(task.getId(), "requester");
        }
        ids.put("processInstanceId", pi);
        ids.put(
                "requestId",
                runtime.createProcessInstanceQuery()
                        .processInstanceId(pi)
                        .singleResult()
                        .getBusinessKey());
        ids.put("taskId", task.getId());
        ids.put("executionId", task.getExecutionId());
        return ids;
    }

    private State state(Map<String, String> fixture) {
        String pi = fixture.get("processInstanceId");
        String taskId = fixture.get("taskId");
        Task task =
                taskId == null ? null : tasks.createTaskQuery().taskId(taskId).singleResult();
        Map<String, Object> variables = pi == null ? Map.of() : new TreeMap<>(runtime.getVariables(pi));
        List<String> open = pi == null
                ? List.of()
                : tasks.createTaskQuery().processInstanceId(pi).list().stream()
                        .map(Task::getId)
                        .sorted()
                        .toList();
        List<String> candidates = task == null
                ? List.of()
                : tasks.getIdentityLinksForTask(taskId).stream()
                        .map(AdversarialIT::link)
                        .sorted()
                        .toList();
        Set<String> products = Set.of(PRODUCT, OTHER_PRODUCT);
        return sandbox.read(s -> new State(
                variables,
                open,
                task == null ? null : task.getAssignee(),
                candidates,
                history.createHistoricProcessInstanceQuery().count(),
                s.grants.stream()
                        .filter(g -> licensesOf(s).contains(g.licenseArn))
                        .count(),
                s.experiences.stream().anyMatch(e -> e.allowedProducts.stream().anyMatch(products::contains)),
                s.changeSets.stream()
                        .filter(c -> c.changes.stream()
                                .anyMatch(ch -> ch.productIds().stream().anyMatch(products::contains)))
                        .count(),
                pi == null
                        ? 0
                        : history.createHistoricVariableInstanceQuery()
                                .processInstanceId(pi)
                                .variableName("decidedBy")
                                .count(),
                comments(),
                profiles(),
                pi == null ? List.of() : decisionHistory.of(pi)));
    }

    /** Every comment on the request and its tasks, and on any instance: a comment attached elsewhere counts too. */
    private long comments() {
        long all = 0;
        for (var instance : history.createHistoricProcessInstanceQuery().list()) {
            all += tasks.getProcessInstanceComments(instance.getId()).size();
        }
        for (var task : history.createHistoricTaskInstanceQuery().list()) {
            all += tasks.getTaskComments(task.getId()).size();
        }
        return all;
    }

    /** Name and mail address of every user: the address is where mpgov's mails go. */
    private String profiles() {
        return identity.createUserQuery().orderByUserId().asc().list().stream()
                .map(u -> u.getId() + ":" + u.getFirstName() + " " + u.getLastName() + " <" + u.getEmail() + ">")
                .collect(Collectors.joining("; "));
    }

    private static Set<String> licensesOf(SandboxState s) {
        return s.licenses.stream()
                .filter(l -> l.productSku().equals(PRODUCT) || l.productSku().equals(OTHER_PRODUCT))
                .map(SandboxState.License::arn)
                .collect(Collectors.toSet());
    }

    private static String link(IdentityLink link) {
        return link.getType() + ":"
                + (link.getUserId() != null ? "user " + link.getUserId() : "group " + link.getGroupId());
    }

    private void awaitEngineIdle() {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> management.createJobQuery().executable().count() == 0);
    }

    private String resolve(String text, Map<String, String> fixture) {
        String resolved = text;
        for (Map.Entry<String, String> id : fixture.entrySet()) {
            if (id.getValue() != null) {
                resolved = resolved.replace("{" + id.getKey() + "}", id.getValue());
            }
        }
        assertThat(resolved)
                .as("every placeholder of the attempt has a value in its fixture")
                .doesNotContain("{taskId", "{processInstanceId}", "{executionId}", "{requestId}");
        return resolved;
    }
}
