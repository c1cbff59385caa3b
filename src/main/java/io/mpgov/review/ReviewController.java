package io.mpgov.review;

import io.mpgov.security.Callers;
import io.mpgov.security.Personas;
import java.net.URI;
import java.util.List;
import java.util.Map;
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
class ReviewController {

    private static final List<String> MAY_REVIEW_ACCESS = List.of(Personas.SECURITY, "camunda-admin");

    private final Reviews reviews;
    private final IdentityService identity;

    ReviewController(Reviews reviews, IdentityService identity) {
        this.reviews = reviews;
        this.identity = identity;
    }

    @PostMapping("/access")
    ResponseEntity<Map<String, Object>> startAccessReview() {
        String user = requireAny(MAY_REVIEW_ACCESS, "start an access review");
        return ResponseEntity.accepted()
                .body(Map.of("processInstanceId", reviews.startAccessReview("access review requested by " + user)));
    }

    @PostMapping("/catalog")
    ResponseEntity<Map<String, Object>> start(@RequestParam(defaultValue = "false") boolean dryRun) {
        String user = requireAny(
                Reviews.mayStartCatalogReview(dryRun), dryRun ? "run a dry catalog review" : "run a catalog review");
        String id = reviews.start(dryRun, (dryRun ? "dry run" : "review") + " requested by " + user);
        return ResponseEntity.accepted()
                .location(URI.create("/api/reviews/catalog/" + id))
                .body(Map.of("processInstanceId", id, "dryRun", dryRun));
    }

    @GetMapping("/catalog/{id}")
    Reviews.Run find(@PathVariable String id) {
        requireAny(Reviews.mayStartCatalogReview(true), "read catalog reviews");
        return reviews.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No catalog review " + id));
    }

    private String requireAny(List<String> groups, String what) {
        return Callers.requireAny(identity, groups, what);
    }
}
