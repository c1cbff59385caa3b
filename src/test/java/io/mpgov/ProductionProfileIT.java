package io.mpgov;

import static org.assertj.core.api.Assertions.assertThat;

import io.mpgov.security.Personas;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The aws profile (on the tests' H2): the persona groups and their authorizations exist, and the only user is
 * the administrator operations configured.
 */
@SpringBootTest(
        properties = {
            "mpgov.catalog.experience-id=exp-test",
            "mpgov.notification.from=mpgov@example.com",
            "camunda.bpm.admin-user.id=ops",
            "camunda.bpm.admin-user.password=ops-secret",
            "camunda.bpm.job-execution.enabled=false"
        })
@ActiveProfiles({"aws", "it"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ProductionProfileIT {

    @Autowired
    IdentityService identity;

    @Autowired
    AuthorizationService authorizations;

    @Test
    void personaGroupsAndAuthorizationsButNoUserButTheAdministrator() {
        assertThat(identity.createUserQuery().list()).extracting(u -> u.getId()).containsExactly("ops");
        assertThat(identity.createGroupQuery()
                        .groupIdIn(Personas.ALL.toArray(String[]::new))
                        .count())
                .isEqualTo(Personas.ALL.size());
        assertThat(authorizations
                        .createAuthorizationQuery()
                        .groupIdIn(Personas.REQUESTER)
                        .count())
                .isPositive();
    }
}
