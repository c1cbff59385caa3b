package io.mpgov.events;

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
class EventController {

    static final String SECRET_HEADER = "X-Mpgov-Event-Secret";

    private final EventIntake intake;
    private final byte[] secret;

    EventController(EventIntake intake, EventSettings settings) {
        this.intake = intake;
        this.secret = settings.secret().getBytes(StandardCharsets.UTF_8);
    }

    @PostMapping(path = "/api/events", consumes = "application/json")
    ResponseEntity<?> receive(
            @RequestHeader(name = SECRET_HEADER, required = false) String presented, @RequestBody String payload) {
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
