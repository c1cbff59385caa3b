package io.mpgov.license;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** {@link Entitlements} in mpgov_entitlement, in the caller's transaction (the job that plans). */
@Repository
class JdbcEntitlements implements Entitlements {

    private static final RowMapper<Entitlement> ROW = (rs, n) -> new Entitlement(
            rs.getString("entitlement_id"),
            rs.getString("product_id"),
            rs.getString("account_ids"),
            rs.getString("ou_id"),
            rs.getString("account_tag"));

    private final JdbcTemplate jdbc;

    JdbcEntitlements(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(Entitlement e) {
        int updated = jdbc.update(
                "update mpgov_entitlement set product_id = ?, account_ids = ?, ou_id = ?, account_tag = ?, "
                        + "recorded_at = ? where entitlement_id = ?",
                e.productId(),
                e.accountIds(),
                e.ouId(),
                e.tag(),
                now(),
                e.id());
        if (updated == 0) {
            jdbc.update(
                    "insert into mpgov_entitlement (entitlement_id, product_id, account_ids, ou_id, account_tag, recorded_at) "
                            + "values (?, ?, ?, ?, ?, ?)",
                    e.id(),
                    e.productId(),
                    e.accountIds(),
                    e.ouId(),
                    e.tag(),
                    now());
        }
    }

    @Override
    public List<Entitlement> forProduct(String productId) {
        return jdbc.query(
                "select * from mpgov_entitlement where product_id = ? order by entitlement_id", ROW, productId);
    }

    @Override
    public List<String> products() {
        return jdbc.queryForList("select distinct product_id from mpgov_entitlement order by product_id", String.class);
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}
