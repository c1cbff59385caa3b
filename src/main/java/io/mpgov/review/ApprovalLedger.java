package io.mpgov.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The approvals a request holds: kind → who gave it, when, and the fingerprint of the fields it rested
 * on. Kept as a JSON text variable ({@code approvalLedger}) so Cockpit shows it as it is.
 */
final class ApprovalLedger {

    static final String VARIABLE = "approvalLedger";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Grant(String by, Date at, String fingerprint) {
    }

    private final Map<String, Grant> grants;

    private ApprovalLedger(Map<String, Grant> grants) {
        this.grants = grants;
    }

    static ApprovalLedger parse(Object json) {
        if (json == null || json.toString().isBlank()) {
            return new ApprovalLedger(new LinkedHashMap<>());
        }
        try {
            return new ApprovalLedger(JSON.readValue(json.toString(), new TypeReference<LinkedHashMap<String, Grant>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable " + VARIABLE + ": " + json, e);
        }
    }

    boolean stillValid(String kind, String fingerprint) {
        Grant grant = grants.get(kind);
        return grant != null && grant.fingerprint().equals(fingerprint);
    }

    /** Kinds other than {@code kind} that {@code user} approved on this request. */
    List<String> approvedByOtherThan(String user, String kind) {
        return grants.entrySet().stream().filter(e -> e.getValue().by().equals(user) && !e.getKey().equals(kind))
                .map(Map.Entry::getKey).toList();
    }

    void grant(String kind, String by, String fingerprint) {
        grants.put(kind, new Grant(by, new Date(), fingerprint));
    }

    void revoke(String kind) {
        grants.remove(kind);
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(grants);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
