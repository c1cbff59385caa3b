package io.mpgov.notification;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain-text mail templates in {@code classpath:mail/<name>.txt}: the first line is
 * {@code Subject: …}, the rest the body; {@code {{variable}}} is replaced by the process variable.
 */
@Component
class MailTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    Mail render(String template, String to, Map<String, Object> variables) {
        String text = fill(cache.computeIfAbsent(template, MailTemplates::load), variables);
        int newline = text.indexOf('\n');
        if (!text.startsWith("Subject:") || newline < 0) {
            throw new IllegalStateException("Mail template " + template + " must start with a 'Subject:' line");
        }
        return new Mail(java.util.List.of(to), text.substring("Subject:".length(), newline).trim(),
                text.substring(newline + 1).strip() + "\n");
    }

    private static String fill(String text, Map<String, Object> variables) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = variables.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value.toString()));
        }
        return m.appendTail(out).toString();
    }

    private static String load(String template) {
        try {
            return new ClassPathResource("mail/" + template + ".txt").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("No mail template " + template, e);
        }
    }
}
