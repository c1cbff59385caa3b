/**
 * The embedded default (profile {@code demo}): the AWS sandbox started in-process and the demo users. The
 * only module that reaches the sandbox; production never loads it.
 */
@ApplicationModule(
        displayName = "Demo wiring",
        allowedDependencies = {"aws", "events", "sandbox", "security"})
package io.mpgov.demo;

import org.springframework.modulith.ApplicationModule;
