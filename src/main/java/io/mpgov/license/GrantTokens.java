package io.mpgov.license;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic ClientTokens: the same (license, account, generation) always gives the same token, so
 * a retried or restarted distribution never makes a second grant. The generation moves on only when a
 * grant for the pair was deleted, so a re-grant after a revocation is a new grant.
 */
public final class GrantTokens {

    private GrantTokens() {}

    public static String of(String licenseArn, String accountId, int generation) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((licenseArn + "|" + accountId + "|" + generation).getBytes(StandardCharsets.UTF_8));
            return "mpgov-" + HexFormat.of().formatHex(digest, 0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
