package io.mpgov.decision;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The decision log people read in forms and mails, rendered from the {@link DecisionRecord}s: one line per
 * decision, {@code when · task · who · outcome}, and under it the decider's comment on one line of its own that
 * starts with {@value #COMMENT_MARK} and quotes the words, their line breaks folded — so a comment never begins a
 * line the way a record does, whatever it says.
 */
public final class DecisionLog {

    static final String COMMENT_MARK = "    comment: ";
    /** Decisions that stop or send back a request must say why. */
    static final Set<String> NEED_REASON = Set.of("REJECT", "REQUEST_CHANGES", "ABANDON");

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*[\\r\\n\\u000B\\f\\u0085\\u2028\\u2029]+\\s*");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\p{Zl}\\p{Zp}]");

    private DecisionLog() {}

    /** The log, oldest decision first; empty when nobody decided yet. */
    public static String render(List<DecisionRecord> decisions) {
        return decisions.stream().map(DecisionLog::entry).collect(Collectors.joining("\n"));
    }

    private static String entry(DecisionRecord d) {
        String record = TIME.format(d.decidedAt().toInstant()) + " · " + oneLine(d.taskName()) + " · "
                + oneLine(String.valueOf(d.decidedBy())) + " · " + said(d.outcome());
        return d.comment() == null || d.comment().isBlank()
                ? record
                : record + "\n" + COMMENT_MARK + "\"" + oneLine(d.comment()) + "\"";
    }

    /** The comment of the last decision that had to say why (rejected, asked for changes, abandoned), or null. */
    public static String lastReason(List<DecisionRecord> decisions) {
        return decisions.stream()
                .filter(d -> NEED_REASON.contains(d.outcome()))
                .reduce((first, second) -> second)
                .map(DecisionRecord::comment)
                .orElse(null);
    }

    /** Text on one line: line breaks become " / ", other control characters spaces. */
    public static String oneLine(String text) {
        return CONTROL.matcher(LINE_BREAKS.matcher(text.strip()).replaceAll(" / "))
                .replaceAll(" ");
    }

    /** A decision as the log says it to people. */
    public static String said(String decision) {
        return switch (decision) {
            case "APPROVE" -> "approved";
            case "REJECT" -> "rejected";
            case "REQUEST_CHANGES" -> "asked for changes";
            case "ACCEPT" -> "accepted the offer";
            case "RESUBMIT" -> "resubmitted";
            case "WITHDRAW" -> "withdrew the request";
            case "RETRY" -> "retried";
            case "ABANDON" -> "abandoned";
            default -> oneLine(decision.toLowerCase(Locale.ROOT).replace('_', ' '));
        };
    }
}
