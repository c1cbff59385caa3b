package io.mpgov.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;

/**
 * How long evidence is kept ({@code mpgov.audit.*}). Read as {@code auditSettings} by the event inbox's
 * cleanup schedule.
 *
 * @param retention        how long evidence is kept: the history time-to-live of every process and decision,
 *                         and the event inbox; whole days, at least one
 * @param inboxCleanupCron when the event inbox lets go of events older than the retention (Spring cron, UTC)
 */
@ConfigurationProperties("mpgov.audit")
public record AuditSettings(
        @DefaultValue("P2555D") Duration retention,
        @DefaultValue("0 30 1 * * *") String inboxCleanupCron) {

    public AuditSettings {
        if (retention == null || retention.toDays() < 1) {
            throw new IllegalArgumentException(
                    "mpgov.audit.retention must be at least one day (P1D), not " + retention);
        }
        if (inboxCleanupCron == null || !CronExpression.isValidExpression(inboxCleanupCron)) {
            throw new IllegalArgumentException("mpgov.audit.inbox-cleanup-cron must be a cron expression "
                    + "(second minute hour day month weekday), not '" + inboxCleanupCron + "'");
        }
    }

    /** The retention in whole days, as the engine's history time-to-live takes it. */
    public int retentionDays() {
        return (int) retention.toDays();
    }
}
