package io.mpgov.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Mails are the template with the variables put in as they are. */
class MailTemplatesTest {

    @Test
    void variablesGoInAsTheyAreAndAMissingOneAsNothing() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("requestId", "PR-1");
        // what people typed is never a placeholder itself, nor a regex replacement
        variables.put("productTitle", "Tool {{requestId}} ${ACCOUNT} $1 \\ {{productTitle}}");
        variables.put("productId", "prod-abc");
        variables.put("requestUrl", "http://localhost:8080/api/requests/PR-1");

        Mail mail = new MailTemplates().render("request-submitted", List.of("a@example.com"), variables);

        assertThat(mail.subject())
                .isEqualTo("[mpgov] Request PR-1 for Tool {{requestId}} ${ACCOUNT} $1 \\ {{productTitle}} received");
        assertThat(mail.text()).isEqualTo("""
                Hello,

                mpgov received your request PR-1 for Tool {{requestId}} ${ACCOUNT} $1 \\ {{productTitle}} (prod-abc) by .
                It now goes through the procurement policy; you will hear from us at every step.

                Follow it: http://localhost:8080/api/requests/PR-1

                — mpgov, the Marketplace Procurement Governor
                """);
        assertThat(mail.html())
                .contains(
                        "<p>Follow it: <a href=\"http://localhost:8080/api/requests/PR-1\">http://localhost:8080/api/requests/PR-1</a></p>");
    }

    @Test
    void onlyWordNamesArePlaceholders() {
        assertThat(Placeholders.MUSTACHE.fill("{{a}} {{ a }} {{a-b}} {{{a}}} {{a", n -> "A"))
                .isEqualTo("A {{ a }} {{a-b}} {A} {{a");
    }
}
