package io.mpgov.dashboard;

import io.mpgov.review.Reviews;
import io.mpgov.security.AccessPolicy;
import io.mpgov.security.AsSystem;
import io.mpgov.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/dashboard/catalog}: the data of the catalog dashboard (/dashboard/), for auditors, procurement and
 * PMP admins. {@code GET /api/dashboard/me}: who is signed in and what the dashboard may offer them, for everyone.
 */
@RestController
@RequestMapping("/api/dashboard")
@Tag(name = "dashboard", description = "The data of the catalog dashboard (/dashboard/).")
class DashboardController {

    /** The access policy's operations the dashboard offers, by their OpenAPI operationIds. */
    private static final String READ = "api:getCatalogOverview";

    private static final String DRY_RUN = "api:startCatalogReview";
    private static final String EVIDENCE = "api:exportEvidence";

    private final CatalogOverview overview;
    private final IdentityService identity;

    DashboardController(CatalogOverview overview, IdentityService identity) {
        this.overview = overview;
        this.identity = identity;
    }

    /**
     * What the dashboard shows the caller, by the same rules the endpoints enforce (they still refuse on their own).
     *
     * @param name      first and last name, or the user id when the identity service has none
     * @param mayRead   may read the catalog dashboard
     * @param mayDryRun may start a catalog review that only reports ({@code POST /api/reviews/catalog?dryRun=true})
     * @param mayReview may start a catalog review that removes products ({@code POST /api/reviews/catalog})
     * @param mayReadEvidence may download the audit evidence ({@code GET /api/audit/evidence})
     * @param readers   the groups the dashboard is for, as people call them
     */
    record Caller(
            String userId,
            String name,
            boolean mayRead,
            boolean mayDryRun,
            boolean mayReview,
            boolean mayReadEvidence,
            List<String> readers) {}

    @GetMapping("/me")
    @Operation(
            operationId = "getDashboardCaller",
            summary = "Who is signed in, and what the dashboard may offer them",
            description = "Every signed-in user.")
    Caller me() {
        String userId = identity.getCurrentAuthentication().getUserId();
        // Any signed-in user may ask who they are; the name is read as mpgov, whatever the caller may read.
        User user = AsSystem.run(
                identity, () -> identity.createUserQuery().userId(userId).singleResult());
        String name = user == null
                ? ""
                : java.util.stream.Stream.of(user.getFirstName(), user.getLastName())
                        .filter(n -> n != null && !n.isBlank())
                        .collect(java.util.stream.Collectors.joining(" "));
        return new Caller(
                userId,
                name.isEmpty() ? userId : name,
                Callers.may(identity, READ),
                Callers.may(identity, DRY_RUN),
                Callers.may(identity, DRY_RUN) && Callers.may(identity, Reviews.REMOVE),
                Callers.may(identity, EVIDENCE),
                AccessPolicy.standard().grantedTo(READ).stream()
                        .map(group -> AccessPolicy.standard().persona(group).name())
                        .toList());
    }

    @GetMapping("/catalog")
    @Operation(
            operationId = "getCatalogOverview",
            summary = "Every product the Private Marketplaces allow, with its agreement, use and review outlook",
            description = "Auditors, procurement managers, PMP administrators and administrators. Reads AWS.")
    @ApiResponse(responseCode = "200", description = "The catalog as it stands today")
    @ApiResponse(responseCode = "502", ref = "AwsRefused")
    @ApiResponse(responseCode = "503", ref = "AwsUnavailable")
    CatalogOverview.Overview catalog() {
        return overview.overview();
    }
}
