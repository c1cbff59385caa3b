package io.mpgov.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** /dashboard: the catalog dashboard's page (a static page that reads /api/dashboard/catalog). */
@Controller
class DashboardPage {

    @GetMapping({"/dashboard", "/dashboard/"})
    String page() {
        return "redirect:/dashboard/index.html";
    }
}
