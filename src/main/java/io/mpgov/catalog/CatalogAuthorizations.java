package io.mpgov.catalog;

import io.mpgov.security.AuthorizationContribution;
import io.mpgov.security.Personas;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/** Repairing a failed PMP change is retrying its job; changing the instance is camunda-admin's. */
@Component
class CatalogAuthorizations implements AuthorizationContribution {

    @Override
    public void contribute(Grants grants) {
        grants.revoke(
                Personas.PMP_ADMIN,
                Resources.PROCESS_DEFINITION,
                CatalogChangeProcess.KEY,
                Permissions.UPDATE_INSTANCE);
        grants.grant(
                Personas.PMP_ADMIN,
                Resources.PROCESS_DEFINITION,
                CatalogChangeProcess.KEY,
                ProcessDefinitionPermissions.RETRY_JOB);
    }
}
