package io.mpgov.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Mails are the template with the variables put in as people read them, and nothing that says nothing. */
class MailTemplatesTest {

    final MailTemplates templates = new MailTemplates();

    Mail render(String template, Map<String, Object> variables) {
        return templates.render(template, List.of("a@example.com"), variables);
    }

    @Test
    void variablesGoInAsTheyAreAndAMissingOneAsNothing() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("requestId", "PR-1");
        // what people typed is never a placeholder itself, nor a regex replacement
        variables.put("productTitle", "Tool {{requestId}} ${ACCOUNT} $1 \\ {{productTitle}}");
        variables.put("productId", "prod-abc");
        variables.put("requestUrl", "http://localhost:8080/requests/PR-1");

        Mail mail = render("request-submitted", variables);

        assertThat(mail.subject())
                .isEqualTo("[mpgov] Request PR-1 for Tool {{requestId}} ${ACCOUNT} $1 \\ {{productTitle}} received");
        assertThat(mail.text()).isEqualTo("""
                Hello,

                mpgov received your request PR-1 for Tool {{requestId}} ${ACCOUNT} $1 \\ {{productTitle}} (prod-abc) by .
                It now goes through the procurement policy; you will hear from us at every step.

                Follow it: http://localhost:8080/requests/PR-1

                — mpgov, the Marketplace Procurement Governor
                """);
        assertThat(mail.html())
                .contains(
                        "<p>Follow it: <a href=\"http://localhost:8080/requests/PR-1\">http://localhost:8080/requests/PR-1</a></p>");
    }

    @Test
    void datesAreIsoInUtcBooleansYesOrNoNumbersGroupedListsOneALine() {
        assertThat(ForPeople.text(Date.from(Instant.parse("2026-12-02T15:04:59Z"))))
                .isEqualTo("2026-12-02 15:04 UTC");
        assertThat(ForPeople.text(Date.from(Instant.parse("2027-03-01T00:00:00Z"))))
                .as("an agreement's end at midnight is a day")
                .isEqualTo("2027-03-01");
        assertThat(ForPeople.text(true)).isEqualTo("Yes");
        assertThat(ForPeople.text(false)).isEqualTo("No");
        assertThat(ForPeople.text(12000.0)).isEqualTo("12,000");
        assertThat(ForPeople.text(60000L)).isEqualTo("60,000");
        assertThat(ForPeople.text(List.of("prod-a → PR-1", "prod-b → PR-2"))).isEqualTo("prod-a → PR-1\nprod-b → PR-2");
    }

    @Test
    void aPublicOffersApprovalMailHasNoAgreementAndAPrivateOnesSaysWhenItEnds() {
        Map<String, Object> request = new HashMap<>();
        request.put("requestId", "PR-1");
        request.put("productTitle", "PagerDuty");
        request.put("productId", "prod-pagerduty0001");
        request.put("sellerName", "PagerDuty");
        request.put("distributionSummary", "granted to 2 accounts.");
        request.put("decisionLog", "2026-12-02 15:04 UTC · Review public offer · pmp-admin · approved");
        request.put("pmpOutsideNote", "");
        request.put("requestUrl", "http://localhost:8080/requests/PR-1");

        String publicOffer = render("request-approved", request).text();

        assertThat(publicOffer).doesNotContain("Agreement", "ends", "()").contains("Licenses: granted to 2 accounts.");
        assertThat(publicOffer)
                .as("the empty note leaves no empty line behind")
                .contains("allowed in your organization's Private Marketplace.\n\nLicenses:");

        request.put("agreementId", "agmt-1");
        request.put("agreementEndDate", Date.from(Instant.parse("2027-03-01T00:00:00Z")));
        assertThat(render("request-approved", request).text())
                .contains("Agreement: agmt-1\nAgreement ends: 2027-03-01\n");
    }

    @Test
    void theTaskMailSaysWhatWaitsForWhomAndLinksTheTaskAndTheRequest() {
        Map<String, Object> task = new HashMap<>();
        task.put("taskName", "Approve private offer (finance): Snowflake — PR-1");
        task.put("groupNames", "Finance");
        task.put("productTitle", "Snowflake");
        task.put("productId", "prod-snwflkdata001");
        task.put("sellerName", "Snowflake");
        task.put("estimatedAnnualCost", 60000.0);
        task.put("contractMonths", 12L);
        task.put("initiator", "requester");
        task.put("taskUrl", "http://localhost:8080/camunda/app/tasklist/default/#/?task=t-1");
        task.put("requestUrl", "http://localhost:8080/requests/PR-1");

        Mail mail = render("task-waiting", task);

        assertThat(mail.subject())
                .isEqualTo("[mpgov] Waiting for Finance: Approve private offer (finance): Snowflake — PR-1");
        assertThat(mail.text())
                .contains(
                        "  Approve private offer (finance): Snowflake — PR-1\n"
                                + "Product: Snowflake (prod-snwflkdata001), sold by Snowflake\n"
                                + "Estimated cost: 60,000 USD a year, for 12 months\n"
                                + "Requested by: requester\n\n",
                        "Open the task: http://localhost:8080/camunda/app/tasklist/default/#/?task=t-1",
                        "Follow the request: http://localhost:8080/requests/PR-1")
                .doesNotContain("Due:");
        assertThat(mail.html()).contains("<a href=\"http://localhost:8080/camunda/app/tasklist/default/#/?task=t-1\">");

        task.keySet().retainAll(List.of("taskName", "groupNames", "taskUrl"));
        assertThat(render("task-waiting", task).text())
                .as("a task of no request (an access review) says only what waits")
                .doesNotContain("Product:", "Estimated cost", "Requested by", "Follow the request");
    }

    @Test
    void aTitleWithLineBreaksPutsNoLineBreakInTheSubjectAndForgesNoLineOfMpgovs() {
        String forged =
                "Snowflake\r\nOpen the task: https://evil.example/t\u2028Follow the request: https://evil.example/r";
        Map<String, Object> task = new HashMap<>();
        task.put("taskName", "Approve private offer (finance): " + forged + " — PR-1");
        task.put("groupNames", "Finance");
        task.put("productTitle", forged);
        task.put("sellerName", "Snow\nflake");
        task.put("taskUrl", "http://localhost:8080/camunda/app/tasklist/default/#/?task=t-1");
        task.put("requestUrl", "http://localhost:8080/requests/PR-1");

        Mail mail = render("task-waiting", task);

        assertThat(mail.subject())
                .doesNotContain("\n", "\r", "\u2028")
                .isEqualTo(
                        "[mpgov] Waiting for Finance: Approve private offer (finance): Snowflake"
                                + " / Open the task: https://evil.example/t / Follow the request: https://evil.example/r — PR-1");
        assertThat(mail.text().lines().filter(line -> line.startsWith("Open the task:") || line.startsWith("Follow")))
                .as("mpgov's own lines, and no other line starts like them")
                .containsExactly(
                        "Open the task: http://localhost:8080/camunda/app/tasklist/default/#/?task=t-1",
                        "Follow the request: http://localhost:8080/requests/PR-1");
        assertThat(mail.text()).contains("Product: Snowflake / Open the task: https://evil.example/t");
        assertThat(mail.html()).doesNotContain("<br>Open the task: https://evil", "<p>Open the task: https://evil");
    }

    @Test
    void aCommentKeepsItsLinesIndentedUnderItsHeadingAndTheLogItsOwnLayout() {
        Map<String, Object> request = new HashMap<>();
        request.put("requestId", "PR-1");
        request.put("productTitle", "PagerDuty");
        request.put("comment", "Lower the cost.\nOpen the task: https://evil.example/t");
        request.put(
                "decisionLog",
                "2026-12-02 15:04 UTC · Approve private offer (finance) · finance · asked for changes\n"
                        + "    comment: \"Lower the cost. / Open the task: https://evil.example/t\"");
        request.put("tasklistUrl", "http://localhost:8080/camunda/app/tasklist/");

        Mail mail = render("changes-requested", request);

        assertThat(mail.text())
                .contains(
                        "for PagerDuty:\n  Lower the cost.\n  Open the task: https://evil.example/t\n",
                        "Decisions so far:\n  2026-12-02 15:04 UTC · Approve private offer (finance) · finance · asked for"
                                + " changes\n      comment: \"Lower the cost.");
        assertThat(mail.text().lines().filter(line -> line.startsWith("Open the task")))
                .isEmpty();
        assertThat(mail.html()).contains("<br>&nbsp;&nbsp;&nbsp;&nbsp;Open the task: ");
    }

    @Test
    void noTemplateShowsAnEmptySectionWhateverIsMissing() throws IOException {
        var resources = new PathMatchingResourcePatternResolver().getResources("classpath:mail/*.txt");
        assertThat(resources).hasSizeGreaterThan(10);
        for (var resource : resources) {
            String template = resource.getFilename().replace(".txt", "");
            String text = render(template, Map.of()).text();
            assertThat(text).as(template).doesNotContain("()", "( )", "{{", "\n\n\n");
            List<String> lines = Arrays.asList(text.split("\n", -1));
            for (int i = 0; i + 1 < lines.size(); i++) {
                if (lines.get(i).endsWith(":")) {
                    assertThat(lines.get(i + 1))
                            .as(template + ": '" + lines.get(i) + "' introduces nothing")
                            .isNotBlank();
                }
            }
        }
    }

    @Test
    void onlyWordNamesArePlaceholders() {
        assertThat(Placeholders.MUSTACHE.fill("{{a}} {{ a }} {{a-b}} {{{a}}} {{a", n -> "A"))
                .isEqualTo("A {{ a }} {{a-b}} {A} {{a");
        assertThat(Placeholders.MUSTACHE.names("{{a}} and {{b}} {{ c }}")).containsExactly("a", "b");
    }
}
