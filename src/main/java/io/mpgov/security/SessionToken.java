package io.mpgov.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/session/csrf-token}: the CSRF token of this browser's Camunda webapp session, for mpgov's own pages.
 * Camunda hands the token out only to the request that creates it and keeps it in a cookie for {@code /camunda}
 * alone, so a page outside /camunda that finds a session already started (signed in to Tasklist, or having asked
 * who is signed in) could not sign in or out. Only the session's own pages can read the answer (no CORS), as with
 * Camunda's cookie.
 */
@RestController
@Tag(name = "session", description = "For mpgov's own pages, signed in to Camunda's webapps.")
class SessionToken {

    @GetMapping("/api/session/csrf-token")
    @Operation(
            operationId = "getSessionCsrfToken",
            summary = "The CSRF token of this browser's Camunda webapp session",
            description = "Empty without a session. mpgov's pages send it to Camunda's sign-in and sign-out.")
    ResponseEntity<Map<String, Object>> token(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object token = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(token == null ? Map.of() : Map.of("token", token));
    }
}
