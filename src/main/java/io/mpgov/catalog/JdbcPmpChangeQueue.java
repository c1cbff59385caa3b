package io.mpgov.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link PmpChangeQueue} in mpgov_pmp_change and mpgov_pmp_writer (one row, the lock), in the caller's
 * transaction; {@code enqueue} and {@code reserve} in one of their own.
 */
@Repository
class JdbcPmpChangeQueue implements PmpChangeQueue {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<ProductChange.Products>> PRODUCTS = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final RowMapper<Entry> row = (rs, n) -> new Entry(
            rs.getString("client_token"),
            ProductChange.Type.valueOf(rs.getString("change_type")),
            products(rs.getString("products")),
            rs.getString("batch_token"),
            rs.getString("change_set_id"),
            rs.getBoolean("alone"),
            rs.getString("experience_id"));

    JdbcPmpChangeQueue(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public Optional<Entry> find(String token) {
        return jdbc.query("select * from mpgov_pmp_change where client_token = ?", row, token).stream()
                .findFirst();
    }

    @Override
    public void enqueue(ProductChange change, Instant at) {
        String products;
        try {
            products = JSON.writeValueAsString(change.products());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // A retried start finds its change already there: one statement, no read first.
        ownTransaction.executeWithoutResult(t -> jdbc.update(
                "insert into mpgov_pmp_change (client_token, change_type, products, "
                        + "alone, enqueued_at, experience_id) select ?, ?, ?, ?, ?, ? where not exists (select 1 from mpgov_pmp_change where client_token = ?)",
                change.clientToken(),
                change.type().name(),
                products,
                false,
                Timestamp.from(at),
                change.experienceId(),
                change.clientToken()));
    }

    @Override
    public Writer lockWriter() {
        return jdbc.queryForObject(
                "select change_set_id, checked_at from mpgov_pmp_writer where id = 1 for update",
                (rs, n) -> new Writer(
                        rs.getString(1),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()));
    }

    @Override
    public List<Entry> waiting(ProductChange.Type type, String experienceId, String exceptToken, int limit) {
        return jdbc.query(
                "select * from mpgov_pmp_change where batch_token is null and change_type = ? and alone = ? "
                        + "and coalesce(experience_id, '') = ? and client_token <> ? order by enqueued_at, client_token limit ?",
                row,
                type.name(),
                false,
                experienceId == null ? "" : experienceId,
                exceptToken,
                limit);
    }

    @Override
    public void reserve(Collection<String> tokens, String batchToken) {
        ownTransaction.executeWithoutResult(t -> new NamedParameterJdbcTemplate(jdbc)
                .update(
                        "update mpgov_pmp_change set batch_token = :batch where client_token in (:tokens)",
                        new MapSqlParameterSource("batch", batchToken).addValue("tokens", tokens)));
    }

    @Override
    public List<Entry> reservedFor(String batchToken) {
        return jdbc.query(
                "select * from mpgov_pmp_change where batch_token = ? order by client_token", row, batchToken);
    }

    @Override
    public void sent(Collection<String> tokens, String changeSetId, Instant at) {
        new NamedParameterJdbcTemplate(jdbc)
                .update(
                        "update mpgov_pmp_change set change_set_id = :id where client_token in (:tokens)",
                        new MapSqlParameterSource("id", changeSetId).addValue("tokens", tokens));
        jdbc.update(
                "update mpgov_pmp_writer set change_set_id = ?, checked_at = ? where id = 1",
                changeSetId,
                Timestamp.from(at));
    }

    @Override
    public void running(String changeSetId, Instant at) {
        jdbc.update(
                "update mpgov_pmp_writer set checked_at = ? where id = 1 and change_set_id = ?",
                Timestamp.from(at),
                changeSetId);
    }

    @Override
    public void ended(String changeSetId) {
        jdbc.update(
                "update mpgov_pmp_writer set change_set_id = null, checked_at = null where id = 1 and change_set_id = ?",
                changeSetId);
    }

    @Override
    public void waitAlone(String token) {
        jdbc.update(
                "update mpgov_pmp_change set batch_token = null, change_set_id = null, alone = ? where client_token = ?",
                true,
                token);
    }

    private static List<ProductChange.Products> products(String json) {
        try {
            return JSON.readValue(json, PRODUCTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
