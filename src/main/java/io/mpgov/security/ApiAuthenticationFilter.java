package io.mpgov.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who calls /api: the user signed in to Camunda's webapps in this browser (the session Tasklist uses, so
 * mpgov's pages need no second sign-in), or else HTTP basic auth against Camunda's identity service, read
 * and checked by Camunda's own {@link HttpBasicAuthenticationProvider} (the one /engine-rest uses). The
 * caller is the engine's current authentication for the request, so engine authorizations apply to
 * everything it does.
 *
 * <p>A call without credentials goes on unauthenticated: {@link ApiPolicyGuard} answers 401 unless its operation is
 * one of the policy's open ones.
 *
 * <p>Groups are looked up on every call rather than taken from the session's cache, so that a user taken
 * out of a group loses its rights at once.
 */
final class ApiAuthenticationFilter extends OncePerRequestFilter {

    /** Sent by mpgov's own pages: a refusal must not make the browser open its basic-auth prompt. */
    static final String PAGE_HEADER = CrossSiteRequestFilter.HEADER;

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
        boolean basic = request.getHeader("Authorization") != null;
        Optional<String> caller = basic ? basicAuthUser(request) : sessionUser(request);
        if (caller.isEmpty()) {
            if (basic) {
                refuse(request, response); // a wrong password is said at once, whatever the operation
            } else {
                chain.doFilter(request, response); // nobody: the policy guard lets only open operations through
            }
            return;
        }
        String user = caller.get();
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

    private Optional<String> basicAuthUser(HttpServletRequest request) {
        AuthenticationResult result = basicAuth.extractAuthenticatedUser(request, engine);
        return result.isAuthenticated() ? Optional.of(result.getAuthenticatedUser()) : Optional.empty();
    }

    /** The webapps' sign-in for this engine, while its user still exists. */
    private Optional<String> sessionUser(HttpServletRequest request) {
        if (request.getSession(false) == null) {
            return Optional.empty();
        }
        Authentications signedIn = AuthenticationUtil.getAuthsFromSession(request.getSession(false));
        Authentication authentication = signedIn.getAuthenticationForProcessEngine(engine.getName());
        if (authentication == null || authentication.getName() == null) {
            return Optional.empty();
        }
        String user = authentication.getName();
        return identity.createUserQuery().userId(user).count() == 1 ? Optional.of(user) : Optional.empty();
    }

    static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getHeader(PAGE_HEADER) == null) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"mpgov\"");
        }
        Problems.write(
                response,
                HttpStatus.UNAUTHORIZED,
                "Sign in to mpgov (Camunda's sign-in page), or use HTTP basic authentication with a valid mpgov user");
    }
}
