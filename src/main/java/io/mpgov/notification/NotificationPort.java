package io.mpgov.notification;

/** Sends mail to people. */
public interface NotificationPort {

    /** @return the provider's message id */
    String send(Mail mail);
}
