package io.mpgov.sandbox;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The dials that make benchmarks and chaos tests meaningful: added latency, AWS's published rate
 * limits, injected faults, held calls and the duration of the change-set lifecycle. Changed at run time
 * through {@code PUT /_sandbox/knobs}, {@code POST /_sandbox/faults} and {@code POST /_sandbox/holds}.
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
            "StartChangeSet",
            5.0,
            "DescribeChangeSet",
            10.0,
            "DescribeEntity",
            20.0,
            "ListEntities",
            10.0,
            "CreateGrant",
            20.0,
            "CreateGrantVersion",
            20.0,
            "DeleteGrant",
            20.0,
            "SendEmail",
            14.0));

    public volatile long changeSetPreparingMillis = 2_000;
    public volatile long changeSetApplyingMillis = 3_000;
    /** How long a grant takes to become ACTIVE after activation, or DELETED after deletion. */
    public volatile long grantTransitionMillis = 2_000;
    /** Groups (or ungrouped periods) per GetCostAndUsage page: small values make mpgov follow NextPageToken. */
    public volatile int costExplorerPageSize = 100;
    /**
     * Whether the organization is linked in License Manager settings ("Link AWS Organizations accounts"): grants to
     * member accounts are then auto-accepted (DISABLED, to be activated), and grants to OUs and the organization are
     * possible. Not linked: an account grant waits in PENDING_ACCEPT until its grantee accepts it (AcceptGrant), and
     * OU or organization grants are refused.
     */
    public volatile boolean organizationLinked = true;

    public final List<Fault> faults = new CopyOnWriteArrayList<>();
    /** Products whose next change set fails with the given error code, as AWS reports it per change. */
    public final Map<String, String> changeSetFailures = new ConcurrentHashMap<>();
    /** Calls kept in flight until released: see {@link Hold}. */
    public final Hold hold = new Hold();

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

    /**
     * Keeps calls to some operations in flight: once {@code after} of them have passed, each further call
     * waits, unanswered, until the hold is released or its own {@code timeoutMillis} have passed, and is
     * then answered as usual. To the client that is a slow AWS, not a different one, so a test can stop or
     * kill mpgov while writes are provably under way. Releasing wakes every waiting call at once. A held
     * call takes one of the server's threads; the timeout bounds how long.
     */
    public static final class Hold {

        private Set<String> operations = Set.of();
        private int after;
        private long timeoutMillis;
        private int passed;
        private int waiting;
        private long released;

        /** Holds {@code operations} from the call after the next {@code after}, each call for at most {@code timeoutMillis}. */
        public synchronized void engage(Set<String> operations, int after, long timeoutMillis) {
            if (operations.isEmpty() || after < 0 || timeoutMillis <= 0) {
                throw new IllegalArgumentException("A hold needs operations, after >= 0 and timeoutMillis > 0");
            }
            this.operations = Set.copyOf(operations);
            this.after = after;
            this.timeoutMillis = timeoutMillis;
            this.passed = 0;
        }

        /** Ends the hold: every waiting call goes on now, later calls are not held. */
        public synchronized void release() {
            operations = Set.of();
            released++;
            notifyAll();
        }

        /** Returns at once, or once the hold is released or the call's timeout has passed. */
        synchronized void passOrWait(String operation) {
            if (!operations.contains(operation)) {
                return;
            }
            if (passed < after) {
                passed++;
                return;
            }
            long generation = released;
            long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
            waiting++;
            try {
                for (long left = deadline - System.nanoTime();
                        released == generation && left > 0;
                        left = deadline - System.nanoTime()) {
                    wait(Math.max(1, left / 1_000_000));
                }
            } catch (InterruptedException stopping) {
                // The server is closing: answer (or fail to) at once.
                Thread.currentThread().interrupt();
            } finally {
                waiting--;
            }
        }

        public synchronized Set<String> getOperations() {
            return operations;
        }

        public synchronized int getAfter() {
            return after;
        }

        public synchronized long getTimeoutMillis() {
            return timeoutMillis;
        }

        /** Calls let through before the hold took effect. */
        public synchronized int getPassed() {
            return passed;
        }

        /** Calls held right now. */
        public synchronized int getWaiting() {
            return waiting;
        }
    }
}
