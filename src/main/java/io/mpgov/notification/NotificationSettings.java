package io.mpgov.notification;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Mails ({@code mpgov.notification.*}).
 *
 * @param from   SES sender, a verified identity; no default: the demo profile sets one, the aws profile takes
 *               {@code MPGOV_MAIL_FROM}
 * @param appUrl where people open mpgov: links in mails point here; blank (an unset {@code MPGOV_APP_URL}) means
 *               the default
 */
@ConfigurationProperties("mpgov.notification")
public record NotificationSettings(
        String from,
        @DefaultValue(NotificationSettings.DEFAULT_APP_URL) String appUrl) {

    static final String DEFAULT_APP_URL = "http://localhost:8080";

    public NotificationSettings {
        if (from == null
                || from.isBlank()
                || !from.contains("@")
                || from.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("mpgov.notification.from must be the mail address mpgov sends from "
                    + "(an identity verified in SES; MPGOV_MAIL_FROM on the aws profile), not '" + from + "'");
        }
        appUrl = appUrl == null || appUrl.isBlank() ? DEFAULT_APP_URL : appUrl;
        URI url;
        try {
            url = URI.create(appUrl);
        } catch (IllegalArgumentException e) {
            url = null;
        }
        if (url == null
                || url.getHost() == null
                || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
            throw new IllegalArgumentException(
                    "mpgov.notification.app-url must be the http(s) address people open mpgov at "
                            + "(MPGOV_APP_URL), not '" + appUrl + "'");
        }
    }

    /** Camunda Tasklist. */
    public String tasklistUrl() {
        return appUrl + "/camunda/app/tasklist/default/";
    }

    /** Tasklist, open on the task. */
    public String taskUrl(String taskId) {
        return tasklistUrl() + "#/?task=" + taskId;
    }

    /** The request's page, where its requester and the approvers follow it; null for no request. */
    public String requestUrl(Object requestId) {
        return requestId == null ? null : appUrl + "/requests/" + requestId;
    }
}
