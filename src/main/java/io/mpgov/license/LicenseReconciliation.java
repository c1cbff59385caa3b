package io.mpgov.license;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * Starts {@code license-distribution} for just what an event touched: one account (created, re-tagged,
 * moved, closed, removed) or one license (received or changed). Grants of products mpgov never
 * distributed are left alone: the desired state is what requests entitled.
 */
@Service
public class LicenseReconciliation {

    private final RuntimeService runtime;

    LicenseReconciliation(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** @param cause what happened, kept as the instance's business key (e.g. "CloseAccount 123456789012") */
    public String forAccount(String accountId, String cause) {
        return start(cause, LicenseDistributionProcess.ACCOUNT_ID, accountId);
    }

    public String forLicense(String licenseArn, String cause) {
        return start(cause, LicenseDistributionProcess.LICENSE_ARN, licenseArn);
    }

    private String start(String cause, String scope, String value) {
        return runtime.startProcessInstanceByKey(
                        LicenseDistributionProcess.KEY,
                        cause,
                        Variables.createVariables().putValue(scope, value))
                .getId();
    }
}
