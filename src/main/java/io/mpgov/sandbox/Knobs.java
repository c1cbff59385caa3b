package io.mpgov.sandbox;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The dials that make benchmarks and chaos tests meaningful: added latency, AWS's published rate
 * limits, injected faults and the duration of the change-set lifecycle. Changed at run time through
 * {@code PUT /_sandbox/knobs} and {@code POST /_sandbox/faults}.
 */
public final class Knobs {

    /** Fixed latency added to every AWS call, plus up to {@code latencyJitterMillis} at random. */
    public volatile long latencyMillis;
    public volatile long latencyJitterMillis;
    /** Latency added to one operation on top of {@link #latencyMillis} (e.g. CreateGrant: 150). */
    public final Map<String, Long> latencyByOperation = new ConcurrentHashMap<>();
    public volatile boolean rateLimitsEnabled = true;
    /** Calls per second per operation; AWS's published limits where it publishes them. */
    public final Map<String, Double> rateLimits = new ConcurrentHashMap<>(Map.of(
            "StartChangeSet", 5.0, "DescribeChangeSet", 10.0, "DescribeEntity", 20.0, "ListEntities", 10.0,
            "CreateGrant", 20.0, "CreateGrantVersion", 20.0, "DeleteGrant", 20.0, "SendEmail", 14.0));
    public volatile long changeSetPreparingMillis = 2_000;
    public volatile long changeSetApplyingMillis = 3_000;
    /** How long a grant takes to become ACTIVE after activation, or DELETED after deletion. */
    public volatile long grantTransitionMillis = 2_000;
    public final List<Fault> faults = new CopyOnWriteArrayList<>();
    /** Products whose next change set fails with the given error code, as AWS reports it per change. */
    public final Map<String, String> changeSetFailures = new ConcurrentHashMap<>();

    /**
     * Answer {@code operation} (or every operation, {@code "*"}) with an error, {@code times} times
     * ({@code -1}: until cleared), each time with {@code probability}.
     */
    public static final class Fault {
        public String operation = "*";
        public String errorCode = "InternalServiceException";
        public Integer httpStatus;
        public String message = "Injected by the mpgov sandbox";
        public double probability = 1.0;
        /** Hold the answer this long first: longer than the client's timeout, it is a timeout. */
        public long delayMillis;
        public final AtomicInteger times = new AtomicInteger(-1);

        boolean matches(String op) {
            return operation.equals("*") || operation.equals(op);
        }

        /** Spends one use; false when this fault is used up. */
        boolean fire() {
            return times.getAndUpdate(t -> t > 0 ? t - 1 : t) != 0;
        }

        public int getTimes() {
            return times.get();
        }

        public void setTimes(int times) {
            this.times.set(times);
        }
    }
}
