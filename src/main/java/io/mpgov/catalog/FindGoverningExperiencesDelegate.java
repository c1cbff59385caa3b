package io.mpgov.catalog;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Task_FindGoverningExperiences: the experiences the product must be allowed in — the one a Private
 * Marketplace product request came from when mpgov governs it, and those that govern the request's
 * target accounts (an experience mpgov is not configured for stays its owner's).
 * Stored as an ArrayList, a type the engine deserializes.
 */
@Component("findGoverningExperiences")
class FindGoverningExperiencesDelegate implements JavaDelegate {

    /** Out: the experience ids the catalog-change runs for, one change set each. */
    static final String EXPERIENCE_IDS = "pmpExperienceIds";
    /** Out: for the requester, the target accounts under experiences mpgov does not govern (empty if none). */
    static final String OUTSIDE = "pmpOutsideNote";
    /** In (PMP product requests): the experience the request was made in. */
    static final String PMP_EXPERIENCE_ID = "pmpExperienceId";

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
        ExperienceRouter.Routing routing = router.route((String) execution.getVariable("targetAccountIds"),
                (String) execution.getVariable("targetOuId"), (String) execution.getVariable("targetTag"));
        experiences.addAll(routing.experiences());
        execution.setVariable(EXPERIENCE_IDS, new ArrayList<>(experiences));
        execution.setVariable(OUTSIDE, routing.outside().isEmpty() ? "" : "Not for accounts " + routing.outside().entrySet().stream()
                .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(java.util.stream.Collectors.joining(", "))
                + ": AWS applies to them a Private Marketplace mpgov does not govern; its administrator decides there.");
    }
}
