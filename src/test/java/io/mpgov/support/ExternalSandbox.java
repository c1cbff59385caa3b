package io.mpgov.support;

import io.mpgov.MpgovApplication;
import io.mpgov.aws.AwsEndpoint;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * mpgov nodes outside the test framework — on one PostgreSQL schema, against an AWS sandbox that runs
 * outside them, as AWS would: for restarts and for more than one node. (Not a @Configuration: the
 * tests' component scan would pick it up for every other context.)
 */
public final class ExternalSandbox {

    private ExternalSandbox() {}

    /** Starts a node (demo profile, sandbox off) on the schema; {@code more} are further --key=value arguments. */
    public static ConfigurableApplicationContext node(URI sandbox, String schema, String... more) {
        List<String> arguments = new ArrayList<>(List.of(
                "--mpgov.sandbox.enabled=false",
                "--server.port=0",
                "--logging.level.root=WARN",
                "--spring.datasource.url=" + PostgresTestDatabase.URL + "?currentSchema=" + schema,
                "--spring.datasource.username=" + PostgresTestDatabase.USER,
                "--spring.datasource.password=",
                "--camunda.bpm.database.schema-name=" + schema,
                "--camunda.bpm.database.table-prefix=" + schema + "."));
        arguments.addAll(List.of(more));
        return new SpringApplicationBuilder(MpgovApplication.class)
                .profiles("demo")
                .logStartupInfo(false)
                .initializers(context ->
                        context.getBeanFactory().registerSingleton("externalSandbox", new AwsEndpoint(sandbox)))
                .run(arguments.toArray(String[]::new));
    }
}
