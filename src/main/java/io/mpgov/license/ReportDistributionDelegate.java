package io.mpgov.license;

import io.mpgov.notification.ShortReport;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.mpgov.license.LicenseDistributionProcess.*;

/**
 * Task_ReportDistribution: reads the grants back and says, per account and license, what the
 * distribution did and whether License Manager shows it: created, activated, revoked, or failed.
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
        List<List<Map<String, Object>>> batches = (List<List<Map<String, Object>>>) execution.getVariable(GRANT_BATCHES);
        Map<String, List<LicensePort.Grant>> grants = new HashMap<>();
        List<String> lines = new ArrayList<>();
        int created = 0;
        int activated = 0;
        int revoked = 0;
        int failed = 0;
        for (Map<String, Object> item : batches.stream().flatMap(List::stream).toList()) {
            String licenseArn = (String) item.get("licenseArn");
            String account = (String) item.get("accountId");
            boolean live = grants.computeIfAbsent(licenseArn, licenses::grantsOf).stream()
                    .anyMatch(g -> g.accountId().equals(account) && g.live());
            boolean grant = "GRANT".equals(item.get("action"));
            String outcome = grant != live ? "failed"
                    : !grant ? "revoked" : DistributionPlan.NOT_YET_ACTIVATED.equals(item.get("reason")) ? "activated" : "created";
            created += outcome.equals("created") ? 1 : 0;
            activated += outcome.equals("activated") ? 1 : 0;
            revoked += outcome.equals("revoked") ? 1 : 0;
            failed += outcome.equals("failed") ? 1 : 0;
            lines.add(account + " " + licenseArn.substring(licenseArn.lastIndexOf(':') + 1) + " " + outcome + " (" + item.get("reason") + ")");
        }
        execution.setVariable(GRANTED, created);
        execution.setVariable(ACTIVATED, activated);
        execution.setVariable(REVOKED, revoked);
        execution.setVariable(FAILED, failed);
        lines.sort(Comparator.comparing((String line) -> !line.contains(" failed ")));
        execution.setVariable(REPORT_LINES, lines);
        execution.setVariable(REPORT, ShortReport.of(lines, REPORT_LINES));
    }
}
