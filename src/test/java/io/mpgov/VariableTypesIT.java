package io.mpgov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.mpgov.license.DistributionReport;
import io.mpgov.license.GrantWork;
import io.mpgov.license.LicenseDistributionProcess;
import io.mpgov.sandbox.DemoOrganization;
import io.mpgov.support.Http;
import io.mpgov.support.PublicOfferScenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The engine's REST API lets a caller store a JSON variable of any Java type it names; reading it back
 * deserialized would instantiate that type. Even an administrator gets only the types on the allow-list.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "it"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class VariableTypesIT {

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    /** Stands for a gadget: a class whose construction does something. */
    public static class Gadget {
        static final AtomicInteger MADE = new AtomicInteger();
        public String command;

        public Gadget() {
            MADE.incrementAndGet();
        }
    }

    @Test
    void aJsonVariableOfATypeNotOnTheAllowListIsRefusedAndNeverInstantiated() {
        Http http = new Http(port);
        String instance = http.post(
                        "/api/requests",
                        "requester",
                        Http.json(PublicOfferScenario.publicRequest("prod-pagerduty0001")))
                .json()
                .path("processInstanceId")
                .asText();

        for (String[] variable : new String[][] {
            {Gadget.class.getName(), "{\"command\":\"touch /tmp/owned\"}"},
            {"java.net.URL", "\"http://evil.example/\""},
            // a record of mpgov's that is never a variable of its own: the allow-list names classes, not mpgov's
            // packages
            {GrantWork.class.getName(), "{\"action\":\"GRANT\",\"accountId\":\"111\"}"}
        }) {
            String path = "/engine-rest/process-instance/" + instance + "/variables/probe";
            assertThat(put(
                            path,
                            Http.json(Map.of(
                                    "type",
                                    "Object",
                                    "value",
                                    variable[1],
                                    "valueInfo",
                                    Map.of(
                                            "objectTypeName",
                                            variable[0],
                                            "serializationDataFormat",
                                            "application/json")))))
                    .isEqualTo(204);

            Http.Response read = http.get(path, "admin");
            assertThat(read.status()).as(read.body()).isNotEqualTo(200);
            assertThat(read.body()).contains("Cannot deserialize object in variable 'probe'", variable[0]);
            assertThat(http.get(path + "?deserializeValue=false", "admin")
                            .json()
                            .path("value")
                            .asText())
                    .as("stored as the text it was")
                    .isEqualTo(variable[1]);
        }
        assertThat(Gadget.MADE).hasValue(0);
    }

    @Test
    void mpgovsOwnVariablesAreReadDeserialized() {
        Http http = new Http(port);
        String review = http.post("/api/reviews/catalog?dryRun=true", "pmp-admin", "{}")
                .json()
                .path("processInstanceId")
                .asText();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "COMPLETED"
                        .equals(http.get("/api/reviews/catalog/" + review, "pmp-admin")
                                .json()
                                .path("state")
                                .asText()));

        Http.Response variables =
                http.get("/engine-rest/history/variable-instance?processInstanceId=" + review, "admin");
        assertThat(variables.status()).as(variables.body()).isEqualTo(200);
        List<JsonNode> objects = new ArrayList<>();
        variables.json().forEach(v -> {
            assertThat(v.path("errorMessage").isNull()).as(v.toString()).isTrue();
            if (v.path("type").asText().equals("Object")) {
                objects.add(v);
            }
        });
        assertThat(objects)
                .extracting(v -> v.path("name").asText())
                .contains("removalBatches", "renewals", "removals", "reviewLines");
        assertThat(objects)
                .allSatisfy(v -> assertThat(v.path("value").isContainerNode())
                        .as(v.toString())
                        .isTrue());
    }

    @Test
    void aDistributionsRecordsAreReadDeserialized() {
        String distribution = runtime.startProcessInstanceByKey(
                        LicenseDistributionProcess.KEY,
                        Map.of(
                                LicenseDistributionProcess.PRODUCT_ID,
                                "prod-ngnxplusami01",
                                LicenseDistributionProcess.TARGET_OU_ID,
                                DemoOrganization.OU_TECHNOLOGY))
                .getId();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> history.createHistoricProcessInstanceQuery()
                                .processInstanceId(distribution)
                                .finished()
                                .count()
                        == 1);

        Http.Response variables =
                new Http(port).get("/engine-rest/history/variable-instance?processInstanceId=" + distribution, "admin");
        assertThat(variables.status()).as(variables.body()).isEqualTo(200);
        Map<String, JsonNode> objects = new java.util.HashMap<>();
        variables.json().forEach(v -> {
            assertThat(v.path("errorMessage").isNull()).as(v.toString()).isTrue();
            if (v.path("type").asText().equals("Object")) {
                objects.put(v.path("name").asText(), v);
            }
        });
        assertThat(objects).containsKeys("grantBatches", "batch", "distributionNotices", "distributionOutcomes");
        assertThat(objects.values())
                .allSatisfy(v -> assertThat(v.path("value").isContainerNode())
                        .as(v.toString())
                        .isTrue());
        JsonNode report = objects.get("distributionOutcomes");
        assertThat(report.path("valueInfo").path("objectTypeName").asText())
                .isEqualTo(DistributionReport.class.getName());
        assertThat(report.path("value").path("writes").path(0).path("kind").asText())
                .isEqualTo("CREATED");
        assertThat(report.path("value").path("notices").isArray())
                .as(report.toString())
                .isTrue();
    }

    /** As the administrator, with the engine's REST API. */
    private int put(String path, String json) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                    .header(
                                            "Authorization",
                                            "Basic "
                                                    + Base64.getEncoder()
                                                            .encodeToString(
                                                                    "admin:demo".getBytes(StandardCharsets.UTF_8)))
                                    .header("Content-Type", "application/json")
                                    .PUT(HttpRequest.BodyPublishers.ofString(json))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
