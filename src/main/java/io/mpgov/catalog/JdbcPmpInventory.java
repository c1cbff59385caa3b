package io.mpgov.catalog;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** {@link PmpInventory} in mpgov_pmp_product, in the caller's transaction. */
@Repository
class JdbcPmpInventory implements PmpInventory {

    private static final RowMapper<PmpProduct> ROW = (rs, n) -> new PmpProduct(
            rs.getString("product_id"),
            rs.getString("offer_type"),
            rs.getString("origin"),
            rs.getString("request_id"),
            rs.getString("requester"),
            instant(rs.getTimestamp("added_at")),
            instant(rs.getTimestamp("last_used_at")),
            instant(rs.getTimestamp("removed_at")),
            rs.getString("removal_reason"));

    private final JdbcTemplate jdbc;

    JdbcPmpInventory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<PmpProduct> find(String productId) {
        return jdbc.query("select * from mpgov_pmp_product where product_id = ?", ROW, productId).stream()
                .findFirst();
    }

    @Override
    public void save(PmpProduct p) {
        Object[] values = {
            p.offerType(),
            p.origin(),
            p.requestId(),
            p.requester(),
            timestamp(p.addedAt()),
            timestamp(p.lastUsedAt()),
            timestamp(p.removedAt()),
            p.removalReason(),
            p.productId()
        };
        if (jdbc.update(
                        "update mpgov_pmp_product set offer_type = ?, origin = ?, request_id = ?, requester = ?, added_at = ?, "
                                + "last_used_at = ?, removed_at = ?, removal_reason = ? where product_id = ?",
                        values)
                == 0) {
            jdbc.update(
                    "insert into mpgov_pmp_product (offer_type, origin, request_id, requester, added_at, last_used_at, "
                            + "removed_at, removal_reason, product_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    values);
        }
    }

    @Override
    public List<PmpProduct> all() {
        return jdbc.query("select * from mpgov_pmp_product order by product_id", ROW);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Timestamp timestamp(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
