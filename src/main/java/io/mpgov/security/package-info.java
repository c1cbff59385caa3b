/**
 * Who the caller is and what the engine lets them do: personas, authentication, the command gate in front
 * of every engine command, response headers, safe start-up. Imports no feature: features contribute their authorizations.
 */
@ApplicationModule(
        displayName = "Security",
        allowedDependencies = {})
package io.mpgov.security;

import org.springframework.modulith.ApplicationModule;
