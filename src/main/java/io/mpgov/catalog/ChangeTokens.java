package io.mpgov.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * ClientRequestTokens of catalog changes: request, change type and retry number, and the experience when
 * one is named — a request that changes two experiences starts two change sets, which must not share a
 * token (AWS would answer the second with the first). At most 64 characters, as AWS requires.
 */
final class ChangeTokens {

    static final int MAX_LENGTH = 64;

    private ChangeTokens() {}

    static String of(String requestId, ProductChange.Type type, Object retry, String experienceId) {
        String token = requestId + "-" + type.name().toLowerCase() + "-" + retry;
        if (experienceId == null) {
            return token;
        }
        String readable = token + "-" + experienceId;
        return readable.length() <= MAX_LENGTH ? readable : token + "-x" + sha(experienceId);
    }

    private static String sha(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
