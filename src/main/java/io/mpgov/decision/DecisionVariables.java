package io.mpgov.decision;

/**
 * How every review or approval task in mpgov records its outcome, so the REST API, the audit export
 * and scripts read outcomes the same way: the form sets {@code decision} and {@code comment}; on
 * completion they are kept task-local only, together with who decided and when, and recorded as a
 * {@link DecisionRecord}.
 */
public final class DecisionVariables {

    /** APPROVE, REJECT or REQUEST_CHANGES. */
    public static final String DECISION = "decision";

    public static final String COMMENT = "comment";
    public static final String DECIDED_BY = "decidedBy";
    public static final String DECIDED_AT = "decidedAt";

    private DecisionVariables() {}
}
