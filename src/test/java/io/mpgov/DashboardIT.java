package io.mpgov;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mpgov.support.Http;
import io.mpgov.support.TasklistSession;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** The catalog dashboard on the demo organization: its page and its data, as a new user finds them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "it"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DashboardIT {

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void theDemoOrganizationsExpiryTimelineWithTheRemovalDaysThePolicyPlans() {
        assertThat(http.get("/api/dashboard/catalog", "pmp-admin").status()).isEqualTo(200);
        assertThat(http.get("/api/dashboard/catalog", "procurement-manager").status())
                .isEqualTo(200);
        Http.Response response = http.get("/api/dashboard/catalog", "auditor");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode overview = response.json();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, JsonNode> products = new HashMap<>();
        overview.path("products").forEach(p -> products.put(p.path("productId").asText(), p));

        assertThat(overview.path("policyVersion").asText()).isEqualTo("review-policy v1");
        // Both demo experiences, each read from its procurement policy (Tableau is on a Deny statement: not shown).
        assertThat(products)
                .containsOnlyKeys(
                        "prod-dtdgobserv001",
                        "prod-splkenterp001",
                        "prod-crwdfalcon001",
                        "prod-rdhtrhel90001",
                        "prod-ngnxplusami01",
                        "prod-gitlabprem001",
                        "prod-trndmicro0001");
        assertThat(overview.path("experiences"))
                .extracting(JsonNode::asText)
                .containsExactly("exp-mpgovdemopmp01", "exp-mpgovsharedsv1");
        assertThat(products.get("prod-dtdgobserv001").path("experiences"))
                .extracting(JsonNode::asText)
                .containsExactly("exp-mpgovdemopmp01", "exp-mpgovsharedsv1");
        assertThat(products.get("prod-trndmicro0001").path("experiences"))
                .extracting(JsonNode::asText)
                .containsExactly("exp-mpgovsharedsv1");
        JsonNode crowdstrike = products.get("prod-crwdfalcon001");
        assertThat(crowdstrike.path("title").asText()).as("the catalog's title").isEqualTo("CrowdStrike Falcon");
        assertThat(crowdstrike.path("seller").asText()).isEqualTo("CrowdStrike");
        assertThat(crowdstrike.path("offerType").asText()).isEqualTo("PRIVATE");
        assertThat(crowdstrike.path("agreementEnd").asText())
                .isEqualTo(today.plusMonths(1).toString());
        assertThat(crowdstrike.path("plannedRemoval").asText())
                .as("inside the 3-month window: due now")
                .isEqualTo(today.toString());
        JsonNode gitlab = products.get("prod-gitlabprem001");
        LocalDate gitlabEnd = LocalDate.parse(gitlab.path("agreementEnd").asText());
        assertThat(LocalDate.parse(gitlab.path("plannedRemoval").asText()))
                .as("3 months before its agreement ends")
                .isEqualTo(gitlabEnd.minusMonths(3));
        assertThat(gitlab.path("removalReason").asText()).isEqualTo("agreement ends within 3 months");
        JsonNode redHat = products.get("prod-rdhtrhel90001");
        assertThat(redHat.path("offerType").asText()).isEqualTo("PUBLIC");
        assertThat(redHat.path("removalReason").asText()).isEqualTo("unused for 6 months");
        assertThat(redHat.path("usageSignal").asText()).startsWith("none seen");
        assertThat(redHat.has("lastUsed"))
                .as("nobody used it: no last-use day, not today's")
                .isFalse();
        assertThat(redHat.path("noUseSeenSince").asText())
                .as("as far back as Cost Explorer is asked (not yet reviewed: mpgov has watched it no longer)")
                .isEqualTo(today.withDayOfMonth(1).minusMonths(6).toString());
        assertThat(products.get("prod-dtdgobserv001").path("usageSignal").asText())
                .startsWith("Cost Explorer: 1850.00 USD in ");
        assertThat(LocalDate.parse(
                        products.get("prod-dtdgobserv001").path("lastUsed").asText()))
                .isAfter(today.minusDays(32));
        assertThat(products.get("prod-dtdgobserv001").has("noUseSeenSince")).isFalse();
        assertThat(LocalDate.parse(redHat.path("plannedRemoval").asText()))
                .isAfter(today.plusMonths(6))
                .isBefore(today.plusMonths(6).plusDays(3));
        assertThat(overview.path("products").get(0).path("productId").asText())
                .as("soonest removal first")
                .isIn("prod-crwdfalcon001", "prod-splkenterp001");
    }

    @Test
    void thePageIsServedAndTheDataOnlyToThoseWhoMayReadIt() {
        Http.Response page = http.get("/dashboard/index.html", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Expiry timeline", "dashboard.js");
        assertThat(http.get("/dashboard/dashboard.js", null).body()).contains("/api/dashboard/catalog");
        assertThat(http.get("/camunda/app/welcome/scripts/config.js", null).body())
                .as(
                        "the welcome page links only pages every signed-in user may open, each showing them what they may see")
                .contains("href: '/dashboard/'", "href: '/requests'")
                .doesNotContain("/api/");
        assertThat(http.get("/api/dashboard/catalog", null).status()).isEqualTo(401);
        Http.Response requester = http.get("/api/dashboard/catalog", "requester");
        assertThat(requester.status()).isEqualTo(403);
        assertThat(requester.body())
                .contains(
                        "requester may not getCatalogOverview",
                        "members of procurement-manager, pmp-admin, auditor may");
    }

    @Test
    void theDashboardOffersEachSignedInUserOnlyWhatTheEndpointsLetThemDo() {
        // Auditors may not open Tasklist: they sign in where every user may (the welcome page, and so the dashboard).
        TasklistSession auditor = TasklistSession.signIn(port, "auditor", "welcome");
        JsonNode me = auditor.mpgov("GET", "/api/dashboard/me", null).json();
        assertThat(me.path("userId").asText()).isEqualTo("auditor");
        assertThat(me.path("mayRead").asBoolean()).isTrue();
        assertThat(me.path("mayDryRun").asBoolean()).isTrue();
        assertThat(me.path("mayReview").asBoolean())
                .as("auditors read, they do not remove")
                .isFalse();
        Http.Response review = auditor.mpgov("POST", "/api/reviews/catalog", null);
        assertThat(review.status())
                .as("the endpoint refuses what the page does not offer")
                .isEqualTo(403);
        assertThat(review.body()).contains("auditor may not run a catalog review");

        JsonNode admin = TasklistSession.signIn(port, "pmp-admin")
                .mpgov("GET", "/api/dashboard/me", null)
                .json();
        assertThat(List.of(admin.path("mayRead"), admin.path("mayDryRun"), admin.path("mayReview")))
                .extracting(JsonNode::asBoolean)
                .containsOnly(true);
        assertThat(admin.path("mayReadEvidence").asBoolean()).isFalse();

        Http.Response requester = TasklistSession.signIn(port, "requester").mpgov("GET", "/api/dashboard/me", null);
        assertThat(requester.status()).isEqualTo(200);
        assertThat(requester.json().path("mayRead").asBoolean()).isFalse();
        assertThat(requester.json().path("mayDryRun").asBoolean()).isFalse();
        assertThat(requester.json().path("readers"))
                .extracting(JsonNode::asText)
                .containsExactly("Procurement managers", "Private Marketplace administrators", "Auditors");
        assertThat(http.get("/api/dashboard/me", null).status()).isEqualTo(401);
    }
}
