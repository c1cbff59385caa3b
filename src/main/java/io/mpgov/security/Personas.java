package io.mpgov.security;

import java.util.List;

/** The Camunda groups that stand for mpgov's personas. Their ids are part of the contract; what they may do is {@link AccessPolicy}'s. */
public final class Personas {

    public static final String REQUESTER = "requester";
    public static final String PROCUREMENT_MANAGER = "procurement-manager";
    public static final String PMP_ADMIN = "pmp-admin";
    public static final String SOFTWARE_MANAGER = "software-manager";
    public static final String LEGAL = "legal";
    public static final String FINANCE = "finance";
    public static final String SECURITY = "security";
    public static final String AUDITOR = "auditor";

    public static final List<String> ALL =
            List.of(REQUESTER, PROCUREMENT_MANAGER, PMP_ADMIN, SOFTWARE_MANAGER, LEGAL, FINANCE, SECURITY, AUDITOR);

    private Personas() {}

    /** What people call a group: the policy's name of a persona, else the group's id. */
    public static String displayName(String group) {
        return ALL.contains(group) ? AccessPolicy.standard().persona(group).name() : group;
    }
}
