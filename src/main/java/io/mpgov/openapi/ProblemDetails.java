package io.mpgov.openapi;

import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.List;

/**
 * The shape of every problem answer of /api (Spring's ProblemDetail as JSON), for the description only: mpgov
 * answers with ProblemDetail itself.
 */
@Schema(
        name = ProblemDetails.NAME,
        description = "An RFC 7807 problem detail (application/problem+json).",
        additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
record ProblemDetails(
        @Schema(description = "a URI naming the kind of problem; about:blank when the status says it all")
        URI type,

        @Schema(description = "the status's reason phrase, or a short title", example = "Invalid procurement request")
        String title,

        @Schema(description = "the HTTP status", example = "400", requiredMode = Schema.RequiredMode.REQUIRED)
        int status,

        @Schema(
                description = "what went wrong, for a person",
                example = "targetAccountIds: 510987654321 is not an active account")
        String detail,

        @Schema(description = "the request's path") URI instance,

        @Schema(description = "a refused request or parameter: one entry per field that is wrong")
        List<FieldProblem> errors,

        @Schema(description = "/api/events: the id of the event that was not accepted")
        String eventId) {

    static final String NAME = "Problem";

    @Schema(name = "FieldProblem", description = "One thing wrong with a field of a submitted request.")
    record FieldProblem(
            @Schema(
                    description = "the field's key",
                    example = "targetAccountIds",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String field,

            @Schema(description = "the field's label on the request form", example = "Target account ids")
            String label,

            @Schema(
                    description = "what is wrong with it",
                    example = "510987654321 is not an active account",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String message) {}
}
