package io.mpgov.request.approval;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;

/** SLA arithmetic: the whole days of a duration count Monday to Friday; the rest is added as it is. */
final class BusinessDays {

    private BusinessDays() {}

    static Date after(Date start, Duration sla) {
        ZonedDateTime due = start.toInstant().atZone(ZoneOffset.UTC);
        long days = sla.toDays();
        while (days > 0) {
            due = due.plusDays(1);
            if (due.getDayOfWeek() != DayOfWeek.SATURDAY && due.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days--;
            }
        }
        return Date.from(due.plus(sla.minusDays(sla.toDays())).toInstant());
    }
}
