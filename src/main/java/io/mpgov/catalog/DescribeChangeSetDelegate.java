package io.mpgov.catalog;

import static io.mpgov.catalog.CatalogChangeProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_DescribeChangeSet: one poll; the model's gateway decides whether to wait, end, fail or start again alone. */
@Component("describeChangeSet")
class DescribeChangeSetDelegate implements JavaDelegate {

    private final PmpWriter writer;

    DescribeChangeSetDelegate(PmpWriter writer) {
        this.writer = writer;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ChangeSetStatus status = writer.status(
                (String) execution.getVariable(CHANGE_SET_ID), (String) execution.getVariable(CHANGE_TOKEN));
        execution.setVariable(CHANGE_SET_STATUS, status.status());
        // Also the message of CHANGE_SET_FAILED, read by people: say which change set and why.
        String summary = "Change set " + status.changeSetId() + " " + status.status()
                + (status.failureCode() == null ? "" : " (" + status.failureCode() + ")");
        execution.setVariable(
                CHANGE_SET_ERRORS,
                status.errors().isEmpty() ? summary : summary + ": " + String.join("; ", status.errors()));
    }
}
