/**
 * An HTTP-level emulator of the AWS APIs mpgov uses, with knobs for latency, rate limits and faults. A
 * leaf: it imports nothing of mpgov and runs on its own ({@code SandboxMain}).
 */
@ApplicationModule(
        displayName = "AWS sandbox",
        allowedDependencies = {})
package io.mpgov.sandbox;

import org.springframework.modulith.ApplicationModule;
