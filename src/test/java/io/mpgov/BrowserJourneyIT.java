package io.mpgov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.mpgov.sandbox.Sandbox;
import io.mpgov.support.Http;
import io.mpgov.support.PublicOfferScenario;
import io.mpgov.support.RequiresChromium;
import io.mpgov.support.Tasklist;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo users walk both paths in Camunda Tasklist in headless Chromium, from the start form to the
 * product in the Private Marketplace, with a screenshot per step in target/browser/. Nothing is done
 * behind the browser's back but what happens outside mpgov: accepting the offer in the AWS console.
 */
@RequiresChromium
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "mpgov.test.context=browser")
@ActiveProfiles({"demo", "it"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class BrowserJourneyIT {

    @LocalServerPort
    int port;

    @Autowired
    Sandbox sandbox;

    @Test
    void aPublicOfferGoesFromTheStartFormThroughThePmpAdminsReviewIntoThePmp() {
        String product = "prod-pagerduty0001";
        try (Tasklist tasklist = new Tasklist(port, "public-path")) {
            tasklist.onFailureScreenshot(() -> {
                tasklist.loginAs("requester").screenshot("requester-tasklist").startProcess("Procurement request");
                fillRequest(tasklist, product, "PagerDuty", "12000")
                        .radio("Field_OfferType", 0)
                        .screenshot("start-form-filled")
                        .submitStartForm()
                        .screenshot("request-submitted");

                tasklist.loginAs("pmp-admin").claimGroupTask("Review public offer");
                assertThat(tasklist.valueOf("Field_ProductId")).isEqualTo(product);
                tasklist.screenshot("pmp-admin-review")
                        .radio("Field_Decision", 0)
                        .text("Field_Comment", "Fits the catalogue")
                        .screenshot("pmp-admin-approves")
                        .complete();

                awaitAllowed(product);
                // Signed in to Tasklist: the dashboard opens without a second sign-in.
                tasklist.dashboard(product)
                        .screenshot("product-in-the-pmp")
                        .dryRunOnDashboard()
                        .screenshot("dashboard-dry-run");
            });
        }
    }

    @Test
    void theDashboardSaysAWrongPasswordShowsTitlesOffersOnlyWhatEachMayDoAndNamesWhatADryRunWouldRemove() {
        try (Tasklist tasklist = new Tasklist(port, "dashboard")) {
            tasklist.onFailureScreenshot(() -> {
                // Camunda holds a user's next sign-in back for a while after a wrong password: one nobody else uses
                // here.
                assertThat(tasklist.dashboardRefusesSignIn("legal", "not-the-password"))
                        .isEqualTo("Wrong user name or password.");
                tasklist.screenshot("wrong-password");

                tasklist.dashboardAs("auditor", "CrowdStrike Falcon").screenshot("auditor-reads");
                assertThat(tasklist.dashboardActions())
                        .as("an auditor may run a dry run, not a review that removes")
                        .containsExactly("Review now — dry run");

                tasklist.dashboardAs("requester", "The catalog dashboard is for")
                        .screenshot("requester-is-told");
                assertThat(tasklist.dashboardActions()).isEmpty();
                tasklist.signOutOfDashboard().dashboard("Sign in").screenshot("signed-out");

                tasklist.dashboardAs("pmp-admin", "CrowdStrike Falcon");
                assertThat(tasklist.dashboardActions()).containsExactly("Review now — dry run", "Review now");
                tasklist.dryRunOnDashboard().screenshot("pmp-admin-dry-run");
                assertThat(tasklist.dryRunRemovals())
                        .anySatisfy(line -> assertThat(line)
                                .startsWith("CrowdStrike Falcon (prod-crwdfalcon001) — agreement ends within 3 months"
                                        + " (ends "))
                        .allSatisfy(line -> assertThat(line).matches(".+ \\(prod-[a-z0-9]+\\) — .+"));
            });
        }
    }

    @Test
    void aPrivateOfferGoesThroughApprovalsAcceptanceAndConfirmationIntoThePmp() {
        String product = "prod-snwflkdata001";
        String offer = "offer-snwflkdatapriv2";
        try (Tasklist tasklist = new Tasklist(port, "private-path")) {
            tasklist.onFailureScreenshot(() -> {
                tasklist.loginAs("requester").startProcess("Procurement request");
                fillRequest(tasklist, product, "Snowflake", "20000")
                        .radio("Field_OfferType", 1)
                        .text("Field_OfferId", offer)
                        .select("Field_NewVendor", "No")
                        .select("Field_CustomEula", "No")
                        .screenshot("start-form-filled")
                        .submitStartForm();

                for (Map.Entry<String, String> approval : Map.of(
                                "finance", "finance", "procurement-manager", "procurement")
                        .entrySet()) {
                    String approver = approval.getKey();
                    tasklist.loginAs(approver)
                            .claimGroupTask("Approve private offer (" + approval.getValue() + ")")
                            .radio("Field_Decision", 0)
                            .text("Field_Comment", "Approved by " + approver)
                            .screenshot(approver + "-approves")
                            .complete();
                }

                // What the procurement manager does in the AWS Marketplace console:
                String agreement = sandbox.acceptOffer(new Sandbox.OfferAcceptance(offer, product, 12, "20000"))
                        .id();
                tasklist.loginAs("procurement-manager")
                        .claimGroupTask("Accept the private offer in AWS Marketplace")
                        .radio("Field_Decision", 0)
                        .text("Field_AgreementId", agreement)
                        .screenshot("procurement-manager-accepts")
                        .complete();

                tasklist.loginAs("pmp-admin").claimGroupTask("Confirm approvals and add to PMP");
                assertThat(tasklist.valueOf("Field_AgreementId")).isEqualTo(agreement);
                tasklist.radio("Field_Decision", 0)
                        .text("Field_Comment", "Approvals and agreement checked")
                        .screenshot("pmp-admin-confirms")
                        .complete();

                awaitAllowed(product);
                tasklist.dashboard("Snowflake Data Cloud").screenshot("product-in-the-pmp");
            });
        }
    }

    @Test
    void aRequesterSignsInOnTheRequestPagesAndFollowsTheirRequestToTheEnd() {
        String product = "prod-jfrogartif001";
        Http http = new Http(port);
        JsonNode created = submitted(http, product);
        String requestId = created.get("requestId").asText();
        try (Tasklist browser = new Tasklist(port, "request-page-requester")) {
            browser.onFailureScreenshot(() -> {
                browser.signedOutAt("/requests")
                        .screenshot("sign-in")
                        .signInOnPage("nobody", "wrong")
                        .shows("sign-in-error", "Wrong user name or password")
                        .screenshot("wrong-password")
                        .signInOnPage("requester", "demo")
                        .shows("requests", requestId)
                        .reloadUntil("requests", "Waiting for review by a PMP administrator")
                        .screenshot("my-requests")
                        .openRequestFromList(requestId)
                        .shows("request-status", "Waiting for review by a PMP administrator")
                        .shows("waiting", "PMP administrators")
                        .shows("request-details", "Business justification")
                        .screenshot("request-waits-for-review");
                assertThat(browser.textOf("waiting"))
                        .as("the requester may not work the review: no link to it")
                        .doesNotContain("Open in Tasklist");

                approveReview(http, created.get("processInstanceId").asText(), "Fits the catalogue");
                browser.reloadUntil("request-status", "Completed: product added to the PMP")
                        .shows("decisions", "Approved")
                        .shows("decisions", "pmp-admin")
                        .shows("change-sets", "SUCCEEDED")
                        .shows("mails", "Tell requester: product available")
                        .screenshot("request-completed");

                browser.signedOutAt("/requests/" + requestId)
                        .signInOnPage("requester2", "demo")
                        .shows("request-status", "Not found")
                        .screenshot("another-requester-finds-nothing");
            });
        }
    }

    @Test
    void anAuditorReadsAFinishedRequestOnTheRequestPageWithoutCockpit() {
        String product = "prod-mngdbatlas001";
        Http http = new Http(port);
        JsonNode created = submitted(http, product);
        String requestId = created.get("requestId").asText();
        approveReview(http, created.get("processInstanceId").asText(), "Fits the catalogue");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> http.get("/api/requests/" + requestId, "auditor")
                        .json()
                        .path("state")
                        .asText()
                        .equals("COMPLETED"));
        try (Tasklist browser = new Tasklist(port, "request-page-auditor")) {
            browser.onFailureScreenshot(() -> {
                browser.signedOutAt("/requests/" + requestId)
                        .signInOnPage("auditor", "demo")
                        .shows("request-status", "Completed: product added to the PMP")
                        .shows("decisions", "Fits the catalogue")
                        .shows("change-sets", "SUCCEEDED")
                        .shows("mails", "Tell requester: request submitted")
                        .shows("policies", "offer-routing")
                        .shows("request-details", "Business justification")
                        .screenshot("finished-request");
                assertThat(browser.textOf("request-details"))
                        .as("labels, not variable keys")
                        .doesNotContain("businessJustification", "initiator");
                browser.open("/requests")
                        .shows("requests-title", "All requests")
                        .shows("requests", requestId)
                        .screenshot("all-requests")
                        .open("/requests/PR-NOSUCH22")
                        .shows("request-status", "Not found")
                        .screenshot("unknown-request");
            });
        }
    }

    private static JsonNode submitted(Http http, String product) {
        Http.Response created =
                http.post("/api/requests", "requester", Http.json(PublicOfferScenario.publicRequest(product)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    /** The PMP administrator approves the public offer's review, by the engine's API. */
    private static void approveReview(Http http, String processInstanceId, String comment) {
        String task = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> http.get("/engine-rest/task?processInstanceId=" + processInstanceId, "pmp-admin")
                                .json()
                                .path(0)
                                .path("id")
                                .asText(null),
                        id -> id != null);
        Http.Response completed = http.post(
                "/engine-rest/task/" + task + "/complete",
                "pmp-admin",
                Http.json(Map.of(
                        "variables",
                        Map.of("decision", Map.of("value", "APPROVE"), "comment", Map.of("value", comment)))));
        assertThat(completed.status()).as(completed.body()).isEqualTo(204);
    }

    private static Tasklist fillRequest(Tasklist tasklist, String product, String title, String cost) {
        return tasklist.text("Field_ProductId", product)
                .text("Field_ProductTitle", title)
                .text("Field_SellerName", title)
                .text("Field_EstimatedAnnualCost", cost)
                .select("Field_DataClassification", "Internal")
                .text("Field_BusinessJustification", "Needed by the retail web platform team for " + title)
                .text("Field_TargetAccountIds", "310987654321, 310987654322");
    }

    private void awaitAllowed(String product) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> sandbox.<Boolean>read(
                        s -> s.experiences.get(0).allowedProducts.contains(product)));
    }
}
