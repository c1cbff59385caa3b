package io.mpgov.review;

import io.mpgov.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /api/reviews/catalog[?dryRun=true]}: a catalog review now. PMP administrators and
 * procurement managers may run one; auditors may run a dry run. {@code GET /api/reviews/catalog/{id}}: what it found.
 * {@code POST /api/reviews/access}: an access review now (security and administrators).
 */
@RestController
@RequestMapping("/api/reviews")
@Tag(name = "reviews", description = "The periodic reviews, started now, and what a catalog review found.")
class ReviewController {

    private final Reviews reviews;
    private final IdentityService identity;

    ReviewController(Reviews reviews, IdentityService identity) {
        this.reviews = reviews;
        this.identity = identity;
    }

    /** An access review started: the process instance to follow in Cockpit. */
    record AccessReviewStarted(String processInstanceId) {}

    /** A catalog review started: its id, which {@code GET /api/reviews/catalog/{id}} reads. */
    record CatalogReviewStarted(String processInstanceId, boolean dryRun) {}

    @PostMapping("/access")
    @Operation(
            operationId = "startAccessReview",
            summary = "Start an access review now",
            description = "Security and administrators: who holds the buying and catalog roles, to be attested.")
    @ApiResponse(responseCode = "202", description = "Started")
    ResponseEntity<AccessReviewStarted> startAccessReview() {
        String user = identity.getCurrentAuthentication().getUserId();
        return ResponseEntity.accepted()
                .body(new AccessReviewStarted(reviews.startAccessReview("access review requested by " + user)));
    }

    @PostMapping("/catalog")
    @Operation(
            operationId = "startCatalogReview",
            summary = "Start a catalog review now",
            description = "PMP administrators and procurement managers; auditors may start a dry run, which removes"
                    + " nothing. Location names the review.")
    @ApiResponse(responseCode = "202", description = "Started; Location names the review")
    ResponseEntity<CatalogReviewStarted> start(
            @Parameter(description = "only say what the review would remove") @RequestParam(defaultValue = "false")
                    boolean dryRun) {
        String user = dryRun
                ? identity.getCurrentAuthentication().getUserId()
                : Callers.require(identity, Reviews.REMOVE, "run a catalog review that removes products");
        String id = reviews.start(dryRun, (dryRun ? "dry run" : "review") + " requested by " + user);
        return ResponseEntity.accepted()
                .location(URI.create("/api/reviews/catalog/" + id))
                .body(new CatalogReviewStarted(id, dryRun));
    }

    @GetMapping("/catalog/{id}")
    @Operation(
            operationId = "getCatalogReview",
            summary = "What a catalog review found",
            description = "PMP administrators, procurement managers and auditors.")
    Reviews.Run find(@Parameter(description = "the review's process instance id") @PathVariable String id) {
        return reviews.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No catalog review " + id));
    }
}
