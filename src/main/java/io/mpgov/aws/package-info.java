/**
 * What every AWS SDK client shares: region, credentials, retries, the endpoint override and call metrics.
 * No feature logic lives here.
 */
@ApplicationModule(
        displayName = "AWS clients",
        allowedDependencies = {})
package io.mpgov.aws;

import org.springframework.modulith.ApplicationModule;
