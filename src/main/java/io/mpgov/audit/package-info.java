/**
 * The evidence of every decision — who approved what, when, under which policy version — as JSON and CSV,
 * and how long it is kept.
 */
@ApplicationModule(
        displayName = "Audit",
        allowedDependencies = {"agreement", "catalog", "decision", "license", "request", "review", "security"})
package io.mpgov.audit;

import org.springframework.modulith.ApplicationModule;
