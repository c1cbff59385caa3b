package io.mpgov.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EvidenceCsvTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "=1+1",
                "+1+1",
                "-1+1",
                "@SUM(A1)",
                "\t=cmd",
                "\r=cmd",
                "\n=cmd",
                " =1+1",
                "  +1",
                "\u00a0-1",
                " \t@x",
                "\tplain",
                "\rplain",
                "\nplain"
            })
    void aFormulaLeadInAtTheStartOrAfterBlanksIsShownAsText(String comment) {
        assertThat(EvidenceCsv.cell(comment)).isEqualTo("\"'" + comment + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fits our tooling", "a=b", "1-2", "mail@example.com", " spaced", "", "   "})
    void otherCellsAreOnlyQuoted(String comment) {
        assertThat(EvidenceCsv.cell(comment)).isEqualTo("\"" + comment + "\"");
    }

    @Test
    void quotesAreDoubledAndEachFactIsOneRow() {
        Evidence decision = new Evidence(
                Instant.parse("2026-11-02T10:15:30Z"),
                "DECISION",
                "procurement-request",
                "pi-1",
                "PR-1",
                "pmp-admin",
                "APPROVE",
                "=HYPERLINK(\"http://evil.example\")");

        assertThat(EvidenceCsv.of(List.of(decision)))
                .isEqualTo(EvidenceCsv.HEADER + "\r\n"
                        + "\"2026-11-02T10:15:30Z\",\"DECISION\",\"procurement-request\",\"pi-1\",\"PR-1\",\"pmp-admin\",\"APPROVE\","
                        + "\"'=HYPERLINK(\"\"http://evil.example\"\")\"\r\n");
        assertThat(EvidenceCsv.cell(null)).isEqualTo("\"\"");
    }
}
