package io.mpgov.notification;

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
 * The HTML part is the same text, escaped, in paragraphs, with its links made clickable.
 */
@Component
class MailTemplates {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<]+");
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    Mail render(String template, List<String> to, Map<String, Object> variables) {
        String source = cache.computeIfAbsent(template, MailTemplates::load);
        int newline = source.indexOf('\n');
        if (!source.startsWith("Subject:") || newline < 0) {
            throw new IllegalStateException("Mail template " + template + " must start with a 'Subject:' line");
        }
        String subject =
                fill(source.substring("Subject:".length(), newline), variables).strip();
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
                    .map(line -> fill(line, variables))
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
            String escaped = HtmlUtils.htmlEscape(paragraph).replace("\n", "<br>");
            html.append("<p>")
                    .append(LINK.matcher(escaped).replaceAll("<a href=\"$0\">$0</a>"))
                    .append("</p>");
        }
        return html.append("</body></html>").toString();
    }

    private static String fill(String text, Map<String, Object> variables) {
        return Placeholders.MUSTACHE.fill(text, name -> ForPeople.text(variables.get(name)));
    }

    private static String load(String template) {
        try {
            return new ClassPathResource("mail/" + template + ".txt").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("No mail template " + template, e);
        }
    }
}
