/**
 * AWS events (EventBridge: Marketplace, License Manager, CloudTrail) received at {@code /api/events},
 * de-duplicated in an inbox and turned into the work they start.
 */
@ApplicationModule(
        displayName = "Events",
        allowedDependencies = {"audit", "license", "request", "review"})
package io.mpgov.events;

import org.springframework.modulith.ApplicationModule;
