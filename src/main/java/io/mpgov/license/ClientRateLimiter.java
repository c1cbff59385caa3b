package io.mpgov.license;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Paces calls per AWS operation on the client side, so parallel workers share the service's rate
 * limit instead of discovering it through throttling errors and backoff.
 */
final class ClientRateLimiter {

    private final long intervalNanos;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();

    ClientRateLimiter(double callsPerSecond) {
        this.intervalNanos = callsPerSecond <= 0 ? 0 : (long) (TimeUnit.SECONDS.toNanos(1) / callsPerSecond);
    }

    /** Blocks until the operation may be called again. */
    void acquire(String operation) {
        if (intervalNanos == 0) {
            return;
        }
        long wait = slots.computeIfAbsent(operation, k -> new Slot()).reserve(intervalNanos);
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting to call " + operation, e);
            }
        }
    }

    private static final class Slot {
        private long next;

        synchronized long reserve(long interval) {
            long now = System.nanoTime();
            long at = Math.max(now, next);
            next = at + interval;
            return at - now;
        }
    }
}
