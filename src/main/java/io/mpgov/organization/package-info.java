/**
 * The AWS Organization: member accounts, their OUs, tags and status.
 */
@ApplicationModule(
        displayName = "Organization",
        allowedDependencies = {"aws"})
package io.mpgov.organization;

import org.springframework.modulith.ApplicationModule;
