package io.mpgov.decision;

import static io.mpgov.decision.DecisionVariables.*;

import io.micrometer.core.instrument.Metrics;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * On every review, approval and decision task. At completion: insist on a decision the task allows (and a reason
 * when it rejects, sends back or abandons), then enforce separation of duties whatever the client — nobody decides
 * on a request they started, nobody gives two approvals of one request, members of the task's {@code forbiddenGroups}
 * may not complete it — and make the decision the task's own: task-local, taken off every scope another task's
 * form reads (wherever the completing call wrote it), and recorded in mpgov_decision ({@link DecisionRecords}),
 * from which the decision log is rendered. On tasks that
 * stand for an approval kind, each process's {@link DecisionContribution} adds its own rules and records
 * (procurement's approval ledger and round).
 */
@Component("recordDecision")
public class RecordDecisionListener implements TaskListener {

    /** What a task accepts unless its input parameter {@code allowedDecisions} says otherwise. */
    static final List<String> DEFAULT_DECISIONS = List.of("APPROVE", "REJECT", "REQUEST_CHANGES");

    static final String ALLOWED_DECISIONS = "allowedDecisions";
    static final String FORBIDDEN_GROUPS = "forbiddenGroups";
    /** Set on approval tasks (the multi-instance element): procurement, finance, legal or security. */
    static final String APPROVAL_KIND = "approval";

    /** Everyone who decided on the request, comma-separated: they hear how it ends. */
    static final String DECIDERS = "deciders";
    /** Set on tasks only the requester answers (revising their own request). */
    static final String REQUESTER_ONLY = "requesterOnly";

    static final String INITIATOR = "initiator";
    static final int MAX_COMMENT = 4_000;

    private final List<DecisionContribution> contributions;

    public RecordDecisionListener(List<DecisionContribution> contributions) {
        this.contributions = List.copyOf(contributions);
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            Object kind = task.getVariable(APPROVAL_KIND);
            if (kind != null) {
                // the engine set the kind on this approval's scope: record it where no caller can change it
                TaskDuties.recordKind(task.getId(), kind.toString());
            }
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            record(task);
        }
    }

    private static boolean requesterOnly(DelegateTask task) {
        return isTrue(task.getVariable(REQUESTER_ONLY));
    }

    private static boolean isTrue(Object inputParameter) {
        return "true".equals(String.valueOf(inputParameter));
    }

    private void record(DelegateTask task) {
        Object allowed = task.getVariable(ALLOWED_DECISIONS);
        List<String> decisions =
                allowed == null ? DEFAULT_DECISIONS : List.of(allowed.toString().split(","));
        Object decision = task.getVariable(DECISION);
        if (decision == null || !decisions.contains(decision.toString())) {
            String got = decision == null ? "none" : decision.toString().replaceAll("[<>]", "?");
            throw new DecisionRejectedException(
                    DECISION,
                    "'" + task.getName() + "' needs a decision, one of " + String.join(", ", decisions) + " (got "
                            + (got.length() > 40 ? got.substring(0, 40) + "…" : got) + ")");
        }
        Object comment = task.getVariable(COMMENT);
        if (comment != null && comment.toString().length() > MAX_COMMENT) {
            throw new DecisionRejectedException(
                    COMMENT,
                    "must be at most " + MAX_COMMENT + " characters (got "
                            + comment.toString().length() + ")");
        }
        if (comment != null && comment.toString().matches("(?s).*[<>].*")) {
            // Comments go into mails and the request view: no markup, so none can ever be rendered.
            throw new DecisionRejectedException(COMMENT, "must not contain markup: < and > are not allowed");
        }
        if (DecisionLog.NEED_REASON.contains(decision.toString())
                && (comment == null || comment.toString().isBlank())) {
            throw new DecisionRejectedException(
                    COMMENT, "A decision to " + decision + " needs a comment that says why");
        }
        String user = currentUser(task);
        String kind = TaskDuties.of(task.getId()).map(TaskDuties.Duty::kind).orElse(null);
        DelegateExecution request = task.getExecution().getProcessInstance();
        Optional<Submissions.Submission> submission = Submissions.of(task.getProcessInstanceId());
        enforceSeparationOfDuties(task, user, submission);
        Date now = ClockUtil.getCurrentTime();
        DecisionContribution.Decided decided = new DecisionContribution.Decided(
                task.getProcessInstanceId(),
                request.getProcessBusinessKey(),
                kind,
                decision.toString(),
                user,
                now,
                submission);
        if (kind != null) {
            contributions.forEach(contribution -> contribution.check(decided));
        }

        if (task.getCreateTime() != null) {
            Metrics.timer(
                            "mpgov.decision.lead.time",
                            "task",
                            task.getTaskDefinitionKey(),
                            "approval",
                            String.valueOf(kind),
                            "decision",
                            decision.toString())
                    .record(Duration.between(task.getCreateTime().toInstant(), now.toInstant()));
        }
        // the completing call wrote them where every task's form reads them: they are this task's alone
        ShowDecisionLog.forgetShared(task.getExecution());
        task.setVariableLocal(DECISION, decision);
        task.setVariableLocal(COMMENT, comment);
        task.setVariableLocal(DECIDED_BY, user);
        task.setVariableLocal(DECIDED_AT, now);
        DecisionRecords.add(new DecisionRecord(
                task.getProcessInstanceId(),
                task.getId(),
                task.getTaskDefinitionKey(),
                modelName(task),
                user,
                now,
                decision.toString(),
                comment == null || comment.toString().isBlank() ? null : comment.toString()));
        Object deciders = request.getVariable(DECIDERS);
        if (user != null
                && !requesterOnly(task)
                && (deciders == null || !List.of(deciders.toString().split(",")).contains(user))) {
            request.setVariable(DECIDERS, deciders == null ? user : deciders + "," + user);
        }
        if (kind != null) {
            contributions.forEach(contribution -> contribution.record(decided));
        }
    }

    /**
     * The task's name as the model gives it ("Approve private offer (finance)"): the log is the request's own, so
     * Tasklist's name, which adds the product and the request, would only repeat them.
     */
    private static String modelName(DelegateTask task) {
        TaskDefinition definition = task instanceof TaskEntity entity ? entity.getTaskDefinition() : null;
        Expression name = definition == null ? null : definition.getNameExpression();
        return name == null ? task.getName() : String.valueOf(name.getValue(task.getExecution()));
    }

    private static void enforceSeparationOfDuties(
            DelegateTask task, String user, Optional<Submissions.Submission> submission) {
        if (user == null) {
            return;
        }
        boolean requesterOnly = requesterOnly(task);
        // who started it as mpgov recorded it; processes without a submission (access reviews) fall back on initiator
        Object initiator = submission
                .map(Submissions.Submission::submittedBy)
                .map(Object.class::cast)
                .orElse(task.getVariable(INITIATOR));
        if (requesterOnly != user.equals(initiator)) {
            throw new FourEyesViolationException(
                    requesterOnly
                            ? "Only " + initiator + ", who started this request, may complete '" + task.getName() + "'"
                            : "Four-eyes rule: " + user + " started this request and may not decide on it");
        }
        Object forbidden = task.getVariable(FORBIDDEN_GROUPS);
        if (forbidden != null) {
            List<String> groups = task
                    .getProcessEngineServices()
                    .getIdentityService()
                    .createGroupQuery()
                    .groupMember(user)
                    .list()
                    .stream()
                    .map(Group::getId)
                    .toList();
            for (String group : forbidden.toString().split(",")) {
                if (groups.contains(group.trim())) {
                    throw new FourEyesViolationException("Separation of duties: members of " + group.trim()
                            + " may not complete '" + task.getName() + "'");
                }
            }
        }
    }

    private static String currentUser(DelegateTask task) {
        Authentication current =
                task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return current != null ? current.getUserId() : task.getAssignee();
    }
}
