package io.mpgov.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** AWS-style pagination: opaque NextToken, MaxResults bounded per operation. */
final class Pages {

    private Pages() {}

    record Page<T>(List<T> items, String nextToken) {}

    static <T> Page<T> of(
            List<T> all, SandboxRequest request, String tokenMember, String maxMember, int defaultSize, int maxSize) {
        int size = defaultSize;
        if (request.body().hasNonNull(maxMember)) {
            size = request.body().get(maxMember).asInt();
            if (size < 1 || size > maxSize) {
                throw AwsError.validation(
                        request.service(),
                        "1 validation error detected: Value '" + size + "' at '" + maxMember
                                + "' failed to satisfy constraint: Member must have value between 1 and " + maxSize);
            }
        }
        int offset = decode(request.optional(tokenMember), request.service());
        if (offset > all.size()) {
            throw AwsError.validation(request.service(), "Invalid pagination token");
        }
        int end = Math.min(all.size(), offset + size);
        return new Page<>(List.copyOf(all.subList(offset, end)), end < all.size() ? encode(end) : null);
    }

    private static String encode(int offset) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("mpgov-sandbox:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int decode(String token, Service service) {
        if (token == null || token.isEmpty()) {
            return 0;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!plain.startsWith("mpgov-sandbox:")) {
                throw new IllegalArgumentException(plain);
            }
            return Integer.parseInt(plain.substring("mpgov-sandbox:".length()));
        } catch (IllegalArgumentException e) {
            throw AwsError.validation(service, "Invalid pagination token");
        }
    }
}
