package io.mpgov.catalog;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The queue's transactions: what must outlive a start that rolls back after AWS was asked, and what must not. */
class JdbcPmpChangeQueueTest {

    JdbcPmpChangeQueue queue;
    TransactionTemplate job;

    @BeforeEach
    void database() throws Exception {
        DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        try (Connection c = db.getConnection()) {
            ScriptUtils.executeSqlScript(c, new ClassPathResource("db/migration/V4__pmp_change_queue.sql"));
        }
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(db);
        queue = new JdbcPmpChangeQueue(new JdbcTemplate(db), transactions);
        job = new TransactionTemplate(transactions);
    }

    @Test
    void aStartThatRollsBackKeepsItsChangesAndTheirReservationButNotTheirChangeSet() {
        job.executeWithoutResult(t -> {
            queue.add(change("PR-1-allow-0", "prod-one00000001"), Instant.now());
            queue.add(change("PR-2-allow-0", "prod-two00000002"), Instant.now());
            queue.lockWriter();
            queue.reserve(List.of("PR-1-allow-0", "PR-2-allow-0"), "mpgov-batch-1");
            queue.sent(List.of("PR-1-allow-0", "PR-2-allow-0"), "cs-1", Instant.now());
            t.setRollbackOnly();
        });

        assertThat(queue.reservedFor("mpgov-batch-1")).extracting(PmpChangeQueue.Entry::token, PmpChangeQueue.Entry::changeSetId)
                .containsExactly(tuple("PR-1-allow-0", null), tuple("PR-2-allow-0", null));
        assertThat(queue.waiting(ProductChange.Type.ALLOW, "none", 50)).as("reserved changes are no one else's to send").isEmpty();
        assertThat(queue.lockWriter().changeSetId()).isNull();
    }

    @Test
    void aChangeSentAloneAfterASharedFailureIsFreeAgain() {
        queue.add(change("PR-1-allow-0", "prod-one00000001"), Instant.now());
        queue.reserve(List.of("PR-1-allow-0"), "mpgov-batch-1");
        queue.sent(List.of("PR-1-allow-0"), "cs-1", Instant.now());
        queue.waitAlone("PR-1-allow-0");

        PmpChangeQueue.Entry entry = queue.find("PR-1-allow-0").orElseThrow();
        assertThat(entry.batchToken()).isNull();
        assertThat(entry.changeSetId()).isNull();
        assertThat(entry.alone()).isTrue();
        assertThat(entry.products()).containsExactly(new ProductChange.Products(List.of("prod-one00000001"), "why"));
    }

    private static ProductChange change(String token, String productId) {
        return new ProductChange(ProductChange.Type.ALLOW, List.of(productId), "why", token);
    }
}
