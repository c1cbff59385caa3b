package io.mpgov.decision;

import static io.mpgov.decision.DecisionVariables.COMMENT;
import static io.mpgov.decision.DecisionVariables.DECISION;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * On the creation of every user task (added by {@link GuardEveryUserTask}): the task's form starts empty of other
 * people's decisions — no {@code decision} or {@code comment} on any scope it reads — and shows the decision log
 * as mpgov renders it from its records now ({@value #DECISION_LOG}, task-local), not as anyone wrote it.
 */
final class ShowDecisionLog implements TaskListener {

    /** What a form's read-only "decisions so far" shows. */
    static final String DECISION_LOG = "decisionLog";

    @Override
    public void notify(DelegateTask task) {
        forgetShared(task.getExecution());
        task.setVariableLocal(DECISION_LOG, DecisionLog.render(DecisionRecords.of(task.getProcessInstanceId())));
    }

    /**
     * Removes a decision, a comment and a decision log from the scope and every scope above it: a completion writes
     * them where all the request's tasks read them (Camunda's {@code complete} sets the execution's variables),
     * and instances started before decisions were the task's own kept them there.
     */
    static void forgetShared(VariableScope scope) {
        if (scope == null) {
            return;
        }
        for (String name : new String[] {DECISION, COMMENT, DECISION_LOG}) {
            while (scope.hasVariable(name)) {
                scope.removeVariable(name);
            }
        }
    }
}
