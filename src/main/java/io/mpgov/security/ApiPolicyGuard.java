package io.mpgov.security;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Every /api handler is an operation of the access policy, named by its OpenAPI operationId: the caller's groups must
 * be granted {@code api:<operationId>}. An endpoint without an operationId, or one no row names, is refused to every
 * persona (deny by default); the policy's open operations (AWS's events, the sign-in token) authenticate otherwise.
 */
final class ApiPolicyGuard implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(ApiPolicyGuard.class);

    private final AccessPolicy policy;
    private final IdentityService identity;

    ApiPolicyGuard(AccessPolicy policy, IdentityService identity) {
        this.policy = policy;
        this.identity = identity;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (!(handler instanceof HandlerMethod method)) {
            return true; // no handler of mpgov's: Spring answers 404 or 405 itself
        }
        Operation described = method.getMethodAnnotation(Operation.class);
        String operation = "api:" + (described == null ? "" : described.operationId());
        if (policy.isOpen(operation)) {
            return true;
        }
        Authentication caller = identity.getCurrentAuthentication();
        if (caller == null) {
            ApiAuthenticationFilter.refuse(request, response);
            return false;
        }
        List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
        if (policy.allows(groups, operation)) {
            return true;
        }
        log.warn(
                "{} was refused {} {}: {} is not theirs in the access policy",
                caller.getUserId(),
                request.getMethod(),
                request.getRequestURI(),
                operation);
        String what = described == null
                ? "call an endpoint the access policy does not name"
                : described.operationId() + " (" + described.summary() + ")";
        Problems.write(
                response,
                HttpStatus.FORBIDDEN,
                caller.getUserId() + " may not " + what + ": " + policy.whoMay(operation));
        return false;
    }
}
