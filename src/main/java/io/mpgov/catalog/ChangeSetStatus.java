package io.mpgov.catalog;

import java.util.List;

/**
 * @param status      PREPARING, APPLYING, SUCCEEDED, FAILED or CANCELLED
 * @param failureCode CLIENT_ERROR or SERVER_FAULT when FAILED
 * @param errors      "ERROR_CODE: message" per failed change
 */
public record ChangeSetStatus(String changeSetId, String status, String failureCode, List<String> errors) {

    /** SUCCEEDED, FAILED or CANCELLED: the change set will not change any more. */
    public boolean ended() {
        return status.equals("SUCCEEDED") || status.equals("FAILED") || status.equals("CANCELLED");
    }

    public boolean succeeded() {
        return status.equals("SUCCEEDED");
    }
}
