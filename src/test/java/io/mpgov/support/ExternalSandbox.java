package io.mpgov.support;

import io.mpgov.MpgovApplication;
import io.mpgov.aws.AwsEndpoint;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * mpgov nodes outside the test framework — on one PostgreSQL schema, against an AWS sandbox that
 * runs outside them, as AWS would: for restarts and for more than one node.
 */
@Configuration(proxyBeanMethods = false)
public class ExternalSandbox {

    /** Where every node's AWS clients go. */
    public static volatile URI endpoint;

    @Bean
    AwsEndpoint externalSandboxEndpoint() {
        return new AwsEndpoint(endpoint);
    }

    /** Starts a node (demo profile, sandbox off) on the schema; {@code more} are further --key=value arguments. */
    public static ConfigurableApplicationContext node(String schema, String... more) {
        List<String> arguments = new ArrayList<>(List.of(
                "--mpgov.sandbox.enabled=false", "--server.port=0", "--logging.level.root=WARN",
                "--spring.datasource.url=" + PostgresTestDatabase.URL + "?currentSchema=" + schema,
                "--spring.datasource.username=" + PostgresTestDatabase.USER, "--spring.datasource.password=",
                "--camunda.bpm.database.schema-name=" + schema, "--camunda.bpm.database.table-prefix=" + schema + "."));
        arguments.addAll(List.of(more));
        return new SpringApplicationBuilder(MpgovApplication.class, ExternalSandbox.class).profiles("demo")
                .logStartupInfo(false).run(arguments.toArray(String[]::new));
    }
}
