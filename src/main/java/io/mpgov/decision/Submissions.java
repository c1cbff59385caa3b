package io.mpgov.decision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who submitted a process instance and what (table mpgov_submission), recorded by the process's own
 * listeners and delegates in the engine's transaction ({@link EngineJdbc}): the controls read who
 * started a request and what was approved from here, never from a variable.
 */
public final class Submissions {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** @param submittedBy null until someone owns it (a request AWS opened) */
    public record Submission(String submittedBy, Map<String, Object> fields) {}

    private Submissions() {}

    /** Records who submitted it; the fields stay as they were recorded (none at first). */
    public static void submittedBy(String processInstanceId, String user, Date at) {
        if (EngineJdbc.update(
                        "update mpgov_submission set submitted_by = ?, recorded_at = ? where process_instance_id = ?",
                        user,
                        at,
                        processInstanceId)
                == 0) {
            EngineJdbc.update(
                    "insert into mpgov_submission (process_instance_id, submitted_by, fields, recorded_at) values (?, ?, ?, ?)",
                    processInstanceId,
                    user,
                    "{}",
                    at);
        }
    }

    /** Records the fields as validated: the first submission, or a revision that replaces it. */
    public static void fields(String processInstanceId, Map<String, Object> fields, Date at) {
        String json;
        try {
            json = JSON.writeValueAsString(new LinkedHashMap<>(fields));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (EngineJdbc.update(
                        "update mpgov_submission set fields = ?, recorded_at = ? where process_instance_id = ?",
                        json,
                        at,
                        processInstanceId)
                == 0) {
            EngineJdbc.update(
                    "insert into mpgov_submission (process_instance_id, fields, recorded_at) values (?, ?, ?)",
                    processInstanceId,
                    json,
                    at);
        }
    }

    public static Optional<Submission> of(String processInstanceId) {
        List<Submission> rows = EngineJdbc.query(
                "select submitted_by, fields from mpgov_submission where process_instance_id = ?",
                row -> new Submission(row.getString("submitted_by"), read(row.getString("fields"))),
                processInstanceId);
        return rows.stream().findFirst();
    }

    private static Map<String, Object> read(String json) {
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable submission: " + json, e);
        }
    }
}
