package io.mpgov.notification;

import java.util.List;

/** A mail in plain text and HTML, the HTML made from the text. */
public record Mail(List<String> to, String subject, String text, String html) {}
