package io.mpgov.notification;

import java.util.List;

public record Mail(List<String> to, String subject, String body) {
}
