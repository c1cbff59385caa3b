package io.mpgov.events;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** mpgov_event_inbox: each event id once, with what became of it. */
@Repository
class EventInbox {

    private final JdbcTemplate jdbc;

    EventInbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean contains(String eventId) {
        Integer count = jdbc.queryForObject(
                "select count(*) from mpgov_event_inbox where event_id = ?", Integer.class, eventId);
        return count != null && count > 0;
    }

    /** @return false when the id was recorded already (a concurrent duplicate) */
    boolean record(
            String eventId,
            String source,
            String detailType,
            EventOutcome.Status outcome,
            String note,
            String payload) {
        try {
            jdbc.update(
                    "insert into mpgov_event_inbox (event_id, source, detail_type, received_at, outcome, note, payload) "
                            + "values (?, ?, ?, ?, ?, ?, ?)",
                    truncate(eventId, 200),
                    truncate(source, 200),
                    truncate(detailType, 200),
                    Timestamp.from(Instant.now()),
                    outcome.name(),
                    truncate(note, 2000),
                    payload);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** @return how many events received before {@code cutoff} were deleted */
    int deleteReceivedBefore(Instant cutoff) {
        return jdbc.update("delete from mpgov_event_inbox where received_at < ?", Timestamp.from(cutoff));
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
