package io.mpgov.request;

import static io.mpgov.request.ProcurementRequestProcess.*;

import io.mpgov.decision.Submissions;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Task_ValidateRequest: checks every request, however it was started. Invalid input is a business outcome: INVALID_REQUEST.
 */
@Component("validateRequest")
class ValidateRequestDelegate implements JavaDelegate {

    private final RequestCheck check;

    ValidateRequestDelegate(RequestCheck check) {
        this.check = check;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RequestForm form = check.completed(execution);
        Map<String, Object> fields = form.toVariables();
        execution.setVariables(fields);
        Submissions.fields(execution.getProcessInstanceId(), fields, ClockUtil.getCurrentTime());
        List<FieldError> errors = check.errors(form, execution);
        if (!errors.isEmpty()) {
            String message = check.describe(errors);
            execution.setVariable(VALIDATION_ERRORS, message);
            throw new BpmnError(ERROR_INVALID_REQUEST, message);
        }
    }
}
