package io.mpgov.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/** The real {@link JdbcPmpChangeQueue} on a fresh in-memory H2 database with mpgov's migrations of it applied. */
final class H2PmpChangeQueue {

    final DataSourceTransactionManager transactions;
    final JdbcPmpChangeQueue queue;

    H2PmpChangeQueue() {
        DriverManagerDataSource db =
                new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        try (Connection c = db.getConnection()) {
            for (String migration : new String[] {
                "V4__pmp_change_queue.sql", "V5__pmp_change_batch_token.sql", "V7_1__pmp_change_experience.sql"
            }) {
                ScriptUtils.executeSqlScript(c, new ClassPathResource("db/migration/" + migration));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        transactions = new DataSourceTransactionManager(db);
        queue = new JdbcPmpChangeQueue(new JdbcTemplate(db), transactions);
    }
}
