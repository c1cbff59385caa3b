package io.mpgov.events;

/**
 * What mpgov did with an event.
 *
 * @param note human-readable detail: the request started, the instances correlated, why it was refused
 */
public record EventOutcome(String eventId, Status status, String note) {

    public enum Status {
        /** Acted on: a request started, or a decision recorded on a request. */
        ACCEPTED,
        /** Valid, but nothing to do (no request for it, or the request exists already). */
        IGNORED,
        /** Seen before (same event id): acknowledged, not processed again. */
        DUPLICATE,
        /** Malformed or unsupported: recorded, nothing processed. */
        REJECTED
    }
}
