package io.mpgov.security;

import java.util.List;

/** The Camunda groups that stand for mpgov's personas. Their ids are part of the contract. */
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

    /** Personas that work on tasks in Tasklist (the auditor only reads). */
    public static final List<String> TASK_WORKERS =
            ALL.stream().filter(g -> !g.equals(AUDITOR)).toList();

    private Personas() {}

    public static String displayName(String group) {
        return switch (group) {
            case REQUESTER -> "Requesters";
            case PROCUREMENT_MANAGER -> "Procurement managers";
            case PMP_ADMIN -> "Private Marketplace administrators";
            case SOFTWARE_MANAGER -> "Software managers";
            case LEGAL -> "Legal";
            case FINANCE -> "Finance";
            case SECURITY -> "Security";
            case AUDITOR -> "Auditors";
            default -> group;
        };
    }
}
