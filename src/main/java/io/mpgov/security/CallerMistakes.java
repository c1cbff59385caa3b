package io.mpgov.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A caller's mistake that mpgov's listeners refuse (a form validation error, e.g. an invalid request) is the
 * caller's to fix: the engine's REST APIs answer it 400 with mpgov's own message. Left to themselves they
 * answer a refused {@code start} with 500 and put "Cannot instantiate process definition &lt;id&gt;:" before
 * the message. The engine's command layer records the refusal for the HTTP call it serves ({@link #record});
 * this filter, around /engine-rest and Tasklist's session API, answers it.
 */
final class CallerMistakes extends OncePerRequestFilter {

    private static final ThreadLocal<String[]> CURRENT = new ThreadLocal<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    CallerMistakes() {}

    /** The engine refused the call of this thread as the caller's mistake; outside an HTTP call, nothing. */
    static void record(String message) {
        String[] current = CURRENT.get();
        if (current != null) {
            current[0] = message;
        }
    }

    /** Submissions are POSTs; every other answer streams as it is, unbuffered. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String[] mistake = new String[1];
        CURRENT.set(mistake);
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, answer);
        } finally {
            CURRENT.remove();
        }
        if (mistake[0] != null && answer.getStatus() >= 400 && !answer.isCommitted()) {
            answer.resetBuffer();
            answer.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            answer.setContentType("application/json");
            answer.setCharacterEncoding(StandardCharsets.UTF_8.name());
            answer.getOutputStream()
                    .write(JSON.writeValueAsBytes(Map.of("type", "InvalidRequestException", "message", mistake[0])));
        }
        answer.copyBodyToResponse();
    }
}
