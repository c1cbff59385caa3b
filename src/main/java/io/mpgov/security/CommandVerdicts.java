package io.mpgov.security;

import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.query.Query;

/**
 * What the engine gate does with each engine command a signed-in user runs. Deny by default: a
 * command of the engine that is neither a read, nor one of the few writes personas need, nor one that
 * Camunda's own authorizations govern (identity, filters, authorizations, decisions) is for
 * camunda-admin only — so a door the engine adds in a later version starts closed.
 */
final class CommandVerdicts {

    enum Verdict {
        /** Reads: queries and getters. Camunda's authorizations decide what they show. */
        READ,
        /** Starting a process: only the start form's fields, no business key. */
        START,
        /** Completing a task: only the task form's own fields may change anything. */
        COMPLETE,
        /** Writes personas need, guarded by authorizations and the task guard (claim, assign, retry, comment). */
        PERSONA,
        /** Writes Camunda's authorizations govern and personas hold no grant for. */
        GOVERNED,
        /** Everything else the engine can do to running processes: camunda-admin only. */
        ADMIN
    }

    private static final Pattern READS = Pattern.compile(
            "(Get|Find|Is)[A-Za-z]*Cmd(Typed)?|Create[A-Za-z]*QueryCmd|Execute[A-Za-z]*Filter[A-Za-z]*Cmd|Optimize[A-Za-z]*Cmd"
                    + "|CheckPassword|AuthorizationCheckCmd|DetermineHistoryLevelCmd");
    private static final Set<String> STARTS = Set.of("StartProcessInstanceCmd", "SubmitStartFormCmd");
    private static final Set<String> COMPLETIONS = Set.of("CompleteTaskCmd", "SubmitTaskFormCmd");
    private static final Set<String> PERSONA_WRITES =
            Set.of("ClaimTaskCmd", "AssignTaskCmd", "SetJobRetriesCmd", "AddCommentCmd");
    private static final Set<String> GOVERNED_WRITES = Set.of(
            "CreateUserCmd",
            "SaveUserCmd",
            "DeleteUserCmd",
            "UnlockUserCmd",
            "SetUserInfoCmd",
            "DeleteUserInfoCmd",
            "SetUserPictureCmd",
            "DeleteUserPictureCmd",
            "CreateGroupCmd",
            "SaveGroupCmd",
            "DeleteGroupCmd",
            "CreateMembershipCmd",
            "DeleteMembershipCmd",
            "CreateTenantCmd",
            "SaveTenantCmd",
            "DeleteTenantCmd",
            "CreateTenantUserMembershipCmd",
            "DeleteTenantUserMembershipCmd",
            "CreateTenantGroupMembershipCmd",
            "DeleteTenantGroupMembershipCmd",
            "CreateFilterCmd",
            "SaveFilterCmd",
            "DeleteFilterCmd",
            "CreateAuthorizationCommand",
            "SaveAuthorizationCmd",
            "DeleteAuthorizationCmd",
            "EvaluateDecisionCmd",
            "EvaluateDecisionTableCmd");

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
        if (STARTS.contains(name)) {
            return Verdict.START;
        }
        if (COMPLETIONS.contains(name)) {
            return Verdict.COMPLETE;
        }
        if (PERSONA_WRITES.contains(name)) {
            return Verdict.PERSONA;
        }
        if (GOVERNED_WRITES.contains(name)) {
            return Verdict.GOVERNED;
        }
        return READS.matcher(name).matches() ? Verdict.READ : Verdict.ADMIN;
    }
}
