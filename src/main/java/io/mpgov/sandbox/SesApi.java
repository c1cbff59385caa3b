package io.mpgov.sandbox;

import static io.mpgov.sandbox.Json.obj;
import static io.mpgov.sandbox.Service.SES;

import com.fasterxml.jackson.databind.JsonNode;
import io.mpgov.sandbox.SandboxState.Email;
import java.util.ArrayList;
import java.util.List;

/** SES v2 (restJson1) SendEmail. Mail is kept, so people and tests can read what mpgov sent. */
final class SesApi {

    private final Sandbox sandbox;

    SesApi(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    void register(SandboxServer server) {
        server.rest(SES, "POST", "/v2/email/outbound-emails", "SendEmail", this::sendEmail);
    }

    private Object sendEmail(SandboxRequest r) {
        String from = r.required("FromEmailAddress");
        if (!verified(from)) {
            throw AwsError.client(
                    "MessageRejected",
                    "Email address is not verified. The following identities failed " + "the check in region "
                            + sandbox.state().region.toUpperCase() + ": " + from);
        }
        List<String> to = addresses(r.body().path("Destination").path("ToAddresses"));
        List<String> cc = addresses(r.body().path("Destination").path("CcAddresses"));
        if (to.isEmpty() && cc.isEmpty()) {
            throw AwsError.client(
                    "BadRequestException", "Missing final '@domain': at least one recipient is required.");
        }
        JsonNode simple = r.body().path("Content").path("Simple");
        if (simple.isMissingNode()) {
            throw AwsError.client("BadRequestException", "Only Content.Simple is supported by the sandbox.");
        }
        String subject = simple.path("Subject").path("Data").asText(null);
        JsonNode body = simple.path("Body");
        String text = body.path("Text")
                .path("Data")
                .asText(body.path("Html").path("Data").asText(null));
        if (subject == null || text == null) {
            throw AwsError.client("BadRequestException", "Subject and Body are required.");
        }
        String id = "0100" + CatalogApi.randomId(12) + "-" + CatalogApi.randomId(8) + "-000000";
        sandbox.state().emails.add(new Email(id, from, to, cc, subject, text, sandbox.now()));
        return obj("MessageId", id);
    }

    private boolean verified(String address) {
        String bare = address.replaceAll(".*<(.+)>.*", "$1").trim().toLowerCase();
        String domain = bare.substring(bare.indexOf('@') + 1);
        return sandbox.state().verifiedIdentities.contains(bare)
                || sandbox.state().verifiedIdentities.contains(domain);
    }

    private static List<String> addresses(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(a -> list.add(a.asText()));
        return list;
    }
}
