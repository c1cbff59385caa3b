package io.mpgov.request;

import static io.mpgov.request.ProcurementRequestProcess.KEY;
import static io.mpgov.request.ProcurementRequestProcess.REQUEST_ID;

import io.mpgov.decision.Submissions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Start of procurement-request, however it is started: the request gets its id, as business key and
 * as {@code requestId}, and mpgov records who submitted it. Callers never choose it (the engine gate refuses a start that brings one), so
 * no request can take another's id.
 */
@Component("assignRequestId")
class AssignRequestIdListener implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        String id = RequestIds.next();
        while (execution
                        .getProcessEngineServices()
                        .getHistoryService()
                        .createHistoricProcessInstanceQuery()
                        .processDefinitionKey(KEY)
                        .processInstanceBusinessKey(id)
                        .count()
                > 0) {
            id = RequestIds.next();
        }
        execution.setProcessBusinessKey(id);
        execution.setVariable(REQUEST_ID, id);
        // the signed-in user who started it (null for a request AWS or a review opened: its taker owns it)
        Submissions.submittedBy(
                execution.getProcessInstanceId(),
                Context.getCommandContext().getAuthenticatedUserId(),
                ClockUtil.getCurrentTime());
    }
}
