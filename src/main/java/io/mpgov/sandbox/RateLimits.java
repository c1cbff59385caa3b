package io.mpgov.sandbox;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * AWS's "n requests per second" per operation, on Resilience4j's rate limiter: a window of half a
 * second's calls (at least one call, and a window of 1/n s then), refilled at each window's start.
 * AWS throttles with a token bucket of (here) one second's burst; two windows side by side admit at most
 * that burst, so no stretch of time ever admits more calls than the bucket would — for n ≥ 2; below that a
 * window boundary can let two calls through closer together than 1/n s.
 */
final class RateLimits {

    private static final Duration LONGEST_WINDOW = Duration.ofDays(365);

    private record Limit(double perSecond, RateLimiter limiter) {}

    private final Map<String, Limit> limits = new ConcurrentHashMap<>();
    private final Supplier<Long> nanoTime;

    RateLimits() {
        this(System::nanoTime);
    }

    /** With another clock, for tests. */
    RateLimits(Supplier<Long> nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Whether the operation may be answered now; a refused call uses up nothing. */
    boolean tryAcquire(String operation, double perSecond) {
        Limit limit = limits.get(operation);
        if (limit == null || limit.perSecond() != perSecond) {
            limit = limits.compute(
                    operation,
                    (op, old) -> old != null && old.perSecond() == perSecond ? old : limit(op, perSecond, old));
        }
        return limit.limiter().acquirePermission();
    }

    void reset() {
        limits.clear();
    }

    /** A changed knob applies at once, with no more calls left in its first window than the old limit had left. */
    private Limit limit(String operation, double perSecond, Limit old) {
        int perWindow = Math.max(1, (int) Math.floor(Math.max(1.0, perSecond) / 2));
        double windowNanos = perSecond <= 0 ? Double.POSITIVE_INFINITY : Math.ceil(perWindow * 1e9 / perSecond);
        RateLimiter limiter = new AtomicRateLimiter(
                operation,
                RateLimiterConfig.custom()
                        .limitForPeriod(perWindow)
                        .limitRefreshPeriod(
                                windowNanos >= LONGEST_WINDOW.toNanos()
                                        ? LONGEST_WINDOW
                                        : Duration.ofNanos((long) windowNanos))
                        .timeoutDuration(Duration.ZERO)
                        .build(),
                Map.of(),
                nanoTime);
        if (old != null) {
            int unused = perWindow - Math.max(0, old.limiter().getMetrics().getAvailablePermissions());
            if (unused > 0) {
                limiter.acquirePermission(unused);
            }
        }
        return new Limit(perSecond, limiter);
    }
}
