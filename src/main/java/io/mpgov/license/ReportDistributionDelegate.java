package io.mpgov.license;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ReportDistribution: reads the grants back and reports what the distribution did ({@link DistributionReport}). */
@Component("reportDistribution")
class ReportDistributionDelegate implements JavaDelegate {

    private final LicensePort licenses;

    ReportDistributionDelegate(LicensePort licenses) {
        this.licenses = licenses;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DistributionReport report = DistributionReport.of(
                LicenseDistributionProcess.work(execution),
                LicenseDistributionProcess.notices(execution),
                licenses::grantsOf);
        LicenseDistributionProcess.writeReport(execution, report);
    }
}
