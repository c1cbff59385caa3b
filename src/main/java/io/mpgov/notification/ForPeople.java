package io.mpgov.notification;

import java.text.NumberFormat;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Date;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Values as mails and reports show them to people: dates in ISO 8601, in UTC ({@code 2026-12-02 15:04 UTC}, a
 * day alone when there is no time of day), booleans Yes/No, numbers grouped, lists one item a line; never Java's
 * {@code toString} of a date or a boolean.
 */
public final class ForPeople {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private ForPeople() {}

    /** The value as people read it. */
    public static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Date date) {
            ZonedDateTime utc = date.toInstant().atZone(ZoneOffset.UTC);
            // a date without a time of day (an agreement's end at midnight UTC) is a day
            return utc.toLocalTime().equals(LocalTime.MIDNIGHT) ? DAY.format(utc) : INSTANT.format(utc);
        }
        if (value instanceof Boolean yes) {
            return yes ? "Yes" : "No";
        }
        if (value instanceof Number number) {
            NumberFormat format = NumberFormat.getNumberInstance(Locale.ENGLISH);
            format.setMaximumFractionDigits(2);
            return format.format(number);
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(ForPeople::text).collect(Collectors.joining("\n"));
        }
        return value.toString();
    }
}
