package io.mpgov.events;

import io.mpgov.audit.AuditSettings;
import java.time.Duration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The event inbox keeps each event for the evidence retention, like the engine's history, then lets it
 * go: it would otherwise grow with every event AWS sends. Idempotent, so every node may run it.
 */
@Component
public class EventInboxCleanup {

    private static final Logger log = LoggerFactory.getLogger(EventInboxCleanup.class);

    private final EventInbox inbox;
    private final Duration retention;

    EventInboxCleanup(EventInbox inbox, AuditSettings settings) {
        this.inbox = inbox;
        this.retention = settings.retention();
    }

    @Scheduled(cron = "#{@auditSettings.inboxCleanupCron()}", zone = "UTC")
    public int cleanUp() {
        int deleted = inbox.deleteReceivedBefore(
                ClockUtil.getCurrentTime().toInstant().minus(retention));
        if (deleted > 0) {
            log.info("Event inbox: {} events older than {} deleted", deleted, retention);
        }
        return deleted;
    }
}
