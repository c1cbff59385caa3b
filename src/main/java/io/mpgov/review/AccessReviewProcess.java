package io.mpgov.review;

/** The contract of the {@code access-review} process: key and variables. */
public final class AccessReviewProcess {

    public static final String KEY = "access-review";
    public static final String MESSAGE_REVIEW_REQUESTED = "AccessReviewRequested";
    /** Out of the listing: one map per membership (userId, name, group, lastActivity, awsRole), and as text for the form. */
    public static final String MEMBERS = "members";

    public static final String MEMBERS_TEXT = "membersText";
    /** In from security's attestation: memberships to remove, {@code user@group}, comma- or line-separated; empty: keep all. */
    public static final String REMOVALS = "accessRemovals";
    /** Out: what was removed in mpgov and what to do in AWS. */
    public static final String REPORT = "accessReviewReport";

    public static final String AWS_ACTIONS = "awsActions";

    private AccessReviewProcess() {}
}
