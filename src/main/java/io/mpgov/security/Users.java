package io.mpgov.security;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who is acting on the engine, and their groups (looked up when the authentication did not bring them). */
public final class Users {

    private Users() {}

    public static String current(ProcessEngineServices engine) {
        Authentication current = engine.getIdentityService().getCurrentAuthentication();
        return current == null ? null : current.getUserId();
    }

    public static List<String> currentGroups(ProcessEngineServices engine) {
        Authentication current = engine.getIdentityService().getCurrentAuthentication();
        if (current == null) {
            return List.of();
        }
        return current.getGroupIds() != null ? current.getGroupIds() : groups(engine, current.getUserId());
    }

    public static List<String> groups(ProcessEngineServices engine, String user) {
        return engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId)
                .toList();
    }
}
