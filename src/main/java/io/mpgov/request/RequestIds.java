package io.mpgov.request;

import java.security.SecureRandom;

/** Request ids people can read out on the phone: PR- and 8 characters without 0/O or 1/I. */
final class RequestIds {

    private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RequestIds() {}

    static String next() {
        StringBuilder id = new StringBuilder("PR-");
        for (int i = 0; i < 8; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
