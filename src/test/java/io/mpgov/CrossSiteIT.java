package io.mpgov;

import static org.assertj.core.api.Assertions.assertThat;

import io.mpgov.support.Http;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * What another site's page can make the user's browser do to mpgov, with the credentials the browser
 * remembers: post a form or a simple fetch to /api — refused, nothing starts; show mpgov's pages in a frame
 * to trick the user into clicking (clickjacking) — every page says it may not be framed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "it"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CrossSiteIT {

    static final String FORM = "application/x-www-form-urlencoded";

    @LocalServerPort
    int port;

    @Autowired
    HistoryService history;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aFormPostWithTheUsersCredentialsIsRefusedAndStartsNoReview() {
        long reviews = catalogReviews();

        for (String[] form : new String[][] {
            {FORM, "dryRun=false"},
            {"multipart/form-data; boundary=x", "--x\r\n\r\n--x--\r\n"},
            {"text/plain", "{}"},
            {null, null}
        }) {
            Http.Response refused = http.post("/api/reviews/catalog", "pmp-admin", form[0], form[1], Map.of());
            assertThat(refused.status()).as(form[0]).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().path("detail").asText()).contains("JSON body", "X-Requested-By");
        }
        assertThat(http.post("/api/reviews/access", "security", FORM, "", Map.of())
                        .status())
                .isEqualTo(403);
        assertThat(http.post(
                                "/api/requests",
                                "requester",
                                "text/plain",
                                "{\"productId\":\"prod-pagerduty0001\"}",
                                Map.of())
                        .status())
                .isEqualTo(403);
        assertThat(catalogReviews()).isEqualTo(reviews);
    }

    @Test
    void aJsonCallFromAnotherSitesPageIsRefused() {
        long reviews = catalogReviews();

        for (Map<String, String> crossSite : java.util.List.of(
                Map.of("Origin", "https://evil.example"),
                Map.of("Origin", "null"),
                Map.of("Origin", "http://127.0.0.1:" + (port + 1)),
                Map.of("Sec-Fetch-Site", "cross-site"),
                Map.of("Sec-Fetch-Site", "same-site"))) {
            Http.Response refused = http.post("/api/reviews/catalog", "pmp-admin", "application/json", "{}", crossSite);
            assertThat(refused.status()).as(crossSite.toString()).isEqualTo(403);
            assertThat(refused.json().path("detail").asText()).contains("another site");
        }
        assertThat(catalogReviews()).isEqualTo(reviews);
    }

    @Test
    void aJsonCallOrTheCustomHeaderFromMpgovsOwnPagesOrAScriptStillWorks() {
        long reviews = catalogReviews();

        assertThat(http.post("/api/reviews/catalog?dryRun=true", "pmp-admin", "{}")
                        .status())
                .isEqualTo(202);
        assertThat(http.post(
                                "/api/reviews/catalog?dryRun=true",
                                "pmp-admin",
                                null,
                                null,
                                Map.of("X-Requested-By", "mpgov"))
                        .status())
                .isEqualTo(202);
        assertThat(http.post(
                                "/api/reviews/catalog?dryRun=true",
                                "pmp-admin",
                                null,
                                null,
                                Map.of(
                                        "X-Requested-By",
                                        "mpgov",
                                        "Origin",
                                        "http://127.0.0.1:" + port,
                                        "Sec-Fetch-Site",
                                        "same-origin"))
                        .status())
                .as("the dashboard's own call")
                .isEqualTo(202);
        assertThat(catalogReviews()).isEqualTo(reviews + 3);
    }

    @Test
    void eventsAreLeftToTheirSharedSecret() {
        Http.Response event =
                http.post("/api/events", null, "application/json", "{}", Map.of("Origin", "https://evil.example"));

        assertThat(event.status()).isEqualTo(401);
        assertThat(event.body()).contains("X-Mpgov-Event-Secret");
    }

    @Test
    void mpgovsPagesAndApiMayNotBeFramedNorHaveTheirTypeGuessed() {
        for (Http.Response response : java.util.List.of(
                http.get("/dashboard", null),
                http.get("/dashboard/index.html", null),
                http.get("/dashboard/dashboard.js", null),
                http.get("/api/dashboard/catalog", "auditor"),
                http.get("/api/dashboard/catalog", null),
                http.get("/api/requests/PR-NONE", "requester"),
                http.get("/api/no-such-thing", null),
                http.post("/api/reviews/catalog", "pmp-admin", FORM, "", Map.of()))) {
            assertThat(response.headers().allValues("Content-Security-Policy"))
                    .as(response.status() + " " + response.body())
                    .containsExactly("frame-ancestors 'none'");
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
    }

    @Test
    void camundasWebappsMayNotBeFramedEither() {
        for (String page : new String[] {
            "/camunda/app/tasklist/default/", "/camunda/app/admin/default/", "/camunda/app/welcome/default/"
        }) {
            Http.Response response = http.get(page, null);
            assertThat(response.status()).as(page).isEqualTo(200);
            assertThat(response.headers().allValues("Content-Security-Policy"))
                    .singleElement()
                    .asString()
                    .contains("frame-ancestors 'none'");
            assertThat(response.headers().firstValue("X-Frame-Options"))
                    .as(page)
                    .hasValue("DENY");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
    }

    private long catalogReviews() {
        return history.createHistoricProcessInstanceQuery()
                .processDefinitionKey("catalog-review")
                .count();
    }
}
