package io.mpgov.organization;

/** @param state ACTIVE, SUSPENDED, PENDING_CLOSURE, CLOSED or PENDING_ACTIVATION */
public record MemberAccount(String id, String name, String state) {

    public boolean active() {
        return "ACTIVE".equals(state);
    }
}
