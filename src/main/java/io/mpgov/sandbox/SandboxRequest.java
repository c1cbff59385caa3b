package io.mpgov.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** One decoded call: the operation's query parameters (restJson) and JSON body. */
record SandboxRequest(Service service, String operation, Map<String, String> query, JsonNode body) {

    String queryParam(String name) {
        return query.get(name);
    }

    /** A required string member of the body, or the service's validation error. */
    String required(String member) {
        JsonNode value = body.get(member);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw AwsError.validation(
                    service,
                    "1 validation error detected: Value null at '" + member
                            + "' failed to satisfy constraint: Member must not be null");
        }
        return value.asText();
    }

    String optional(String member) {
        JsonNode value = body.get(member);
        return value == null || value.isNull() ? null : value.asText();
    }
}
