package io.mpgov.notification;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Tells people (Camunda users, or every member of a group) what happened, by mail to their profile address. */
@Service
public class PeopleNotifier {

    private static final Logger log = LoggerFactory.getLogger(PeopleNotifier.class);
    static final String GROUP_PREFIX = "group:";

    private final IdentityService identity;
    private final MailTemplates templates;
    private final NotificationPort port;

    PeopleNotifier(IdentityService identity, MailTemplates templates, NotificationPort port) {
        this.identity = identity;
        this.templates = templates;
        this.port = port;
    }

    /**
     * @param recipients user ids and {@code group:<id>} entries
     * @throws IllegalStateException when nobody named has an address: retried, then an incident
     */
    public String notify(List<String> recipients, String template, Map<String, Object> variables) {
        Set<String> addresses = new LinkedHashSet<>();
        for (String recipient : recipients) {
            List<User> users = recipient.startsWith(GROUP_PREFIX)
                    ? identity.createUserQuery()
                            .memberOfGroup(recipient.substring(GROUP_PREFIX.length()))
                            .list()
                    : identity.createUserQuery().userId(recipient).list();
            for (User user : users) {
                if (user.getEmail() == null || user.getEmail().isBlank()) {
                    log.warn("User {} has no e-mail address and misses '{}'", user.getId(), template);
                } else {
                    addresses.add(user.getEmail());
                }
            }
        }
        if (addresses.isEmpty()) {
            throw new IllegalStateException("Nobody to send '" + template + "' to: no address for " + recipients);
        }
        return port.send(templates.render(template, List.copyOf(addresses), variables));
    }
}
