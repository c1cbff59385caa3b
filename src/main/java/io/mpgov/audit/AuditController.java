package io.mpgov.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
@Tag(name = "audit", description = "Audit evidence: who decided what, when, under which policy version.")
class AuditController {

    private static final long MAX_DAYS = 366;

    private final EvidenceCollector collector;

    AuditController(EvidenceCollector collector) {
        this.collector = collector;
    }

    /** The JSON export: the window (UTC, end exclusive) and its evidence. */
    record EvidenceExport(Instant from, Instant to, Instant generatedAt, int count, List<Evidence> evidence) {}

    @GetMapping("/evidence")
    @Operation(
            operationId = "exportEvidence",
            summary = "Export the audit evidence of a range of days",
            description = "Auditors and administrators. At most 366 days, both ends included (UTC), as a download.")
    @ApiResponse(
            responseCode = "200",
            description = "The evidence, as JSON or (format=csv) CSV",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = EvidenceExport.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string"))
            })
    ResponseEntity<?> evidence(
            @Parameter(description = "first day, YYYY-MM-DD", example = "2026-01-01") @RequestParam String from,
            @Parameter(description = "last day, YYYY-MM-DD", example = "2026-03-31") @RequestParam String to,
            @Parameter(
                            schema =
                                    @Schema(
                                            allowableValues = {"json", "csv"},
                                            defaultValue = "json"))
                    @RequestParam(defaultValue = "json")
                    String format) {
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
                        .body(new EvidenceExport(start, end, Instant.now(), evidence.size(), evidence));
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
