package io.mpgov.catalog;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The changes mpgov wants made to the Private Marketplace, each under its process's token, waiting
 * for or sent in a change set; and the one writer lock mpgov's nodes take to start a change set.
 * Everything happens in the caller's transaction except {@link #enqueue} and {@link #reserve}, which
 * must outlive it: AWS may accept a change set whose caller then rolls back.
 */
interface PmpChangeQueue {

    /**
     * A change a process asked for; {@code batchToken} is the token of the change set it is reserved for
     * (null while free, its own token when it goes alone), {@code changeSetId} null until that change set
     * was started; {@code alone}: it may not share its next change set; {@code experienceId} the experience it
     * changes (null: the primary one).
     */
    record Entry(
            String token,
            ProductChange.Type type,
            List<ProductChange.Products> products,
            String batchToken,
            String changeSetId,
            boolean alone,
            String experienceId) {

        Entry(
                String token,
                ProductChange.Type type,
                List<ProductChange.Products> products,
                String batchToken,
                String changeSetId,
                boolean alone) {
            this(token, type, products, batchToken, changeSetId, alone, null);
        }

        /** It went out together with other changes. */
        boolean shared() {
            return batchToken != null && !batchToken.equals(token);
        }
    }

    /** The change set mpgov started last and when it was last seen running (null when none runs). */
    record Writer(String changeSetId, Instant checkedAt) {}

    Optional<Entry> find(String token);

    /** Enqueues the change unless it is already there, committed at once (in a transaction of its own). */
    void enqueue(ProductChange change, Instant at);

    /** Waits for, then holds until the transaction ends, the lock under which change sets are started. */
    Writer lockWriter();

    /**
     * The oldest free entries of this type on this experience (null: the primary one) that may share a change
     * set, other than {@code exceptToken}.
     */
    List<Entry> waiting(ProductChange.Type type, String experienceId, String exceptToken, int limit);

    /** Reserves the entries for the change set under {@code batchToken}, committed at once (in a transaction of its own). */
    void reserve(Collection<String> tokens, String batchToken);

    /** The entries reserved for the change set under {@code batchToken}, by token. */
    List<Entry> reservedFor(String batchToken);

    /** The entries went out in this change set, which now runs. */
    void sent(Collection<String> tokens, String changeSetId, Instant at);

    /** The change set still runs (seen at {@code at}). */
    void running(String changeSetId, Instant at);

    /** The change set ended: mpgov may start the next one. */
    void ended(String changeSetId);

    /** The entry is free again, to go out in a change set of its own. */
    void waitAlone(String token);
}
