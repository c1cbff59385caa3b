package io.mpgov;

import static org.assertj.core.api.Assertions.assertThat;

import io.mpgov.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Configured as operations configure it (secrets in the environment), with the configuration logged at
 * DEBUG: no secret appears in the log, and no actuator endpoint shows the configuration.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "mpgov.catalog.experience-id=exp-test",
            "mpgov.notification.from=mpgov@example.com",
            "mpgov.events.secret=" + SecretsNotLoggedIT.EVENTS_SECRET,
            "camunda.bpm.admin-user.id=ops",
            "camunda.bpm.admin-user.password=" + SecretsNotLoggedIT.ADMIN_PASSWORD,
            "logging.level.org.camunda.bpm.spring.boot=DEBUG",
            "logging.level.io.mpgov=DEBUG",
            "logging.level.org.springframework.boot.context.config=DEBUG"
        })
@ActiveProfiles({"aws", "it"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SecretsNotLoggedIT {

    static final String EVENTS_SECRET = "events-secret-7f3a9c";
    static final String ADMIN_PASSWORD = "admin-secret-91b2e4";

    @LocalServerPort
    int port;

    @Test
    void secretsAreNeitherLoggedNorServed(CapturedOutput output) {
        Http http = new Http(port);
        assertThat(http.post("/api/events", null, "{}").status())
                .as("the intake is on")
                .isNotEqualTo(404);
        assertThat(http.get("/engine-rest/user/ops/profile", "ops:" + ADMIN_PASSWORD)
                        .status())
                .as("the admin exists")
                .isEqualTo(200);

        assertThat(output.getAll()).doesNotContain(EVENTS_SECRET).doesNotContain(ADMIN_PASSWORD);
        for (String endpoint : new String[] {"env", "configprops", "beans", "heapdump", "loggers"}) {
            assertThat(http.get("/actuator/" + endpoint, "ops:" + ADMIN_PASSWORD)
                            .status())
                    .as(endpoint)
                    .isEqualTo(404);
        }
    }
}
