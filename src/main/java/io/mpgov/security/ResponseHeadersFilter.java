package io.mpgov.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/** Fixed response headers, set before the rest of the chain runs so that refusals and errors carry them too. */
final class ResponseHeadersFilter extends OncePerRequestFilter {

    private final Map<String, String> headers;

    ResponseHeadersFilter(Map<String, String> headers) {
        this.headers = Map.copyOf(headers);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        headers.forEach(response::setHeader);
        chain.doFilter(request, response);
    }
}
