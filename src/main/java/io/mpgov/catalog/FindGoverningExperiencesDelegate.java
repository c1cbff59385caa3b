package io.mpgov.catalog;

import static io.mpgov.catalog.CatalogStepVariables.*;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_FindGoverningExperiences: the experiences the product must be allowed in — the one a Private
 * Marketplace product request came from when mpgov governs it, and those that govern the request's
 * target accounts (an experience mpgov is not configured for stays its owner's).
 * Stored as an ArrayList, a type the engine deserializes.
 */
@Component("findGoverningExperiences")
class FindGoverningExperiencesDelegate implements JavaDelegate {

    private final ExperienceRouter router;

    FindGoverningExperiencesDelegate(ExperienceRouter router) {
        this.router = router;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String named = (String) execution.getVariable(PMP_EXPERIENCE_ID);
        Set<String> experiences = new LinkedHashSet<>();
        if (named != null && router.governs(named)) {
            experiences.add(named);
        }
        // The targets' own experiences too: their accounts must be able to buy what they are granted.
        ExperienceRouter.Routing routing = router.route(
                (String) execution.getVariable(TARGET_ACCOUNT_IDS),
                (String) execution.getVariable(TARGET_OU_ID),
                (String) execution.getVariable(TARGET_TAG));
        experiences.addAll(routing.experiences());
        execution.setVariable(EXPERIENCE_IDS, new ArrayList<>(experiences));
        execution.setVariable(
                OUTSIDE,
                routing.outside().isEmpty()
                        ? ""
                        : "Not for accounts "
                                + routing.outside().entrySet().stream()
                                        .map(e -> e.getKey() + " (" + e.getValue() + ")")
                                        .collect(java.util.stream.Collectors.joining(", "))
                                + ": AWS applies to them a Private Marketplace mpgov does not govern; its administrator decides there.");
    }
}
