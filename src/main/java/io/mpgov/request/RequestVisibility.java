package io.mpgov.request;

import static io.mpgov.request.ProcurementRequestProcess.KEY;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may see which request, one rule for one request and for the lists: its requester (who started it, or took
 * over a request AWS or a review opened) sees it; READ_HISTORY on the process — the engine's authorization the
 * auditor, procurement and the PMP administrators hold — sees every request.
 */
@Component
class RequestVisibility {

    private final AuthorizationService authorizations;

    RequestVisibility(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    boolean seesAll(Authentication user) {
        return authorizations.isUserAuthorized(
                user.getUserId(), user.getGroupIds(), Permissions.READ_HISTORY, Resources.PROCESS_DEFINITION, KEY);
    }

    /**
     * @param requester the request's {@code initiator}: the start user from the start on (camunda:initiator), or
     *                  whoever took over a request AWS or a review opened; null until then
     */
    boolean maySee(Authentication user, Object requester) {
        return user.getUserId().equals(requester) || seesAll(user);
    }

    /** Narrows a query of requests to those the user is the requester of, as {@link #maySee} does. */
    static HistoricProcessInstanceQuery ownedBy(HistoricProcessInstanceQuery query, String user) {
        return query.variableValueEquals(ProcurementRequestProcess.INITIATOR, user);
    }
}
