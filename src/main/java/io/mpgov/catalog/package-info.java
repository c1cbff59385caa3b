/**
 * The Private Marketplace: products allowed in each experience, change sets that add or remove them
 * (process {@code catalog-change}), the inventory of what mpgov put there and the experience router.
 */
@ApplicationModule(
        displayName = "Private Marketplace",
        allowedDependencies = {"aws", "organization"})
package io.mpgov.catalog;

import org.springframework.modulith.ApplicationModule;
