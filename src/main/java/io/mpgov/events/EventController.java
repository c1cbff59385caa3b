package io.mpgov.events;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/events}: the target of an EventBridge API destination. Authenticated by a shared
 * secret in {@value #SECRET_HEADER}, not by a user.
 */
@RestController
@Tag(name = "events", description = "AWS events, from an EventBridge API destination.")
@SecurityScheme(
        name = EventController.SECRET_SCHEME,
        type = SecuritySchemeType.APIKEY,
        in = SecuritySchemeIn.HEADER,
        paramName = EventController.SECRET_HEADER,
        description = "The shared secret of the EventBridge API destination (mpgov.events.secret).")
class EventController {

    static final String SECRET_HEADER = "X-Mpgov-Event-Secret";
    static final String SECRET_SCHEME = "eventSecret";

    private final EventIntake intake;
    private final byte[] secret;

    EventController(EventIntake intake, EventSettings settings) {
        this.intake = intake;
        this.secret = settings.secret().getBytes(StandardCharsets.UTF_8);
    }

    @PostMapping(path = "/api/events", consumes = "application/json")
    @Operation(
            operationId = "receiveEvent",
            summary = "Receive an AWS event",
            description = "Marketplace, License Manager and CloudTrail events as EventBridge delivers them. Each event"
                    + " id is taken once; a repeated one is acknowledged as DUPLICATE.",
            security = @SecurityRequirement(name = SECRET_SCHEME))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            description = "An EventBridge event: id, source, detail-type, time, detail",
            content = @Content(schema = @Schema(type = "object")))
    @ApiResponse(
            responseCode = "202",
            description = "Taken: what mpgov did with it",
            content = @Content(schema = @Schema(implementation = EventOutcome.class)))
    ResponseEntity<?> receive(
            @Parameter(hidden = true) @RequestHeader(name = SECRET_HEADER, required = false) String presented,
            @RequestBody String payload) {
        if (secret.length == 0
                || presented == null
                || !MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8))) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.UNAUTHORIZED,
                    secret.length == 0
                            ? "Event intake is off: set mpgov.events.secret"
                            : "Missing or wrong " + SECRET_HEADER);
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
        }
        EventOutcome outcome = intake.receive(payload);
        if (outcome.status() == EventOutcome.Status.REJECTED) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, outcome.note());
            problem.setTitle("Event not accepted");
            problem.setProperty("eventId", outcome.eventId());
            return ResponseEntity.badRequest().body(problem);
        }
        return ResponseEntity.accepted().body(outcome);
    }
}
