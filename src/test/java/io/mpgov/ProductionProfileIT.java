package io.mpgov;

import io.mpgov.security.Personas;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** Outside the demo profile: the persona groups and their authorizations exist, but no user does. */
@SpringBootTest(properties = {"mpgov.catalog.experience-id=exp-test", "mpgov.notification.from=mpgov@example.com",
        "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("it")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ProductionProfileIT {

    @Autowired
    IdentityService identity;
    @Autowired
    AuthorizationService authorizations;

    @Test
    void personaGroupsAndAuthorizationsButNoUsers() {
        assertThat(identity.createUserQuery().count()).isZero();
        assertThat(identity.createGroupQuery().groupIdIn(Personas.ALL.toArray(String[]::new)).count())
                .isEqualTo(Personas.ALL.size());
        assertThat(authorizations.createAuthorizationQuery().groupIdIn(Personas.REQUESTER).count()).isPositive();
    }
}
