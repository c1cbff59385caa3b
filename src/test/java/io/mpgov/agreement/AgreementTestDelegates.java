package io.mpgov.agreement;

import org.camunda.bpm.engine.delegate.JavaDelegate;

/** The agreement delegate for process tests of other features, wired to a test double of the port. */
public final class AgreementTestDelegates {

    private AgreementTestDelegates() {}

    public static JavaDelegate verifyAgreement(AgreementPort port) {
        return new VerifyAgreementDelegate(port);
    }
}
