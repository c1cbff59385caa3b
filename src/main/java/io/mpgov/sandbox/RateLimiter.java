package io.mpgov.sandbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Token bucket per operation, one second of burst: what AWS's "n requests per second" means. */
final class RateLimiter {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    boolean tryAcquire(String operation, double perSecond) {
        return buckets.computeIfAbsent(operation, k -> new Bucket()).tryAcquire(perSecond, System.nanoTime());
    }

    void reset() {
        buckets.clear();
    }

    private static final class Bucket {
        private double tokens = -1;
        private long last;

        synchronized boolean tryAcquire(double perSecond, long now) {
            double capacity = Math.max(1.0, perSecond);
            tokens = tokens < 0 ? capacity : Math.min(capacity, tokens + (now - last) / 1e9 * perSecond);
            last = now;
            if (tokens >= 1.0) {
                tokens -= 1.0;
                return true;
            }
            return false;
        }
    }
}
