package io.mpgov.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The PostgreSQL the persistence tests use; override with MPGOV_TEST_PG_URL / MPGOV_TEST_PG_USER. */
public final class PostgresTestDatabase {

    public static final String URL =
            System.getenv().getOrDefault("MPGOV_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = System.getenv().getOrDefault("MPGOV_TEST_PG_USER", "postgres");

    private PostgresTestDatabase() {}

    /** A build that ran longer than this is over: its schemas are left-overs. */
    private static final long STALE_AFTER_MS = 6 * 60 * 60 * 1000L;

    /**
     * A fresh schema for one test run, named by prefix and creation time. Schemas of earlier runs with the
     * same prefix are dropped once they are stale only: another build on this machine may be using a newer one.
     */
    public static String createSchema(String prefix) {
        long now = System.currentTimeMillis();
        String schema = prefix + now;
        try (Connection c = DriverManager.getConnection(URL, USER, "");
                Statement s = c.createStatement()) {
            List<String> old = new ArrayList<>();
            try (var rows = s.executeQuery("select nspname from pg_namespace where nspname like '" + prefix + "%'")) {
                while (rows.next()) {
                    String name = rows.getString(1);
                    if (createdAt(name, prefix) < now - STALE_AFTER_MS) {
                        old.add(name);
                    }
                }
            }
            for (String name : old) {
                s.execute("drop schema if exists " + name + " cascade");
            }
            s.execute("create schema " + schema);
            return schema;
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL at " + URL + " is required for this test: " + e.getMessage(), e);
        }
    }

    /** The creation time in a schema's name; a name of another shape counts as old. */
    private static long createdAt(String schema, String prefix) {
        String suffix = schema.substring(prefix.length());
        return suffix.matches("\\d{13}") ? Long.parseLong(suffix) : 0;
    }
}
