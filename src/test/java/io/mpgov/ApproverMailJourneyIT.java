package io.mpgov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mpgov.sandbox.Sandbox;
import io.mpgov.sandbox.SandboxServer;
import io.mpgov.sandbox.SandboxState;
import io.mpgov.support.Http;
import io.mpgov.support.Ports;
import io.mpgov.support.PublicOfferScenario;
import io.mpgov.support.RequiresChromium;
import io.mpgov.support.Tasklist;
import java.time.Duration;
import java.util.Map;
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
 * An approver (finance) is told by mail that a private offer's approval waits, opens the link from the mail in the sandbox's outbox in headless
 * Chromium, signs in and lands on that very task in Tasklist (screenshots in target/browser/approver-mail/). mpgov
 * listens on a port chosen before it starts, so the links it writes into mails are the ones that open it.
 */
@RequiresChromium
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles({"demo", "it"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ApproverMailJourneyIT {

    static final int PORT = Ports.free();

    @DynamicPropertySource
    static void appUrl(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("mpgov.notification.app-url", () -> "http://127.0.0.1:" + PORT);
    }

    @Autowired
    Sandbox sandbox;

    @Autowired
    SandboxServer sandboxServer;

    @Test
    void financeOpensItsApprovalFromTheMailAndLandsOnIt() {
        Map<String, Object> request = PublicOfferScenario.privateRequest("prod-snwflkdata001", "offer-snwflkdatapriv2");
        request.put("productTitle", "Snowflake Data Cloud");
        request.put("sellerName", "Snowflake");
        var created = new Http(PORT)
                .post("/api/requests", "requester", Http.json(request))
                .json();
        String requestId = created.get("requestId").asText();
        SandboxState.Email mail = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> sandbox.read(s -> s.emails.stream()
                                .filter(m -> m.to().contains("finance@demo.mpgov.example")
                                        && m.subject().contains(requestId))
                                .findFirst()
                                .orElse(null)),
                        m -> m != null);
        Matcher link = Pattern.compile(
                        "http://127\\.0\\.0\\.1:" + PORT + "/camunda/app/tasklist/default/#/\\?task=([\\w-]+)")
                .matcher(mail.body());
        assertThat(link.find()).as(mail.body()).isTrue();

        try (Tasklist tasklist = new Tasklist(PORT, "approver-mail")) {
            tasklist.onFailureScreenshot(() -> {
                tasklist.openSignedOut(sandboxServer.baseUri() + "/_sandbox/emails")
                        .showsText(link.group())
                        .screenshot("the-mail-in-the-outbox");
                tasklist.openSignedOut(link.group()).screenshot("sign-in").signInAs("finance");
                assertThat(tasklist.valueOf("Field_RequestId"))
                        .as("the task of the mail is open")
                        .isEqualTo(requestId);
                tasklist.showsText("Approve private offer (finance): Snowflake Data Cloud — " + requestId)
                        .screenshot("the-task-from-the-mail");
                assertThat(tasklist.currentUrl()).contains("task=" + link.group(1));
                tasklist.showsText("First contract with this seller? No")
                        .showsText("Custom EULA? No")
                        .screenshot("the-requesters-answers-as-yes-or-no");
            });
        }
    }
}
