package io.mpgov.notification;

import io.mpgov.decision.DecisionLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Plain-text mail templates in {@code classpath:mail/<name>.txt}: the first line is
 * {@code Subject: …}, the rest the body; {@code {{variable}}} is replaced by the process variable
 * ({@link Placeholders}; a missing one by nothing), written {@link ForPeople}. A paragraph, or a line, whose placeholders are all empty is
 * left out, so a mail shows no empty section ("Agreement: (ends )" of a public offer).
 * No value can write a line of mpgov's own (a forged "Open the task: https://…"): a placeholder inside a line, and
 * the subject, get the value on one line (line breaks folded); a placeholder on a line of its own gets a block,
 * every line of it indented. The HTML part is the same text, escaped, in paragraphs, the indentation kept, with its
 * links made clickable.
 */
@Component
class MailTemplates {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<]+");
    /** A template line that is one placeholder and nothing else. */
    private static final Pattern BLOCK = Pattern.compile("\\{\\{\\w+}}");

    private static final String INDENT = "  ";
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    Mail render(String template, List<String> to, Map<String, Object> variables) {
        String source = cache.computeIfAbsent(template, MailTemplates::load);
        int newline = source.indexOf('\n');
        if (!source.startsWith("Subject:") || newline < 0) {
            throw new IllegalStateException("Mail template " + template + " must start with a 'Subject:' line");
        }
        String subject = DecisionLog.oneLine(fill(source.substring("Subject:".length(), newline), variables));
        String body = body(source.substring(newline + 1), variables);
        return new Mail(to, subject, body, html(subject, body));
    }

    /** The body filled in, without the paragraphs and lines that would say nothing. */
    private static String body(String template, Map<String, Object> variables) {
        List<String> paragraphs = new ArrayList<>();
        for (String paragraph : template.strip().split("\\n\\s*\\n")) {
            if (allEmpty(paragraph, variables)) {
                continue;
            }
            String lines = paragraph
                    .lines()
                    .filter(line -> !allEmpty(line, variables))
                    .map(line -> BLOCK.matcher(line).matches() ? block(line, variables) : fill(line, variables))
                    .collect(Collectors.joining("\n"));
            paragraphs.add(lines);
        }
        return String.join("\n\n", paragraphs) + "\n";
    }

    /** Has placeholders, and every one of them comes out empty. */
    private static boolean allEmpty(String text, Map<String, Object> variables) {
        List<String> names = Placeholders.MUSTACHE.names(text);
        return !names.isEmpty()
                && names.stream()
                        .allMatch(name -> ForPeople.text(variables.get(name)).isBlank());
    }

    private static String html(String subject, String body) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
                .append(HtmlUtils.htmlEscape(subject))
                .append("</title></head><body style=\"font-family:sans-serif;max-width:40em\">");
        for (String paragraph : body.strip().split("\\n\\s*\\n")) {
            String escaped = paragraph
                    .lines()
                    .map(line -> "&nbsp;&nbsp;"
                                    .repeat(line.length() - line.stripLeading().length())
                            + HtmlUtils.htmlEscape(line.stripLeading()))
                    .collect(Collectors.joining("<br>"));
            html.append("<p>")
                    .append(LINK.matcher(escaped).replaceAll("<a href=\"$0\">$0</a>"))
                    .append("</p>");
        }
        return html.append("</body></html>").toString();
    }

    /** The placeholders of a line filled in, each value on one line. */
    private static String fill(String text, Map<String, Object> variables) {
        return Placeholders.MUSTACHE.fill(text, name -> DecisionLog.oneLine(ForPeople.text(variables.get(name))));
    }

    /** A value on lines of its own, each indented, none empty: no line of it starts where mpgov's own lines do. */
    private static String block(String placeholder, Map<String, Object> variables) {
        String value = ForPeople.text(
                variables.get(Placeholders.MUSTACHE.names(placeholder).get(0)));
        return value.lines()
                .filter(line -> !line.isBlank())
                .map(line ->
                        INDENT + " ".repeat(line.length() - line.stripLeading().length()) + DecisionLog.oneLine(line))
                .collect(Collectors.joining("\n"));
    }

    private static String load(String template) {
        try {
            return new ClassPathResource("mail/" + template + ".txt").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("No mail template " + template, e);
        }
    }
}
