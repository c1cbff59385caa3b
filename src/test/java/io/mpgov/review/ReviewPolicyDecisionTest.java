package io.mpgov.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** processes/review-policy.dmn at the edges of its windows: 3 months before an agreement ends, 6 months unused. */
class ReviewPolicyDecisionTest {

    static DmnEngine engine =
            DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    static DmnDecision decision;
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @BeforeAll
    static void parse() throws Exception {
        try (InputStream dmn =
                ReviewPolicyDecisionTest.class.getClassLoader().getResourceAsStream("processes/review-policy.dmn")) {
            decision = engine.parseDecision("review-policy", dmn);
        }
    }

    static Date date(LocalDate day) {
        return day == null ? null : Date.from(day.atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    @ParameterizedTest(name = "{0}, agreement ends in {1} days, last used {2} days ago → {3}")
    @CsvSource(
            nullValues = "none",
            value = {
                "PRIVATE, 30, none, REMOVE, agreement ends within 3 months",
                "PRIVATE, 88, none, REMOVE, agreement ends within 3 months",
                "PRIVATE, 90, none, REMOVE, agreement ends within 3 months",
                "PRIVATE, 95, none, KEEP, within policy",
                "PRIVATE, 425, none, KEEP, within policy",
                "PRIVATE, none, none, REMOVE, no active agreement",
                "PUBLIC, none, 30, KEEP, within policy",
                "PUBLIC, none, 181, KEEP, within policy",
                "PUBLIC, none, 185, REMOVE, unused for 6 months",
                "PUBLIC, 30, 213, REMOVE, unused for 6 months",
                "PUBLIC, 30, 10, KEEP, within policy"
            })
    void decides(String offerType, Integer endsInDays, Integer usedDaysAgo, String action, String reason) {
        var result = engine.evaluateDecisionTable(
                        decision,
                        Variables.createVariables()
                                .putValue("offerType", offerType)
                                .putValue("today", date(TODAY))
                                .putValue("agreementEnd", date(endsInDays == null ? null : TODAY.plusDays(endsInDays)))
                                .putValue("lastUsed", date(usedDaysAgo == null ? null : TODAY.minusDays(usedDaysAgo))))
                .getSingleResult();

        assertThat(result.<String>getEntry("action")).isEqualTo(action);
        assertThat(result.<String>getEntry("reason")).isEqualTo(reason);
    }
}
