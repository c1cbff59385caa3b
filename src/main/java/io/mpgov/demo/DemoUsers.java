package io.mpgov.demo;

import io.mpgov.security.Personas;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: one user per persona, named like the group, plus a second requester — all with
 * password {@code demo}. No other profile creates users.
 */
@Component
@Profile("demo")
@Order(1)
class DemoUsers extends AbstractProcessEnginePlugin {

    static final String PASSWORD = "demo";
    static final String MAIL_DOMAIN = "demo.mpgov.example";

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        IdentityService identity = engine.getIdentityService();
        Map<String, String> users = new LinkedHashMap<>();
        Personas.ALL.forEach(group -> users.put(group, group));
        users.put("requester2", Personas.REQUESTER);
        users.forEach((userId, group) -> {
            if (identity.createUserQuery().userId(userId).count() == 0) {
                User user = identity.newUser(userId);
                user.setFirstName(Personas.displayName(group).replaceAll("s$", ""));
                user.setLastName("(demo " + userId + ")");
                user.setEmail(userId + "@" + MAIL_DOMAIN);
                user.setPassword(PASSWORD);
                identity.saveUser(user);
                identity.createMembership(userId, group);
            }
        });
    }
}
