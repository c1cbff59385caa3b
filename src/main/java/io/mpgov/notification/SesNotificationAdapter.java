package io.mpgov.notification;

import io.mpgov.aws.AwsClients;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** {@link NotificationPort} on Amazon SES v2. The sender identity must be verified in SES. */
@Component
class SesNotificationAdapter implements NotificationPort {

    private final SesV2Client client;
    private final String from;

    SesNotificationAdapter(AwsClients clients, NotificationSettings settings) {
        this.client = clients.build(SesV2Client.builder());
        this.from = settings.from();
    }

    @Override
    public String send(Mail mail) {
        return client.sendEmail(r -> r.fromEmailAddress(from)
                        .destination(d -> d.toAddresses(mail.to()))
                        .content(c -> c.simple(m -> m.subject(
                                        s -> s.data(mail.subject()).charset("UTF-8"))
                                .body(b -> b.text(t -> t.data(mail.text()).charset("UTF-8"))
                                        .html(h -> h.data(mail.html()).charset("UTF-8"))))))
                .messageId();
    }
}
