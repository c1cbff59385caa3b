/**
 * Marketplace agreements of accepted private offers: whether an offer was accepted, when it ends.
 * Port {@code AgreementPort}, adapter on the Marketplace Agreement API, and the step that verifies an acceptance.
 */
@ApplicationModule(
        displayName = "Agreements",
        allowedDependencies = {"aws"})
package io.mpgov.agreement;

import org.springframework.modulith.ApplicationModule;
