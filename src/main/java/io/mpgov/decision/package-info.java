/**
 * The guard on every user task of every process: who may decide it (recorded at creation), what a
 * decision must say, four-eyes and separation of duties; processes add their own rules as {@code DecisionContribution}s.
 */
@ApplicationModule(
        displayName = "Decisions",
        allowedDependencies = {"security"})
package io.mpgov.decision;

import org.springframework.modulith.ApplicationModule;
