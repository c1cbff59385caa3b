package io.mpgov.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Tests about persistence run on the PostgreSQL at 127.0.0.1:5432 (database test, user postgres, trust
 * auth). Under CI=true they always run, so an unreachable database fails loudly; elsewhere they are
 * skipped with a message saying why.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresPostgres.Condition.class)
public @interface RequiresPostgres {

    class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                return ConditionEvaluationResult.enabled("CI=true: PostgreSQL tests must run");
            }
            DriverManager.setLoginTimeout(3);
            try (Connection ignored =
                    DriverManager.getConnection(PostgresTestDatabase.URL, PostgresTestDatabase.USER, "")) {
                return ConditionEvaluationResult.enabled("PostgreSQL reachable at " + PostgresTestDatabase.URL);
            } catch (SQLException e) {
                return ConditionEvaluationResult.disabled(
                        "Skipped: PostgreSQL at " + PostgresTestDatabase.URL + " is not reachable (" + e.getMessage()
                                + "). Start it, or set CI=true to make this a failure.");
            }
        }
    }
}
