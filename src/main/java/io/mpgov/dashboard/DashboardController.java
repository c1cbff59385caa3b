package io.mpgov.dashboard;

import io.mpgov.security.Callers;
import io.mpgov.security.Personas;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/dashboard/catalog}: the data of the catalog dashboard (/dashboard/), for auditors, procurement and PMP admins. */
@RestController
@RequestMapping("/api/dashboard")
@Tag(name = "dashboard", description = "The data of the catalog dashboard (/dashboard/).")
class DashboardController {

    private static final List<String> MAY_READ =
            List.of(Personas.AUDITOR, Personas.PROCUREMENT_MANAGER, Personas.PMP_ADMIN, "camunda-admin");

    private final CatalogOverview overview;
    private final IdentityService identity;

    DashboardController(CatalogOverview overview, IdentityService identity) {
        this.overview = overview;
        this.identity = identity;
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
        Callers.requireAny(identity, MAY_READ, "read the catalog dashboard");
        return overview.overview();
    }
}
