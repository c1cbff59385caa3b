/**
 * Marketplace agreements of accepted private offers: whether an offer was accepted, when it ends.
 * Port {@code AgreementPort}, adapter on the Marketplace Agreement API, the step that verifies an acceptance, and
 * the record of every agreement id entered with the check's outcome ({@code AgreementAttempts}).
 */
@ApplicationModule(
        displayName = "Agreements",
        allowedDependencies = {"aws", "decision"})
package io.mpgov.agreement;

import org.springframework.modulith.ApplicationModule;
