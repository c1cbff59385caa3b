package io.mpgov.audit;

import io.mpgov.security.Callers;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/audit/evidence?from=YYYY-MM-DD&to=YYYY-MM-DD[&format=csv]}: the evidence of the days
 * from {@code from} to {@code to} (both included, UTC), as JSON or CSV. For auditors and administrators.
 */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    private static final long MAX_DAYS = 366;

    private final EvidenceCollector collector;
    private final IdentityService identity;

    AuditController(EvidenceCollector collector, IdentityService identity) {
        this.collector = collector;
        this.identity = identity;
    }

    @GetMapping("/evidence")
    ResponseEntity<?> evidence(
            @RequestParam String from, @RequestParam String to, @RequestParam(defaultValue = "json") String format) {
        Callers.requireAny(identity, EvidenceCollector.READERS, "read audit evidence");
        LocalDate first = day("from", from);
        LocalDate last = day("to", to);
        if (last.isBefore(first) || ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST,
                    "from must not be after to, and a range spans at most " + MAX_DAYS + " days (got " + from + " to "
                            + to + ")");
        }
        Instant start = first.atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant end = last.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        List<Evidence> evidence = collector.collect(start, end);
        String name = "mpgov-evidence-" + first + "-" + last;
        return switch (format) {
            case "json" ->
                ResponseEntity.ok()
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".json\"")
                        .body(Map.of(
                                "from",
                                start,
                                "to",
                                end,
                                "generatedAt",
                                Instant.now(),
                                "count",
                                evidence.size(),
                                "evidence",
                                evidence));
            case "csv" ->
                ResponseEntity.ok()
                        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"")
                        .body(EvidenceCsv.of(evidence));
            default ->
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "format must be json or csv, not " + format);
        };
    }

    private static LocalDate day(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, name + " must be a date YYYY-MM-DD, not '" + value + "'");
        }
    }
}
