package io.mpgov.security;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs engine queries without the caller's authorizations, for checks that must see everything
 * (duplicate requests) and for reads whose visibility mpgov has already decided itself.
 */
public final class AsSystem {

    private AsSystem() {}

    public static <T> T run(IdentityService identity, Supplier<T> work) {
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }
}
