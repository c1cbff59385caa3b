package io.mpgov.request.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;

class BusinessDaysTest {

    static Date at(String instant) {
        return Date.from(Instant.parse(instant));
    }

    @Test
    void twoBusinessDaysFromThursdayEndOnMonday() {
        assertThat(BusinessDays.after(at("2026-11-26T10:00:00Z"), Duration.ofDays(2)))
                .isEqualTo(at("2026-11-30T10:00:00Z"));
    }

    @Test
    void fiveBusinessDaysAreAWeek() {
        assertThat(BusinessDays.after(at("2026-11-23T09:30:00Z"), Duration.ofDays(5)))
                .isEqualTo(at("2026-11-30T09:30:00Z"));
    }

    @Test
    void aSaturdayStartCountsFromMonday() {
        assertThat(BusinessDays.after(at("2026-11-28T12:00:00Z"), Duration.ofDays(1)))
                .isEqualTo(at("2026-11-30T12:00:00Z"));
    }

    @Test
    void hoursAreAddedAsTheyAre() {
        assertThat(BusinessDays.after(at("2026-11-23T09:00:00Z"), Duration.parse("PT4H")))
                .isEqualTo(at("2026-11-23T13:00:00Z"));
    }
}
