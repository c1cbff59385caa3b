package io.mpgov.review;

import static io.mpgov.review.AccessReviewProcess.*;

import io.mpgov.notification.ShortReport;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The access-review model's delegates, each a call of {@link AccessReviewer}. */
@Configuration(proxyBeanMethods = false)
class AccessReviewDelegates {

    /** Task_ListRoleMembers: who is in the reviewed groups now, with their last activity. */
    @Bean
    JavaDelegate listRoleMembers(AccessReviewer reviewer) {
        return execution -> {
            List<AccessReviewer.Membership> members = reviewer.members();
            execution.setVariable(MEMBERS, AccessReviewer.asMaps(members));
            execution.setVariable(MEMBERS_TEXT, ShortReport.of(AccessReviewer.lines(members), MEMBERS));
        };
    }

    /** On completing Task_AttestAccess: the removals must name current memberships, or the form is refused. */
    @Bean
    TaskListener validateAttestation(AccessReviewer reviewer) {
        return (DelegateTask task) -> reviewer.removals((String) task.getVariable(REMOVALS), reviewer.members());
    }

    /** Task_ApplyAccessRemovals: the attested removals take effect in mpgov; AWS role actions are listed. */
    @Bean
    JavaDelegate applyAccessRemovals(AccessReviewer reviewer) {
        return (DelegateExecution execution) -> {
            List<AccessReviewer.Membership> current = reviewer.members();
            AccessReviewer.Result result =
                    reviewer.apply(reviewer.removals((String) execution.getVariable(REMOVALS), current));
            List<String> lines = new ArrayList<>(result.report());
            if (lines.isEmpty()) {
                lines.add("every member kept");
            }
            result.awsActions().forEach(a -> lines.add("AWS: " + a));
            execution.setVariable(AWS_ACTIONS, result.awsActions());
            execution.setVariable(REPORT, ShortReport.of(lines, AWS_ACTIONS));
        };
    }
}
