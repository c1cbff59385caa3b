/**
 * The dashboard page: the Private Marketplace at a glance and the reviews that can be started from it.
 * Reads the other features; owns no rule.
 */
@ApplicationModule(
        displayName = "Dashboard",
        allowedDependencies = {"catalog", "license", "request", "review", "security", "usage"})
package io.mpgov.dashboard;

import org.springframework.modulith.ApplicationModule;
