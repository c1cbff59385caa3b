/**
 * The periodic reviews: the catalog review (expiring agreements, unused products, renewals) and the
 * least-privilege access review of the procurement and PMP administrator roles.
 */
@ApplicationModule(
        displayName = "Periodic reviews",
        allowedDependencies = {"agreement", "catalog", "decision", "notification", "security", "usage"})
package io.mpgov.review;

import org.springframework.modulith.ApplicationModule;
