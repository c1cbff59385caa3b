package io.mpgov.usage;

/**
 * AWS cannot say now whether products are used (e.g. Cost Explorer has no data yet). Never read as "unused":
 * a review that meets it fails and is retried, so nothing is removed for want of data.
 */
public class UsageUnavailableException extends RuntimeException {

    public UsageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
