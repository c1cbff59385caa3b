package io.mpgov;

import io.mpgov.support.PostgresTestDatabase;
import io.mpgov.support.PublicOfferScenario;
import io.mpgov.support.RequiresPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The public path end to end with the engine on PostgreSQL, in a schema of its own. */
@RequiresPostgres
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "it"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PostgresPersistenceIT extends PublicOfferScenario {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        String schema = PostgresTestDatabase.createSchema("mpgov_it_");
        registry.add("spring.datasource.url", () -> PostgresTestDatabase.URL + "?currentSchema=" + schema);
        registry.add("spring.datasource.username", () -> PostgresTestDatabase.USER);
        registry.add("spring.datasource.password", () -> "");
        registry.add("camunda.bpm.database.schema-name", () -> schema);
        registry.add("camunda.bpm.database.table-prefix", () -> schema + ".");
    }
}
