/**
 * Mails to people (SESv2): templates, recipients by group or user, the notify step every process uses.
 */
@ApplicationModule(
        displayName = "Notifications",
        allowedDependencies = {"aws"})
package io.mpgov.notification;

import org.springframework.modulith.ApplicationModule;
