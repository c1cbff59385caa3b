package io.mpgov.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP basic auth against Camunda's identity service for /api, read and checked by Camunda's own
 * {@link HttpBasicAuthenticationProvider} (the one /engine-rest uses); the caller is the engine's current
 * authentication for the request, so engine authorizations apply to everything it does.
 */
final class ApiAuthenticationFilter extends OncePerRequestFilter {

    private final ProcessEngine engine;
    private final IdentityService identity;
    private final AuthenticationProvider basicAuth = new HttpBasicAuthenticationProvider();

    ApiAuthenticationFilter(ProcessEngine engine) {
        this.engine = engine;
        this.identity = engine.getIdentityService();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        AuthenticationResult caller = basicAuth.extractAuthenticatedUser(request, engine);
        if (!caller.isAuthenticated()) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Basic realm=\"mpgov\"");
            response.setContentType("application/problem+json");
            response.getWriter()
                    .write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                            + "\"detail\":\"HTTP basic authentication with a valid mpgov user is required\"}");
            return;
        }
        String user = caller.getAuthenticatedUser();
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId)
                .toList();
        identity.setAuthentication(user, groups);
        try {
            chain.doFilter(request, response);
        } finally {
            identity.clearAuthentication();
        }
    }
}
