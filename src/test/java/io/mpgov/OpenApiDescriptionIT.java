package io.mpgov;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mpgov.events.EventSettings;
import io.mpgov.support.Http;
import io.mpgov.support.RequiresChromium;
import io.mpgov.support.Tasklist;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI description at /v3/api-docs, read as a client generator reads it: every /api handler Spring maps is
 * in it (so an endpoint added later is too, or this fails), nothing else is, each operation says what it does, who
 * may call it and which problems it answers with; it tells nothing about this installation; and neither it nor the
 * Swagger UI beside it opens a way around /api's sign-in and cross-site refusals.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "it"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OpenApiDescriptionIT {

    static final Set<String> PROBLEMS = Set.of("400", "401", "403", "404", "409", "415", "502", "503");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Environment environment;

    @Autowired
    HistoryService history;

    Http http;
    JsonNode api;

    @BeforeEach
    void read() throws IOException {
        http = new Http(port);
        Http.Response docs = http.get("/v3/api-docs", null);
        assertThat(docs.status()).as(docs.body()).isEqualTo(200);
        api = docs.json();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/openapi.json"), docs.json().toPrettyString());
    }

    /** Every (path, method) of a handler Spring maps under /api, as the description spells the path. */
    private Set<String> apiHandlers() {
        Set<String> handlers = new TreeSet<>();
        for (RequestMappingHandlerMapping mapping :
                context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                    mapping.getHandlerMethods().entrySet()) {
                RequestMappingInfo info = entry.getKey();
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (!pattern.equals("/api") && !pattern.startsWith("/api/")) {
                        continue;
                    }
                    String path = pattern.replaceAll("\\{(\\w+):[^}]*}", "{$1}");
                    (methods.isEmpty() ? Set.of(RequestMethod.GET) : methods)
                            .forEach(m -> handlers.add(m.name().toLowerCase() + " " + path));
                }
            }
        }
        return handlers;
    }

    private Set<String> describedOperations() {
        Set<String> operations = new TreeSet<>();
        api.path("paths")
                .properties()
                .forEach(path ->
                        path.getValue().properties().forEach(op -> operations.add(op.getKey() + " " + path.getKey())));
        return operations;
    }

    @Test
    void describesEveryApiHandlerSpringMapsAndNothingElse() {
        Set<String> handlers = apiHandlers();
        assertThat(handlers)
                .as("the /api handlers this test finds")
                .contains("post /api/requests", "get /api/requests/{requestId}", "post /api/events");

        assertThat(describedOperations()).as("the description's operations").containsAll(handlers);
        assertThat(describedOperations())
                .as("operations described that no /api handler serves")
                .isSubsetOf(handlers);
        api.path("paths")
                .fieldNames()
                .forEachRemaining(path -> assertThat(path)
                        .as("Camunda's /engine-rest, the sandbox and actuator are not mpgov's API")
                        .startsWith("/api/"));
    }

    @Test
    void everyOperationSaysWhatItDoesAndHasAnIdAClientCanBeGeneratedFrom() {
        Set<String> ids = new TreeSet<>();
        forEachOperation((name, op) -> {
            assertThat(op.path("summary").asText()).as(name + ": summary").isNotBlank();
            assertThat(op.path("operationId").asText())
                    .as(name + ": operationId")
                    .matches("[a-z][A-Za-z]+");
            assertThat(ids.add(op.path("operationId").asText()))
                    .as(name + ": unique operationId")
                    .isTrue();
            assertThat(op.path("tags")).as(name + ": tags").isNotEmpty();
            JsonNode success = successOf(op);
            assertThat(success).as(name + ": a 2xx response").isNotNull();
            assertThat(success.path("description").asText()).as(name).isNotBlank();
            op.path("parameters")
                    .forEach(p -> assertThat(p.path("schema").isObject())
                            .as(name + ": parameter " + p.path("name"))
                            .isTrue());
        });
    }

    @Test
    void everyOperationDescribesTheProblemsItCanAnswerWith() {
        forEachOperation((name, op) -> {
            JsonNode responses = op.path("responses");
            assertThat(responses.has("401")).as(name + ": 401").isTrue();
            boolean person = !op.has("security");
            if (person) {
                assertThat(responses.has("403")).as(name + ": 403").isTrue();
            }
            if (name.contains("{")) {
                assertThat(responses.has("404")).as(name + ": 404").isTrue();
            }
            boolean parameters = false;
            for (JsonNode p : op.path("parameters")) {
                parameters |= !p.path("in").asText().equals("path")
                        && !p.path("name").asText().equals("X-Requested-By");
            }
            if (op.has("requestBody") || parameters) {
                assertThat(responses.has("400")).as(name + ": 400").isTrue();
            }
            if (op.has("requestBody")) {
                assertThat(responses.has("415")).as(name + ": 415").isTrue();
            }
            responses.properties().forEach(r -> {
                if (PROBLEMS.contains(r.getKey())) {
                    JsonNode response = resolve(r.getValue());
                    assertThat(response.path("description").asText())
                            .as(name + " " + r.getKey())
                            .isNotBlank();
                    assertThat(response.at("/content/application~1problem+json/schema/$ref")
                                    .asText())
                            .as(name + " " + r.getKey() + ": a problem detail")
                            .isEqualTo("#/components/schemas/Problem");
                }
            });
        });
        JsonNode problem = api.at("/components/schemas/Problem/properties");
        assertThat(problem.fieldNames()).toIterable().contains("type", "title", "status", "detail", "errors");
        assertThat(problem.at("/errors/items/$ref").asText()).isEqualTo("#/components/schemas/FieldProblem");
        assertThat(api.at("/components/schemas/FieldProblem/required"))
                .extracting(JsonNode::asText)
                .contains("field", "message");
        JsonNode submit = api.at("/paths/~1api~1requests/post");
        assertThat(submit.at("/responses").fieldNames())
                .toIterable()
                .contains("201", "400", "401", "403", "502", "503");
    }

    @Test
    void theRequestFormsSchemaCarriesTheFieldsRules() {
        JsonNode form = api.at("/components/schemas/RequestForm");
        assertThat(form.path("required"))
                .extracting(JsonNode::asText)
                .contains("productId", "offerType", "businessJustification")
                .doesNotContain("offerId", "newVendor", "targetAccountIds");
        JsonNode fields = form.path("properties");
        assertThat(fields.at("/productId/pattern").asText()).isEqualTo("prod-[a-z0-9]{13}");
        assertThat(fields.at("/targetOuId/pattern").asText()).startsWith("ou-");
        assertThat(fields.at("/contractMonths/minimum").asInt()).isEqualTo(1);
        assertThat(fields.at("/contractMonths/maximum").asInt()).isEqualTo(60);
        assertThat(fields.at("/offerType/enum")).extracting(JsonNode::asText).containsExactly("PUBLIC", "PRIVATE");
        assertThat(fields.at("/dataClassification/enum")).hasSize(4);
        assertThat(fields.at("/targetTag/enum").isMissingNode()).isTrue();
    }

    @Test
    void theProblemsDescribedAreWhatComesBackAndEchoNoMarkup() {
        Map<String, Http.Response> answers = Map.of(
                "400 missing parameter", http.get("/api/audit/evidence?from=2026-01-01", "auditor"),
                "400 ill-typed parameter", http.post("/api/reviews/catalog?dryRun=%3Cb%3Emaybe", "pmp-admin", "{}"),
                "400 invalid request", http.post("/api/requests", "requester", "{}"),
                "401", http.get("/api/dashboard/catalog", null),
                "403", http.post("/api/reviews/catalog", "auditor", "{}"),
                "404", http.get("/api/reviews/catalog/no-such-review", "auditor"),
                "404 no such endpoint", http.get("/api/%3Cb%3Enothing", "auditor"),
                "405", http.send("DELETE", "/api/dashboard/catalog", "auditor", "{}"),
                "415",
                        http.post(
                                "/api/requests",
                                "requester",
                                "text/plain+<b>",
                                "{}",
                                Map.of("X-Requested-By", "mpgov")));
        answers.forEach((expected, answer) -> {
            assertThat(answer.status() + "").as(expected + ": " + answer.body()).isEqualTo(expected.substring(0, 3));
            assertThat(answer.contentType()).as(expected).startsWith("application/problem+json");
            assertThat(answer.json().path("status").asInt()).as(expected).isEqualTo(answer.status());
            assertThat(answer.body()).as(expected + ": no markup echoed").doesNotContain("<");
        });
        assertThat(answers.get("400 invalid request")
                        .json()
                        .at("/errors/0/field")
                        .asText())
                .isNotBlank();
    }

    @Test
    void namesHowToSignInToEachOperation() {
        JsonNode schemes = api.at("/components/securitySchemes");
        assertThat(schemes.at("/basicAuth/type").asText()).isEqualTo("http");
        assertThat(schemes.at("/basicAuth/scheme").asText()).isEqualTo("basic");
        assertThat(schemes.at("/camundaSession/type").asText()).isEqualTo("apiKey");
        assertThat(schemes.at("/camundaSession/in").asText()).isEqualTo("cookie");
        assertThat(schemes.at("/camundaSession/name").asText()).isEqualTo("JSESSIONID");
        assertThat(schemes.at("/eventSecret/type").asText()).isEqualTo("apiKey");
        assertThat(schemes.at("/eventSecret/in").asText()).isEqualTo("header");
        assertThat(schemes.at("/eventSecret/name").asText()).isEqualTo("X-Mpgov-Event-Secret");
        assertThat(api.path("security").toString()).isEqualTo("[{\"basicAuth\":[]},{\"camundaSession\":[]}]");
        assertThat(api.at("/paths/~1api~1events/post/security").toString()).isEqualTo("[{\"eventSecret\":[]}]");
        forEachOperation((name, op) -> {
            if (op.has("security")) {
                assertThat(name).as("only /api/events has its own sign-in").isEqualTo("post /api/events");
            }
        });
    }

    @Test
    void aStateChangingCallWithoutABodyIsDescribedWithTheHeaderThatGetsItPastTheCrossSiteRefusal() {
        JsonNode header = null;
        for (JsonNode p : api.at("/paths/~1api~1reviews~1catalog/post/parameters")) {
            if (p.path("name").asText().equals("X-Requested-By")) {
                header = p;
            }
        }
        assertThat(header).isNotNull();
        assertThat(header.path("in").asText()).isEqualTo("header");
        assertThat(header.path("required").asBoolean()).isTrue();
        long reviews = catalogReviews();

        Http.Response asDescribed = http.post(
                "/api/reviews/catalog?dryRun=true",
                "pmp-admin",
                null,
                null,
                Map.of("X-Requested-By", header.at("/schema/example").asText()));
        Http.Response without = http.post("/api/reviews/catalog?dryRun=true", "pmp-admin", null, null, Map.of());

        assertThat(asDescribed.status()).as(asDescribed.body()).isEqualTo(202);
        assertThat(without.status()).isEqualTo(403);
        assertThat(catalogReviews()).isEqualTo(reviews + 1);
    }

    @Test
    void titleAndVersionAreTheProjectsAndTheDescriptionTellsNothingAboutThisInstallation() throws Exception {
        String pomVersion = XPathFactory.newInstance()
                .newXPath()
                .evaluate(
                        "/project/version",
                        DocumentBuilderFactory.newInstance()
                                .newDocumentBuilder()
                                .parse(Path.of("pom.xml").toFile()));
        assertThat(api.at("/info/version").asText()).isEqualTo(pomVersion);
        assertThat(api.at("/info/title").asText()).isNotBlank();
        assertThat(api.at("/info/description").asText()).isNotBlank();
        assertThat(api.at("/openapi").asText()).startsWith("3.0");
        assertThat(api.path("servers").toString())
                .as("no host taken from the caller's request")
                .isEqualTo("[{\"url\":\"/\",\"description\":\"this mpgov\"}]");

        String text = api.toString();
        List<String> secrets = new ArrayList<>(List.of(
                context.getBean(EventSettings.class).secret(),
                "127.0.0.1",
                "localhost",
                ":" + port,
                environment.getProperty("mpgov.aws.endpoint", "no endpoint"),
                environment.getProperty("spring.datasource.url", "no datasource")));
        assertThat(secrets.get(0)).isNotBlank();
        for (String secret : secrets) {
            assertThat(text).as("the description names " + secret).doesNotContain(secret);
        }
    }

    @Test
    void anyoneMayReadTheDescriptionAndSwaggerUiServesItFromHereAlone() {
        Http.Response redirect = http.get("/swagger-ui.html", null);
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/swagger-ui/index.html"));

        Http.Response page = http.get("/swagger-ui/index.html", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui-bundle.js").doesNotContainPattern("(src|href)=\"(https?:)?//");
        for (String asset : List.of("swagger-ui-bundle.js", "swagger-ui.css", "swagger-initializer.js")) {
            assertThat(http.get("/swagger-ui/" + asset, null).status())
                    .as(asset)
                    .isEqualTo(200);
        }
        JsonNode config = http.get("/v3/api-docs/swagger-config", null).json();
        assertThat(config.path("url").asText()).isEqualTo("/v3/api-docs");
        assertThat(config.path("validatorUrl").asText()).isEqualTo("none");
        assertThat(config.path("queryConfigEnabled").asBoolean(false))
                .as("no ?url= or ?configUrl= making the page show another site's description")
                .isFalse();
    }

    @Test
    void theDescriptionAndSwaggerUiMayNotBeFramedNorHaveTheirTypeGuessed() {
        for (String path : List.of(
                "/v3/api-docs",
                "/v3/api-docs.yaml",
                "/v3/api-docs/swagger-config",
                "/swagger-ui.html",
                "/swagger-ui/index.html",
                "/swagger-ui/swagger-initializer.js")) {
            Http.Response response = http.get(path, null);
            assertThat(response.status()).as(path).isLessThan(400);
            assertThat(response.headers().allValues("Content-Security-Policy"))
                    .as(path)
                    .containsExactly("frame-ancestors 'none'");
            assertThat(response.headers().firstValue("X-Frame-Options"))
                    .as(path)
                    .hasValue("DENY");
            assertThat(response.headers().firstValue("X-Content-Type-Options"))
                    .as(path)
                    .hasValue("nosniff");
        }
    }

    @Test
    void theDocsPathsChangeNothing() {
        long reviews = catalogReviews();
        for (String path :
                List.of("/v3/api-docs", "/v3/api-docs/swagger-config", "/swagger-ui.html", "/swagger-ui/index.html")) {
            for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
                Http.Response answer = http.send(method, path, "admin", "{}");
                assertThat(answer.status()).as(method + " " + path).isBetween(400, 499);
            }
        }
        assertThat(catalogReviews()).isEqualTo(reviews);
    }

    /** Swagger UI in headless Chromium, on a machine whose network is closed: it shows every operation, all from here. */
    @Nested
    @RequiresChromium
    class InTheBrowser {

        @Test
        void swaggerUiShowsTheOperationsAndLoadsNothingFromElsewhere() {
            try (Tasklist browser = new Tasklist(port, "swagger-ui")) {
                browser.onFailureScreenshot(() -> {
                    browser.open("/swagger-ui.html", "Submit a procurement request")
                            .screenshot("operations");
                    assertThat(browser.loaded())
                            .isNotEmpty()
                            .allSatisfy(url -> assertThat(url).startsWith("http://127.0.0.1:" + port + "/"));
                });
            }
        }
    }

    private void forEachOperation(java.util.function.BiConsumer<String, JsonNode> check) {
        api.path("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .properties()
                        .forEach(op -> check.accept(op.getKey() + " " + path.getKey(), op.getValue())));
    }

    private JsonNode successOf(JsonNode op) {
        for (var r : op.path("responses").properties()) {
            if (r.getKey().startsWith("2")) {
                return resolve(r.getValue());
            }
        }
        return null;
    }

    private JsonNode resolve(JsonNode maybeRef) {
        return maybeRef.has("$ref") ? api.at(maybeRef.get("$ref").asText().substring(1)) : maybeRef;
    }

    private long catalogReviews() {
        return history.createHistoricProcessInstanceQuery()
                .processDefinitionKey("catalog-review")
                .count();
    }
}
