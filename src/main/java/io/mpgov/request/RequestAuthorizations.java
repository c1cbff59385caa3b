package io.mpgov.request;

import io.mpgov.security.AuthorizationContribution;
import io.mpgov.security.Personas;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * Requesters start procurement requests; procurement managers read every request's history, as the auditor and the
 * PMP administrators do (they approve every private offer and follow them on the request pages). Everything else on
 * requests is the decision tasks' business.
 */
@Component
class RequestAuthorizations implements AuthorizationContribution {

    @Override
    public void contribute(Grants grants) {
        grants.grant(
                Personas.REQUESTER,
                Resources.PROCESS_DEFINITION,
                ProcurementRequestProcess.KEY,
                Permissions.READ,
                Permissions.CREATE_INSTANCE);
        grants.grant(
                Personas.PROCUREMENT_MANAGER,
                Resources.PROCESS_DEFINITION,
                ProcurementRequestProcess.KEY,
                Permissions.READ_HISTORY);
    }
}
