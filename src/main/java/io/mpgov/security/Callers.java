package io.mpgov.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Whether the caller of an /api endpoint may take one of its finer steps, as the access policy says. */
public final class Callers {

    private Callers() {}

    /** @return the caller's user id; 403 naming who may, when the policy does not give the caller {@code operation} */
    public static String require(IdentityService identity, String operation, String what) {
        var caller = identity.getCurrentAuthentication();
        if (!may(identity, operation)) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN,
                    (caller == null ? "nobody" : caller.getUserId()) + " may not " + what + "; "
                            + AccessPolicy.standard().whoMay(operation));
        }
        return caller.getUserId();
    }

    /** Whether the policy gives the caller {@code operation}: what {@link #require} allows, asked before offering it. */
    public static boolean may(IdentityService identity, String operation) {
        var caller = identity.getCurrentAuthentication();
        return caller != null
                && caller.getGroupIds() != null
                && AccessPolicy.standard().allows(caller.getGroupIds(), operation);
    }
}
