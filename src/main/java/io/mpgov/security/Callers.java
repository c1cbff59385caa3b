package io.mpgov.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Who is calling an /api endpoint, and whether one of their groups may do what they ask. */
public final class Callers {

    private Callers() {}

    /** @return the caller's user id; 403 naming the groups that may, when the caller is in none of them */
    public static String requireAny(IdentityService identity, List<String> groups, String what) {
        var caller = identity.getCurrentAuthentication();
        if (!isAny(identity, groups)) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN,
                    (caller == null ? "nobody" : caller.getUserId()) + " may not " + what + "; members of "
                            + String.join(", ", groups) + " may");
        }
        return caller.getUserId();
    }

    /** Whether the caller is in one of the groups: what {@link #requireAny} allows, asked before offering an action. */
    public static boolean isAny(IdentityService identity, List<String> groups) {
        var caller = identity.getCurrentAuthentication();
        return caller != null
                && caller.getGroupIds() != null
                && caller.getGroupIds().stream().anyMatch(groups::contains);
    }
}
