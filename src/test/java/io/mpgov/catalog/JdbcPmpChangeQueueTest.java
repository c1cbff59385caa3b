package io.mpgov.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

/** The queue's transactions: what must outlive a start that rolls back after AWS was asked, and what must not. */
class JdbcPmpChangeQueueTest {

    JdbcPmpChangeQueue queue;
    TransactionTemplate job;

    @BeforeEach
    void database() {
        H2PmpChangeQueue h2 = new H2PmpChangeQueue();
        queue = h2.queue;
        job = new TransactionTemplate(h2.transactions);
    }

    @Test
    void aStartThatRollsBackKeepsItsChangesAndTheirReservationButNotTheirChangeSet() {
        job.executeWithoutResult(t -> {
            queue.enqueue(change("PR-1-allow-0", "prod-one00000001"), Instant.now());
            queue.enqueue(change("PR-2-allow-0", "prod-two00000002"), Instant.now());
            queue.lockWriter();
            queue.reserve(List.of("PR-1-allow-0", "PR-2-allow-0"), "mpgov-batch-1");
            queue.sent(List.of("PR-1-allow-0", "PR-2-allow-0"), "cs-1", Instant.now());
            t.setRollbackOnly();
        });

        assertThat(queue.reservedFor("mpgov-batch-1"))
                .extracting(PmpChangeQueue.Entry::token, PmpChangeQueue.Entry::changeSetId)
                .containsExactly(tuple("PR-1-allow-0", null), tuple("PR-2-allow-0", null));
        assertThat(queue.waiting(ProductChange.Type.ALLOW, null, "none", 50))
                .as("reserved changes are no one else's to send")
                .isEmpty();
        assertThat(queue.lockWriter().changeSetId()).isNull();
    }

    @Test
    void aChangeSentAloneAfterASharedFailureIsFreeAgain() {
        queue.enqueue(change("PR-1-allow-0", "prod-one00000001"), Instant.now());
        queue.reserve(List.of("PR-1-allow-0"), "mpgov-batch-1");
        queue.sent(List.of("PR-1-allow-0"), "cs-1", Instant.now());
        queue.waitAlone("PR-1-allow-0");

        PmpChangeQueue.Entry entry = queue.find("PR-1-allow-0").orElseThrow();
        assertThat(entry.batchToken()).isNull();
        assertThat(entry.changeSetId()).isNull();
        assertThat(entry.alone()).isTrue();
        assertThat(entry.products()).containsExactly(new ProductChange.Products(List.of("prod-one00000001"), "why"));
    }

    @Test
    void enqueueingARetriedChangeAgainLeavesItAsItStands() {
        queue.enqueue(change("PR-1-allow-0", "prod-one00000001"), Instant.now());
        queue.reserve(List.of("PR-1-allow-0"), "PR-1-allow-0");
        queue.enqueue(change("PR-1-allow-0", "prod-one00000001"), Instant.now());

        assertThat(queue.reservedFor("PR-1-allow-0"))
                .singleElement()
                .satisfies(e -> assertThat(e.shared()).isFalse());
    }

    private static ProductChange change(String token, String productId) {
        return new ProductChange(ProductChange.Type.ALLOW, List.of(productId), "why", token);
    }
}
