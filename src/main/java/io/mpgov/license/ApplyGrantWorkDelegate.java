package io.mpgov.license;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.Map;

import static io.mpgov.license.LicenseDistributionProcess.WORK_ITEM;

/** Task_ApplyGrantWork: one grant or revocation, idempotent, so a retried or repeated job does no harm. */
@Component("applyGrantWork")
class ApplyGrantWorkDelegate implements JavaDelegate {

    private final LicensePort licenses;

    ApplyGrantWorkDelegate(LicensePort licenses) {
        this.licenses = licenses;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void execute(DelegateExecution execution) {
        Map<String, Object> work = (Map<String, Object>) execution.getVariable(WORK_ITEM);
        String licenseArn = (String) work.get("licenseArn");
        String account = (String) work.get("accountId");
        if ("GRANT".equals(work.get("action"))) {
            licenses.grant(licenseArn, (String) work.get("homeRegion"), account, (String) work.get("token"));
        } else {
            licenses.revoke(new LicensePort.Grant((String) work.get("grantArn"), licenseArn, account, null,
                    (String) work.get("version")), (String) work.get("reason"));
        }
    }
}
