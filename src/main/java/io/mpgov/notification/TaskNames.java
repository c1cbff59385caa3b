package io.mpgov.notification;

/**
 * What Tasklist lists: the model's task name, then the product and the request it is about, so that tasks of
 * several requests tell themselves apart ("Review public offer: PagerDuty — PR-2026-0001").
 */
final class TaskNames {

    /** The engine's task name column holds 255 characters: a long product title is cut to fit. */
    static final int MAX = 255;

    private TaskNames() {}

    /** The model's name unchanged when the task is about no product and no request (e.g. an access review). */
    static String readable(String name, Object productTitle, Object productId, Object requestId) {
        String product = text(productTitle) != null ? text(productTitle) : text(productId);
        String request = text(requestId);
        if (product == null && request == null) {
            return name;
        }
        String tail = request == null ? "" : (product == null ? "" : " — ") + request;
        String head = name + ": ";
        String title = product == null ? "" : product;
        int room = MAX - head.length() - tail.length();
        if (title.length() > room) {
            title = title.substring(0, Math.max(0, room - 1)) + "…";
        }
        return head + title + tail;
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank()
                ? null
                : value.toString().strip();
    }
}
