/**
 * License Manager grants to every entitled member account (process {@code license-distribution}):
 * planning, rate-limited batches, activation, revocation and nightly reconciliation.
 */
@ApplicationModule(
        displayName = "License distribution",
        allowedDependencies = {"aws", "notification", "organization"})
package io.mpgov.license;

import org.springframework.modulith.ApplicationModule;
