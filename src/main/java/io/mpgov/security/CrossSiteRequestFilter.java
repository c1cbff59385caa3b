package io.mpgov.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.WebUtils;

/**
 * A browser sends the basic-auth credentials it remembers for mpgov with every request to it, also with
 * one that another site's page makes: a form post, or a fetch simple enough to need no CORS preflight. So a
 * state-changing call to /api or /engine-rest is taken only when it cannot have come from such a page: a JSON body or the
 * header {@value #HEADER} (neither can cross sites without a preflight, and mpgov answers no preflight),
 * and no {@code Origin} or {@code Sec-Fetch-Site} naming another site. {@code /api/events} is not a
 * browser's door: it authenticates by a shared secret header.
 */
final class CrossSiteRequestFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Requested-By";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> OWN_SITE = Set.of("same-origin", "none");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return SAFE_METHODS.contains(request.getMethod()) || path.equals("/api/events");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && !OWN_SITE.contains(fetchSite)
                || !WebUtils.isSameOrigin(new ServletServerHttpRequest(request))) {
            refuse(
                    response,
                    "A call that changes something is not taken from another site's page (Origin "
                            + "or Sec-Fetch-Site): use mpgov's own pages, or call the API from a script.");
            return;
        }
        String requestedBy = request.getHeader(HEADER);
        if ((requestedBy == null || requestedBy.isBlank()) && !isJson(request.getContentType())) {
            refuse(
                    response,
                    "A call that changes something needs a JSON body (Content-Type: application/json) or the header "
                            + HEADER + " (e.g. " + HEADER + ": mpgov), which no other site's form can send.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return "application".equals(type.getType())
                    && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static void refuse(HttpServletResponse response, String detail) throws IOException {
        Problems.write(response, HttpStatus.FORBIDDEN, detail);
    }
}
