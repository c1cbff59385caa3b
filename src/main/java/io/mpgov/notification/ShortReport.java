package io.mpgov.notification;

import java.util.List;

/** Report lines cut to what a String process variable holds (4,000 characters) and a mail can show. */
public final class ShortReport {

    public static final int MAX_CHARS = 3_900;

    private ShortReport() {}

    /** The first lines that fit, then "… and N more (variable {@code whereTheRestIs})". */
    public static String of(List<String> lines, String whereTheRestIs) {
        StringBuilder report = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String more = "\n… and " + (lines.size() - i) + " more (variable " + whereTheRestIs + ")";
            if (report.length() + lines.get(i).length() + 1 + more.length() > MAX_CHARS) {
                return report.append(more).toString();
            }
            report.append(i == 0 ? "" : "\n").append(lines.get(i));
        }
        return report.toString();
    }
}
