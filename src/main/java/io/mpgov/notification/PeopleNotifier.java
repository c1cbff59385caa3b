package io.mpgov.notification;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

import java.util.Map;

/** Tells a person (a Camunda user, by id) what happened, by mail to the address in their profile. */
@Service
public class PeopleNotifier {

    private final IdentityService identity;
    private final MailTemplates templates;
    private final NotificationPort port;

    PeopleNotifier(IdentityService identity, MailTemplates templates, NotificationPort port) {
        this.identity = identity;
        this.templates = templates;
        this.port = port;
    }

    /** @throws IllegalStateException when the user is unknown or has no address: retried, then an incident */
    public String notify(String userId, String template, Map<String, Object> variables) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user == null || user.getEmail() == null || user.getEmail().isBlank()) {
            throw new IllegalStateException("Cannot notify user '" + userId + "': unknown or without e-mail address");
        }
        return port.send(templates.render(template, user.getEmail(), variables));
    }
}
