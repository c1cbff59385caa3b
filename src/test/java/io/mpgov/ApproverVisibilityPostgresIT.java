package io.mpgov;

import io.mpgov.support.PostgresTestDatabase;
import io.mpgov.support.RequiresPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link ApproverVisibilityIT} on PostgreSQL, with the engine's tables in a schema: the visibility rule is SQL. */
@RequiresPostgres
class ApproverVisibilityPostgresIT extends ApproverVisibilityIT {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        String schema = PostgresTestDatabase.createSchema("mpgov_vis_");
        registry.add("spring.datasource.url", () -> PostgresTestDatabase.URL + "?currentSchema=" + schema);
        registry.add("spring.datasource.username", () -> PostgresTestDatabase.USER);
        registry.add("spring.datasource.password", () -> "");
        registry.add("camunda.bpm.database.schema-name", () -> schema);
        registry.add("camunda.bpm.database.table-prefix", () -> schema + ".");
    }
}
