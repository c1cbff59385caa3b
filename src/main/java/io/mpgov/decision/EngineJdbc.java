package io.mpgov.decision;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * SQL on the engine's own connection, inside the engine command that runs now: what mpgov records
 * about a decision commits and rolls back with the engine's work, and no API outside the engine's
 * listeners and delegates can write it.
 */
public final class EngineJdbc {

    /** Reads one row into a value. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    private EngineJdbc() {}

    public static int update(String sql, Object... values) {
        try (PreparedStatement statement = connection().prepareStatement(sql)) {
            bind(statement, values);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("mpgov could not record what the engine decided: " + e.getMessage(), e);
        }
    }

    public static <T> List<T> query(String sql, Row<T> row, Object... values) {
        try (PreparedStatement statement = connection().prepareStatement(sql)) {
            bind(statement, values);
            List<T> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(row.read(result));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("mpgov could not read its record: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i] instanceof Date date && !(date instanceof Timestamp)
                    ? new Timestamp(date.getTime())
                    : values[i];
            if (value == null) {
                statement.setNull(i + 1, Types.VARCHAR);
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }

    private static Connection connection() {
        CommandContext context = Context.getCommandContext();
        if (context == null) {
            throw new IllegalStateException(
                    "mpgov's decision records are read and written inside an engine command only");
        }
        return context.getDbSqlSession().getSqlSession().getConnection();
    }
}
