package io.mpgov.security;

import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.query.Query;

/**
 * What each engine command a signed-in user runs is, for the engine gate: a read, or the policy's write operation it
 * stands for ({@code engine:start}, {@code engine:comment}, ...), which {@link AccessPolicy} grants or refuses. Deny
 * by default: any other command of the engine — identity, filters and authorizations included — is camunda-admin's,
 * so a door the engine adds in a later version starts closed.
 */
final class CommandVerdicts {

    enum Verdict {
        /** Reads: queries and getters. Camunda's authorizations decide what they show. */
        READ(null),
        /** Starting a process: only the start form's fields, no business key. */
        START("engine:start"),
        /** Completing a task: only the task form's own fields may change anything. */
        COMPLETE("engine:complete"),
        CLAIM("engine:claim"),
        ASSIGN("engine:assign"),
        /** A comment, on a task the caller may work and that task's request only. */
        COMMENT("engine:comment"),
        RETRY_JOB("engine:retry-job"),
        /** Everything else the engine can do: camunda-admin only. */
        ADMIN(null);

        /** The policy's operation, or null: reads need none, and nobody but camunda-admin has the others. */
        final String operation;

        Verdict(String operation) {
            this.operation = operation;
        }
    }

    private static final Pattern READS = Pattern.compile(
            "(Get|Find|Is)[A-Za-z]*Cmd(Typed)?|Create[A-Za-z]*QueryCmd|Execute[A-Za-z]*Filter[A-Za-z]*Cmd|Optimize[A-Za-z]*Cmd"
                    + "|CheckPassword|AuthorizationCheckCmd|DetermineHistoryLevelCmd");
    private static final Map<String, Verdict> WRITES = Map.of(
            "StartProcessInstanceCmd", Verdict.START,
            "SubmitStartFormCmd", Verdict.START,
            "CompleteTaskCmd", Verdict.COMPLETE,
            "SubmitTaskFormCmd", Verdict.COMPLETE,
            "ClaimTaskCmd", Verdict.CLAIM,
            "AssignTaskCmd", Verdict.ASSIGN,
            "AddCommentCmd", Verdict.COMMENT,
            "SetJobRetriesCmd", Verdict.RETRY_JOB);

    private CommandVerdicts() {}

    static Verdict of(Object command) {
        return of(command.getClass());
    }

    static Verdict of(Class<?> type) {
        if (Query.class.isAssignableFrom(type)) {
            return Verdict.READ;
        }
        String name = type.getSimpleName();
        if (!type.getName().startsWith("org.camunda.bpm.engine.")
                || name.isEmpty()
                || type.getName().contains("$")) {
            // mpgov's own, the webapps' plugins, and the engine's internal lambdas: not a door of the REST API
            return Verdict.READ;
        }
        if (WRITES.containsKey(name)) {
            return WRITES.get(name);
        }
        return READS.matcher(name).matches() ? Verdict.READ : Verdict.ADMIN;
    }
}
