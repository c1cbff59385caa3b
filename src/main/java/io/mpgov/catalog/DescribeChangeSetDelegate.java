package io.mpgov.catalog;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static io.mpgov.catalog.CatalogChangeProcess.*;

/** Task_DescribeChangeSet: one poll; the model's gateway decides whether to wait, end or fail. */
@Component("describeChangeSet")
class DescribeChangeSetDelegate implements JavaDelegate {

    private final CatalogPort catalog;

    DescribeChangeSetDelegate(CatalogPort catalog) {
        this.catalog = catalog;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ChangeSetStatus status = catalog.describeChangeSet((String) execution.getVariable(CHANGE_SET_ID));
        execution.setVariable(CHANGE_SET_STATUS, status.status());
        // Also the message of CHANGE_SET_FAILED, read by people: say which change set and why.
        String summary = "Change set " + status.changeSetId() + " " + status.status()
                + (status.failureCode() == null ? "" : " (" + status.failureCode() + ")");
        execution.setVariable(CHANGE_SET_ERRORS,
                status.errors().isEmpty() ? summary : summary + ": " + String.join("; ", status.errors()));
    }
}
