/**
 * Mails to people (SESv2): templates, recipients by group or user, the notify step every process uses, and the
 * mail to a task's candidate groups when it waits for them (with the readable task names Tasklist lists).
 */
@ApplicationModule(
        displayName = "Notifications",
        allowedDependencies = {"aws", "decision", "security"})
package io.mpgov.notification;

import org.springframework.modulith.ApplicationModule;
