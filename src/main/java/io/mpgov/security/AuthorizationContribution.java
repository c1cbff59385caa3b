package io.mpgov.security;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/**
 * What a feature lets the personas do on its own processes, as engine authorizations. Each feature
 * registers one as a bean; {@link IdentityBootstrap} applies them at every start, adding only what is
 * missing, so security knows no feature's process keys.
 */
public interface AuthorizationContribution {

    /** The engine's authorizations, as a contribution may change them. */
    interface Grants {

        void grant(String group, Resource resource, String resourceId, Permission... permissions);

        /** Takes back what an earlier version of mpgov granted and this one does not. */
        void revoke(String group, Resource resource, String resourceId, Permission permission);
    }

    void contribute(Grants grants);
}
