package io.mpgov.audit;

import java.util.List;

/** Evidence as CSV (RFC 4180) that a spreadsheet opens as text: no cell runs as a formula. */
final class EvidenceCsv {

    static final String HEADER = "time,kind,process,processInstanceId,reference,actor,outcome,detail";

    /** What makes Excel, LibreOffice or Google Sheets read a cell as a formula (TAB, CR and LF included: OWASP's list). */
    private static final String FORMULA_LEAD_INS = "=+-@\t\r\n";

    private EvidenceCsv() {}

    static String of(List<Evidence> evidence) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (Evidence e : evidence) {
            csv.append(String.join(
                            ",",
                            List.of(
                                    cell(e.time()),
                                    cell(e.kind()),
                                    cell(e.process()),
                                    cell(e.processInstanceId()),
                                    cell(e.reference()),
                                    cell(e.actor()),
                                    cell(e.outcome()),
                                    cell(e.detail()))))
                    .append("\r\n");
        }
        return csv.toString();
    }

    /**
     * Quoted; a cell that starts with a formula lead-in, or has one after leading blanks (spreadsheets
     * skip them: {@code " =1+1"} is still a formula), gets a leading apostrophe, which shows it as text.
     */
    static String cell(Object value) {
        String text = value == null ? "" : value.toString();
        if (startsFormula(text)) {
            text = "'" + text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private static boolean startsFormula(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (FORMULA_LEAD_INS.indexOf(c) >= 0) {
                return true;
            }
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                return false;
            }
        }
        return false;
    }
}
