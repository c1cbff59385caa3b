package io.mpgov.license;

import io.mpgov.security.AuthorizationContribution;
import io.mpgov.security.Personas;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/** Software managers follow license distributions and retry their failed jobs. */
@Component
class LicenseAuthorizations implements AuthorizationContribution {

    @Override
    public void contribute(Grants grants) {
        grants.grant(
                Personas.SOFTWARE_MANAGER,
                Resources.PROCESS_DEFINITION,
                LicenseDistributionProcess.KEY,
                Permissions.READ_INSTANCE,
                Permissions.READ_HISTORY,
                ProcessDefinitionPermissions.RETRY_JOB);
    }
}
