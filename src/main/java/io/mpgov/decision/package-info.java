/**
 * The guard on every user task of every process: who may decide it (recorded at creation), what a
 * decision must say, four-eyes and separation of duties; processes add their own rules as {@code DecisionContribution}s.
 * Each decision is its task's own and recorded (mpgov_decision); the decision log people read is rendered from the records.
 */
@ApplicationModule(
        displayName = "Decisions",
        allowedDependencies = {"security"})
package io.mpgov.decision;

import org.springframework.modulith.ApplicationModule;
