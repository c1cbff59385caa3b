package io.mpgov.license;

import io.mpgov.notification.ShortReport;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.mpgov.license.LicenseDistributionProcess.*;

/**
 * Task_ReportDistribution: reads the grants back and says, per grantee (account or OU) and license, what the
 * distribution did and whether License Manager shows it: created, activated, revoked, pending acceptance
 * (the grantee has to accept: not granted yet), or failed; and what the plan could not do: licenses AWS does
 * not let mpgov share, grants rejected by their grantee, accounts an OU grant keeps covering.
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
        List<Map<String, Object>> notices = (List<Map<String, Object>>) execution.getVariable(NOTICES);
        Map<String, List<LicensePort.Grant>> grants = new HashMap<>();
        List<String> lines = new ArrayList<>();
        List<Map<String, Object>> outcomes = new ArrayList<>();
        Map<String, Integer> counts = new HashMap<>();
        for (Map<String, Object> item : batches.stream().flatMap(List::stream).toList()) {
            String licenseArn = (String) item.get("licenseArn");
            String account = (String) item.get("accountId");
            Optional<LicensePort.Grant> held = grants.computeIfAbsent(licenseArn, licenses::grantsOf).stream()
                    .filter(g -> g.accountId().equals(account) && g.live()).findFirst();
            boolean grant = "GRANT".equals(item.get("action"));
            String outcome;
            if (grant != held.isPresent()) {
                outcome = "failed";
            } else if (!grant) {
                outcome = "revoked";
            } else if (held.get().status().equals("PENDING_ACCEPT")) {
                outcome = "pending acceptance";
            } else {
                outcome = item.get("grantArn") != null ? "activated" : "created";
            }
            counts.merge(outcome, 1, Integer::sum);
            lines.add(line(account, licenseArn, outcome, item.get("reason")));
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("accountId", account);
            evidence.put("licenseArn", licenseArn);
            evidence.put("outcome", outcome);
            evidence.put("grantArn", held.map(LicensePort.Grant::arn).orElse((String) item.get("grantArn")));
            outcomes.add(evidence);
        }
        int notShareable = 0;
        for (Map<String, Object> notice : notices == null ? List.<Map<String, Object>>of() : notices) {
            String reason = (String) notice.get("reason");
            boolean unshareable = "NOT_SHAREABLE".equals(notice.get("action"));
            String outcome = unshareable ? "not shared" : reason.startsWith("pending acceptance") ? "pending acceptance" : "unchanged";
            if (unshareable) {
                notShareable++;
            } else if (outcome.equals("pending acceptance")) {
                counts.merge(outcome, 1, Integer::sum);
            }
            lines.add(line((String) notice.get("accountId"), (String) notice.get("licenseArn"), outcome, reason));
        }
        execution.setVariable(GRANTED, counts.getOrDefault("created", 0));
        execution.setVariable(ACTIVATED, counts.getOrDefault("activated", 0));
        execution.setVariable(REVOKED, counts.getOrDefault("revoked", 0));
        execution.setVariable(FAILED, counts.getOrDefault("failed", 0));
        execution.setVariable(PENDING_ACCEPTANCE, counts.getOrDefault("pending acceptance", 0));
        execution.setVariable(NOT_SHAREABLE, notShareable);
        // Failures first, then what did not happen (not shared, waiting), then the rest.
        lines.sort(Comparator.comparing((String line) -> line.contains(" failed ") ? 0
                : line.contains(" not shared ") || line.contains(" pending acceptance ") ? 1 : 2));
        execution.setVariable(REPORT_LINES, lines);
        execution.setVariable(OUTCOMES, outcomes);
        execution.setVariable(REPORT, ShortReport.of(lines, REPORT_LINES));
    }

    private static String line(String grantee, String licenseArn, String outcome, Object reason) {
        return grantee + " " + licenseArn.substring(licenseArn.lastIndexOf(':') + 1) + " " + outcome + " (" + reason + ")";
    }
}
