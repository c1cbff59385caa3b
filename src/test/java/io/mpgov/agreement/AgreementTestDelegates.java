package io.mpgov.agreement;

import javax.sql.DataSource;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.jdbc.core.JdbcTemplate;

/** The agreement delegate and listener for process tests of other features, wired to a test double of the port. */
public final class AgreementTestDelegates {

    private AgreementTestDelegates() {}

    public static JavaDelegate verifyAgreement(AgreementPort port) {
        return new VerifyAgreementDelegate(port);
    }

    /** The attempts' reader, on the engine's own database. */
    public static AgreementAttempts attempts(DataSource database) {
        return new AgreementAttempts(new JdbcTemplate(database));
    }

    public static TaskListener recordAgreementAttempt() {
        return new RecordAgreementAttemptListener();
    }
}
