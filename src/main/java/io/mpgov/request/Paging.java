package io.mpgov.request;

import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A page of a list as a client asks for it: {@code page} from 0, {@code size} 1 to {@value #MAX_SIZE}. Anything else
 * is refused (400) before a query runs, so no list is ever read unbounded.
 */
record Paging(int page, int size) {

    static final int MAX_SIZE = 100;
    static final int DEFAULT_SIZE = 20;

    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,9}");

    /** @throws ResponseStatusException 400 naming the parameter and what it takes */
    static Paging of(String page, String size) {
        int p = number("page", page, 0, "a whole number from 0");
        int s = number("size", size, DEFAULT_SIZE, "a whole number from 1 to " + MAX_SIZE);
        if (s < 1 || s > MAX_SIZE) {
            throw refused("size", "a whole number from 1 to " + MAX_SIZE);
        }
        if ((long) p * s > Integer.MAX_VALUE) {
            throw refused("page", "a page that exists (at most " + Integer.MAX_VALUE / s + " for size " + s + ")");
        }
        return new Paging(p, s);
    }

    int firstResult() {
        return page * size;
    }

    private static int number(String name, String value, int absent, String takes) {
        if (value == null) {
            return absent;
        }
        if (!NUMBER.matcher(value).matches()) {
            throw refused(name, takes);
        }
        return Integer.parseInt(value);
    }

    static ResponseStatusException refused(String parameter, String takes) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, parameter + " must be " + takes);
    }
}
