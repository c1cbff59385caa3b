package io.mpgov.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The PostgreSQL the persistence tests use; override with MPGOV_TEST_PG_URL / MPGOV_TEST_PG_USER. */
public final class PostgresTestDatabase {

    public static final String URL = System.getenv().getOrDefault("MPGOV_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = System.getenv().getOrDefault("MPGOV_TEST_PG_USER", "postgres");

    private PostgresTestDatabase() {
    }

    /** A fresh schema for one test run; schemas of earlier runs with the same prefix are dropped first. */
    public static String createSchema(String prefix) {
        String schema = prefix + System.currentTimeMillis();
        try (Connection c = DriverManager.getConnection(URL, USER, ""); Statement s = c.createStatement()) {
            List<String> old = new ArrayList<>();
            try (var rows = s.executeQuery("select nspname from pg_namespace where nspname like '" + prefix + "%'")) {
                while (rows.next()) {
                    old.add(rows.getString(1));
                }
            }
            for (String name : old) {
                s.execute("drop schema if exists " + name + " cascade");
            }
            s.execute("create schema " + schema);
            return schema;
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + URL + " is required for this test: " + e.getMessage(), e);
        }
    }
}
