/**
 * The dashboard page: the Private Marketplace at a glance, the reviews that can be started from it and, for
 * those who may read it, the audit evidence.
 * Reads the other features; owns no rule.
 */
@ApplicationModule(
        displayName = "Dashboard",
        allowedDependencies = {"catalog", "license", "request", "review", "security", "usage"})
package io.mpgov.dashboard;

import org.springframework.modulith.ApplicationModule;
