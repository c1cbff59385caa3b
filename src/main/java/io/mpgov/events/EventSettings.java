package io.mpgov.events;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The AWS event intake ({@code mpgov.events.*}).
 *
 * @param secret shared secret of the EventBridge API destination (header {@code X-Mpgov-Event-Secret}); empty: the
 *               intake is off
 */
@ConfigurationProperties("mpgov.events")
public record EventSettings(String secret) {

    public EventSettings {
        secret = secret == null ? "" : secret;
    }
}
