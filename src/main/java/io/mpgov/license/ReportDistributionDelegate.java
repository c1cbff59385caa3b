package io.mpgov.license;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.mpgov.license.LicenseDistributionProcess.*;

/**
 * Task_ReportDistribution: reads the grants back and says, per account and license, what the
 * distribution did and whether License Manager shows it: created, revoked, or failed.
 */
@Component("reportDistribution")
class ReportDistributionDelegate implements JavaDelegate {

    private final LicensePort licenses;

    ReportDistributionDelegate(LicensePort licenses) {
        this.licenses = licenses;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void execute(DelegateExecution execution) {
        List<Map<String, Object>> work = (List<Map<String, Object>>) execution.getVariable(GRANT_WORK);
        Map<String, List<LicensePort.Grant>> grants = new HashMap<>();
        List<String> lines = new ArrayList<>();
        int created = 0;
        int revoked = 0;
        int failed = 0;
        for (Map<String, Object> item : work) {
            String licenseArn = (String) item.get("licenseArn");
            String account = (String) item.get("accountId");
            boolean live = grants.computeIfAbsent(licenseArn, licenses::grantsOf).stream()
                    .anyMatch(g -> g.accountId().equals(account) && g.live());
            boolean grant = "GRANT".equals(item.get("action"));
            String outcome = grant == live ? (grant ? "created" : "revoked") : "failed";
            created += outcome.equals("created") ? 1 : 0;
            revoked += outcome.equals("revoked") ? 1 : 0;
            failed += outcome.equals("failed") ? 1 : 0;
            lines.add(account + " " + licenseArn.substring(licenseArn.lastIndexOf(':') + 1) + " " + outcome + " (" + item.get("reason") + ")");
        }
        execution.setVariable(GRANTED, created);
        execution.setVariable(REVOKED, revoked);
        execution.setVariable(FAILED, failed);
        execution.setVariable(REPORT, String.join("\n", lines));
    }
}
