package io.mpgov.dashboard;

import io.mpgov.security.Callers;
import io.mpgov.security.Personas;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/dashboard/catalog}: the data of the catalog dashboard (/dashboard/), for auditors, procurement and PMP admins. */
@RestController
@RequestMapping("/api/dashboard")
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
    CatalogOverview.Overview catalog() {
        Callers.requireAny(identity, MAY_READ, "read the catalog dashboard");
        return overview.overview();
    }
}
