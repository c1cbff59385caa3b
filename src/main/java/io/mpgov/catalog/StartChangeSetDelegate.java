package io.mpgov.catalog;

import static io.mpgov.catalog.CatalogChangeProcess.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_StartChangeSet: hands the change to the {@link PmpWriter}, which sends it alone or with others
 * waiting. A locked experience is an expected, modelled wait (ENTITY_LOCKED → timer → again); only
 * when it stays locked too long does it become a technical failure and an incident.
 */
@Component("startChangeSet")
class StartChangeSetDelegate implements JavaDelegate {

    private final PmpWriter writer;
    private final CatalogSettings settings;

    StartChangeSetDelegate(PmpWriter writer, CatalogSettings settings) {
        this.writer = writer;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ProductChange.Type type = ProductChange.Type.valueOf((String) execution.getVariable(CHANGE_TYPE));
        String requestId = (String) execution.getVariable(REQUEST_ID);
        String experienceId = (String) execution.getVariable(EXPERIENCE_ID);
        // Same request, change, retry and experience → same token: job retries and restarts reuse the change set.
        Object retries = execution.getVariable(RETRIES);
        // The primary experience keeps the tokens mpgov always used (a request started before several
        // experiences were governed finds its change set again); every other experience adds its id.
        String token = ChangeTokens.of(
                requestId,
                type,
                retries == null ? 0 : retries,
                experienceId == null || experienceId.equals(settings.primaryExperienceId()) ? null : experienceId);
        @SuppressWarnings("unchecked")
        List<String> products = execution.hasVariable(PRODUCT_IDS)
                ? (List<String>) execution.getVariable(PRODUCT_IDS)
                : List.of((String) execution.getVariable(PRODUCT_ID));
        ProductChange change =
                new ProductChange(experienceId, type, products, (String) execution.getVariable(NOTES), token);
        try {
            execution.setVariable(CHANGE_TOKEN, token);
            execution.setVariable(CHANGE_SET_ID, writer.start(change));
            execution.setVariable(LOCK_ATTEMPTS, 0);
        } catch (EntityLockedException e) {
            int locked = execution.hasVariable(LOCK_ATTEMPTS) ? (Integer) execution.getVariable(LOCK_ATTEMPTS) + 1 : 1;
            if (locked >= settings.maxLockAttempts()) {
                throw e;
            }
            execution.setVariable(LOCK_ATTEMPTS, locked);
            throw new BpmnError(ERROR_ENTITY_LOCKED, e.getMessage());
        }
    }
}
