package io.mpgov.license;

import io.micrometer.core.instrument.Metrics;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs a batch of grant work items (as the plan made them) in parallel on one bounded pool shared by
 * every batch, so the number of calls in flight stays at {@code mpgov.license.parallelism} however
 * many batch jobs the job executor runs. Every item is idempotent, so a batch that failed in part is
 * simply run again; items that keep failing are named in the exception, which becomes the incident.
 * When the application stops, unfinished items are dropped at once and their batch fails, to be run
 * again by the next node, instead of holding the shutdown up while the rate limit paces them.
 */
@Component
public class GrantWorkRunner implements SmartLifecycle {

    private final LicensePort licenses;
    private final ExecutorService pool;
    private volatile boolean running;

    @Autowired
    public GrantWorkRunner(LicensePort licenses, LicenseSettings settings) {
        this(licenses, settings.parallelism());
    }

    public GrantWorkRunner(LicensePort licenses, int parallelism) {
        this.licenses = licenses;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "mpgov-grant-work-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public void run(List<GrantWork> batch) {
        List<Future<?>> submitted = new ArrayList<>();
        try {
            for (GrantWork item : batch) {
                submitted.add(pool.submit(() -> apply(item)));
            }
        } catch (RejectedExecutionException stopping) {
            submitted.forEach(f -> f.cancel(true));
            throw new IllegalStateException(
                    "This mpgov node is stopping; the batch runs again after the retry delay, "
                            + "on another node or after the restart",
                    stopping);
        }
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < submitted.size(); i++) {
            GrantWork item = batch.get(i);
            try {
                submitted.get(i).get();
            } catch (ExecutionException e) {
                failures.add(item.action() + " " + item.accountId() + ": "
                        + e.getCause().getMessage());
            } catch (CancellationException e) {
                failures.add(item.action() + " " + item.accountId() + ": not done, mpgov is stopping");
            } catch (InterruptedException e) {
                // The node is stopping: its job will run again elsewhere, so this batch's queued items must not go on.
                submitted.forEach(f -> f.cancel(true));
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while applying grant work", e);
            }
        }
        if (!failures.isEmpty()) {
            throw new GrantWorkFailedException(
                    failures.size() + " of " + batch.size() + " grant writes failed; " + String.join("; ", failures));
        }
    }

    private void apply(GrantWork item) {
        String outcome = "failure";
        try {
            if (item.action() == DistributionPlan.Action.GRANT) {
                licenses.grant(item.order());
            } else {
                licenses.revoke(item.revoked(), item.reason());
            }
            outcome = "success";
        } finally {
            Metrics.counter("mpgov.grant.writes", "action", item.action().name(), "outcome", outcome)
                    .increment();
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        pool.shutdownNow().forEach(queued -> ((Future<?>) queued).cancel(false));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Some writes of a batch failed after the SDK's own retries; the job fails and is retried as a whole. */
    public static class GrantWorkFailedException extends RuntimeException {
        GrantWorkFailedException(String message) {
            super(message);
        }
    }
}
