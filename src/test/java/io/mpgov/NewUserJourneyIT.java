package io.mpgov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mpgov.sandbox.Sandbox;
import io.mpgov.sandbox.SandboxState;
import io.mpgov.support.Http;
import io.mpgov.support.Ports;
import io.mpgov.support.RequiresChromium;
import io.mpgov.support.Tasklist;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Phase 9's walk, in headless Chromium, with nothing done behind the browser's back but what happens in the
 * AWS console: a new requester submits a seller private offer with a mistake, sees what to fix without
 * retyping, submits it and follows it on its request page; every approver finds their task from the link in
 * their mail; the request ends in the Private Marketplace; an auditor reads the finished request without
 * Cockpit. Screenshots in target/browser/new-user/.
 */
@RequiresChromium
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles({"demo", "it"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class NewUserJourneyIT {

    static final int PORT = Ports.free();
    static final String PRODUCT = "prod-tblaucloud001";
    static final String OFFER = "offer-tblaucloudpriv1";

    /** mpgov listens where its mails' links point. */
    @DynamicPropertySource
    static void appUrl(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("mpgov.notification.app-url", () -> "http://127.0.0.1:" + PORT);
    }

    @Autowired
    Sandbox sandbox;

    /** The task links already followed: each mail's task is worked once. */
    final Set<String> followed = new HashSet<>();

    @Test
    void aNewRequesterFixesAMistakeFollowsTheRequestAndEveryApproverFindsTheirTaskFromTheMail() {
        try (Tasklist browser = new Tasklist(PORT, "new-user")) {
            browser.onFailureScreenshot(() -> {
                browser.loginAs("requester").startProcess("Procurement request");
                browser.text("Field_ProductId", PRODUCT)
                        .radio("Field_OfferType", 1)
                        .text("Field_OfferId", OFFER)
                        .select("Field_NewVendor", "No")
                        .select("Field_CustomEula", "No")
                        .text("Field_EstimatedAnnualCost", "20000")
                        .select("Field_DataClassification", "Internal")
                        .text("Field_BusinessJustification", "Self-service <i>analytics</i> for finance")
                        .text("Field_TargetAccountIds", "310987654321");
                assertThat(browser.submitStartFormRefused("Please correct the request"))
                        .contains("Business justification: must not contain markup");
                browser.screenshot("the-mistake-is-shown");
                assertThat(browser.valueOf("Field_OfferId"))
                        .as("nothing to retype")
                        .isEqualTo(OFFER);
                browser.text("Field_BusinessJustification", "Self-service analytics dashboards for finance")
                        .submitStartForm();
                String requestPage = browser.requestStartedLink();
                browser.screenshot("submitted-with-its-link");
                assertThat(requestPage).startsWith("http://127.0.0.1:" + PORT + "/requests/PR-");
                String requestId = requestPage.substring(requestPage.lastIndexOf('/') + 1);

                browser.open("/requests/" + requestId)
                        .reloadUntil("request-status", "Waiting")
                        .shows("request-details", "Tableau Cloud")
                        .screenshot("the-requester-follows-it");

                for (String approver : new String[] {"finance", "procurement-manager"}) {
                    openTaskFromMail(browser, approver, requestId)
                            .radio("Field_Decision", 0)
                            .text("Field_Comment", "Approved by " + approver)
                            .screenshot(approver + "-approves-from-the-mail")
                            .complete();
                }

                // What the procurement manager does in the AWS Marketplace console:
                String agreement = sandbox.acceptOffer(new Sandbox.OfferAcceptance(OFFER, PRODUCT, 12, "20000"))
                        .id();
                openTaskFromMail(browser, "procurement-manager", requestId)
                        .radio("Field_Decision", 0)
                        .text("Field_AgreementId", agreement)
                        .screenshot("procurement-manager-accepts-from-the-mail")
                        .complete();
                openTaskFromMail(browser, "pmp-admin", requestId)
                        .radio("Field_Decision", 0)
                        .text("Field_Comment", "Approvals and agreement checked")
                        .screenshot("pmp-admin-confirms-from-the-mail")
                        .complete();

                browser.signedOutAt("/requests/" + requestId)
                        .signInOnPage("requester", "demo")
                        .reloadUntil("request-status", "Completed")
                        .shows("decisions", "finance")
                        .screenshot("the-requester-sees-it-done");
                assertThat(new Http(PORT)
                                .get("/api/requests/" + requestId, "auditor")
                                .json()
                                .at("/awsChanges/agreement/endDate")
                                .asText())
                        .as("the agreement's end stays a date when the PMP admin completes the confirmation")
                        .isNotEmpty();
                browser.signedOutAt("/requests/" + requestId)
                        .signInOnPage("auditor", "demo")
                        .shows("request-status", "Completed")
                        .shows("decisions", "Approvals and agreement checked")
                        .shows("change-sets", "SUCCEEDED")
                        .screenshot("an-auditor-reads-the-finished-request");
            });
        }
    }

    /** The approver's newest mail about the request with a task link not followed yet: opened signed out, signed in, claimed. */
    private Tasklist openTaskFromMail(Tasklist browser, String user, String requestId) {
        Pattern taskLink =
                Pattern.compile("http://127\\.0\\.0\\.1:" + PORT + "/camunda/app/tasklist/default/#/\\?task=[\\w-]+");
        String link = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> sandbox.<Optional<String>>read(s -> s.emails.stream()
                                .filter(m -> m.to().contains(user + "@demo.mpgov.example")
                                        && m.subject().contains(requestId))
                                .map(SandboxState.Email::body)
                                .map(taskLink::matcher)
                                .filter(Matcher::find)
                                .map(Matcher::group)
                                .filter(found -> !followed.contains(found))
                                .reduce((first, last) -> last)),
                        Optional::isPresent)
                .orElseThrow();
        followed.add(link);
        browser.openSignedOut(link).signInAs(user);
        assertThat(browser.valueOf("Field_RequestId"))
                .as("the task of the mail is open")
                .isEqualTo(requestId);
        return browser.claimOpenTask();
    }
}
