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
        List<Map<String, Object>> outcomes = new ArrayList<>();
        int created = 0;
        int activated = 0;
        int revoked = 0;
        int failed = 0;
        for (Map<String, Object> item : batches.stream().flatMap(List::stream).toList()) {
            String licenseArn = (String) item.get("licenseArn");
            String account = (String) item.get("accountId");
            java.util.Optional<LicensePort.Grant> held = grants.computeIfAbsent(licenseArn, licenses::grantsOf).stream()
                    .filter(g -> g.accountId().equals(account) && g.live()).findFirst();
            boolean live = held.isPresent();
            boolean grant = "GRANT".equals(item.get("action"));
            String outcome = grant != live ? "failed"
                    : !grant ? "revoked" : DistributionPlan.NOT_YET_ACTIVATED.equals(item.get("reason")) ? "activated" : "created";
            created += outcome.equals("created") ? 1 : 0;
            activated += outcome.equals("activated") ? 1 : 0;
            revoked += outcome.equals("revoked") ? 1 : 0;
            failed += outcome.equals("failed") ? 1 : 0;
            lines.add(account + " " + licenseArn.substring(licenseArn.lastIndexOf(':') + 1) + " " + outcome + " (" + item.get("reason") + ")");
            Map<String, Object> evidence = new java.util.LinkedHashMap<>();
            evidence.put("accountId", account);
            evidence.put("licenseArn", licenseArn);
            evidence.put("outcome", outcome);
            evidence.put("grantArn", held.map(LicensePort.Grant::arn).orElse((String) item.get("grantArn")));
            outcomes.add(evidence);
        }
        execution.setVariable(GRANTED, created);
        execution.setVariable(ACTIVATED, activated);
        execution.setVariable(REVOKED, revoked);
        execution.setVariable(FAILED, failed);
        lines.sort(Comparator.comparing((String line) -> !line.contains(" failed ")));
        execution.setVariable(REPORT_LINES, lines);
        execution.setVariable(OUTCOMES, outcomes);
        execution.setVariable(REPORT, ShortReport.of(lines, REPORT_LINES));
    }
}
