package io.mpgov.request;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import static io.mpgov.request.ProcurementRequestProcess.KEY;
import static io.mpgov.request.ProcurementRequestProcess.REQUEST_ID;

/**
 * Start of procurement-request, however it is started: the request gets its id, as business key and
 * as {@code requestId}. Callers never choose it (the engine gate refuses a start that brings one), so
 * no request can take another's id.
 */
@Component("assignRequestId")
class AssignRequestIdListener implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        String id = RequestIds.next();
        while (execution.getProcessEngineServices().getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(KEY).processInstanceBusinessKey(id).count() > 0) {
            id = RequestIds.next();
        }
        execution.setProcessBusinessKey(id);
        execution.setVariable(REQUEST_ID, id);
    }
}
