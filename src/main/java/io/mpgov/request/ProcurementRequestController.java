package io.mpgov.request;

import com.fasterxml.jackson.databind.JsonMappingException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** REST intake of procurement requests; errors are RFC 7807 problem details. */
@RestController
@RequestMapping("/api/requests")
@Tag(name = "requests", description = "Procurement requests: submit one, follow it to the end.")
class ProcurementRequestController {

    private final RequestService requests;
    private final RequestFormLabels labels;

    ProcurementRequestController(RequestService requests, RequestFormLabels labels) {
        this.requests = requests;
        this.labels = labels;
    }

    @PostMapping(consumes = "application/json")
    @Operation(
            operationId = "submitRequest",
            summary = "Submit a procurement request",
            description = "Requesters. Every field is checked, and the organization (accounts active, OU exists, no"
                    + " other open request for the product), before the request starts; a refused one starts nothing.")
    @ApiResponse(responseCode = "201", description = "Started; Location is the request's view")
    @ApiResponse(responseCode = "502", ref = "AwsRefused")
    @ApiResponse(responseCode = "503", ref = "AwsUnavailable")
    ResponseEntity<RequestService.Submitted> submit(@RequestBody RequestForm form) {
        RequestService.Submitted submitted = requests.submit(form);
        return ResponseEntity.created(URI.create("/api/requests/" + submitted.requestId()))
                .body(submitted);
    }

    @GetMapping("/{requestId}")
    @Operation(
            operationId = "getRequest",
            summary = "A request: where it stands, every decision, the policy versions",
            description = "Its requester, and those who may read every request (auditors, procurement, PMP admins).")
    RequestView get(
            @Parameter(description = "the request's id", example = "PR-2026-000042") @PathVariable String requestId) {
        return requests.find(requestId);
    }

    @ExceptionHandler
    ProblemDetail invalid(InvalidRequestException e) {
        ProblemDetail problem = problem(
                HttpStatus.BAD_REQUEST,
                "Invalid procurement request",
                labels.describe(e.errors()).replace("\n", "; "));
        problem.setProperty(
                "errors",
                e.errors().stream()
                        .map(err -> Map.of(
                                "field", err.field(), "label", labels.label(err.field()), "message", err.message()))
                        .toList());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        ProblemDetail problem = problem(
                HttpStatus.BAD_REQUEST,
                "Unreadable procurement request",
                "The body must be a JSON object with the request's fields.");
        if (e.getCause() instanceof JsonMappingException mapping
                && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().get(0).getFieldName();
            problem.setDetail(field + ": has the wrong type");
            problem.setProperty("errors", List.of(Map.of("field", field, "message", "has the wrong type")));
        }
        return problem;
    }

    @ExceptionHandler
    ProblemDetail forbidden(AuthorizationException e) {
        return problem(HttpStatus.FORBIDDEN, "Not allowed", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail notFound(RequestNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Request not found", e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
