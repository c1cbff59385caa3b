package io.mpgov.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * A typed copy of some process variables, kept as one JSON task variable, and put back where a task's
 * completion changed them. JSON loses Java types, so each value travels with its class name.
 */
final class VariableSnapshot {

    private VariableSnapshot() {
    }

    static HashMap<String, Object> take(DelegateExecution execution, List<String> names) {
        HashMap<String, Object> snapshot = new HashMap<>();
        for (String name : names) {
            Object value = execution.getVariable(name);
            snapshot.put(name, value == null ? null
                    : Map.of("type", value.getClass().getName(), "value", value instanceof Date d ? d.getTime() : value));
        }
        return snapshot;
    }

    /** Puts back every variable of {@code names} that differs from the snapshot; tells {@code changed} about each. */
    static void restore(DelegateExecution execution, Map<String, Object> snapshot, List<String> names,
                        BiConsumer<String, Object> changed) {
        for (String name : names) {
            if (!snapshot.containsKey(name)) {
                continue;
            }
            Object original = revive(snapshot.get(name));
            Object now = execution.getVariable(name);
            if (!Objects.equals(original, now)) {
                execution.setVariable(name, original);
                if (!text(original).equals(text(now))) {
                    changed.accept(name, now);
                }
            }
        }
    }

    /**
     * How a person would read the value, so that a form echoing a read-only field is no "attempt":
     * null and "" alike, 60000 and 60000.0 alike, a date as the form shows it (seconds, UTC).
     */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Date date) {
            return LocalDateTime.ofInstant(date.toInstant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString();
        }
        return value.toString();
    }

    private static Object revive(Object entry) {
        if (!(entry instanceof Map<?, ?> typed)) {
            return null;
        }
        Object value = typed.get("value");
        return switch (String.valueOf(typed.get("type"))) {
            case "java.util.Date" -> new Date(((Number) value).longValue());
            case "java.lang.Double" -> ((Number) value).doubleValue();
            case "java.lang.Integer" -> ((Number) value).intValue();
            case "java.lang.Long" -> ((Number) value).longValue();
            default -> value;
        };
    }
}
