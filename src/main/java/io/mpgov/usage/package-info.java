/**
 * Usage: when AWS last saw a Marketplace product in use, and by which signal — spend in Cost Explorer,
 * License Manager check-outs — chosen per product type. The catalog review and the dashboard ask {@link io.mpgov.usage.UsagePort}.
 */
@ApplicationModule(
        displayName = "Usage",
        allowedDependencies = {"aws", "catalog", "license"})
package io.mpgov.usage;

import org.springframework.modulith.ApplicationModule;
