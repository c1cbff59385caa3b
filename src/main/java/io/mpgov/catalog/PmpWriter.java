package io.mpgov.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The one way mpgov changes the Private Marketplace. A change set changes one experience, so changes
 * travel together only with changes of the same experience and kind; a product two of them name is sent
 * once (AWS refuses an Ids array with a repeated value). AWS lets a single change set at a time touch the
 * experience; a process per request racing for it (ResourceInUse → back off → again) spends the
 * StartChangeSet quota on refusals and leaves requests queuing. Instead, a process that finds the PMP
 * free sends its own change together with every change of the same kind still waiting (up to 50
 * products, one note per request); the others find theirs sent and follow that change set. Starts are
 * serialized across nodes by a database lock, and while mpgov's own change set runs nobody asks AWS.
 * A shared change set that fails is retried once per member in a change set of its own, so one bad
 * product does not fail the requests it happened to travel with.
 */
@Component
class PmpWriter {

    /** Not an AWS status: the shared change set failed, start again alone. */
    static final String RETRY_ALONE = "RETRY_ALONE";

    private final CatalogPort catalog;
    private final PmpChangeQueue queue;
    private final CatalogSettings settings;
    /** Answers for shared change sets, so that 50 processes polling one change set make one call. */
    private final Map<String, Seen> seen = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Seen> eldest) {
            return size() > 256;
        }
    };

    private record Seen(ChangeSetStatus status, long atNanos) {}

    PmpWriter(CatalogPort catalog, PmpChangeQueue queue, CatalogSettings settings) {
        this.catalog = catalog;
        this.queue = queue;
        this.settings = settings;
    }

    /**
     * The change set that carries this change: the one it was sent in, or one started now.
     *
     * @throws EntityLockedException while a change set (mpgov's or anyone's) holds the experience
     */
    String start(ProductChange change) {
        // The primary experience is stored by its id whichever way it was named (null means it), so that its changes
        // batch together.
        queue.enqueue(
                change.experienceId() == null && settings.primaryExperienceId() != null
                        ? new ProductChange(
                                settings.primaryExperienceId(), change.type(), change.products(), change.clientToken())
                        : change,
                now());
        PmpChangeQueue.Writer writer = queue.lockWriter();
        // Re-read under the lock: whoever held it may have just sent this change.
        PmpChangeQueue.Entry own = queue.find(change.clientToken()).orElseThrow();
        if (own.changeSetId() != null) {
            return own.changeSetId();
        }
        // A change already reserved was in a start that did not commit — perhaps after AWS accepted it:
        // the same members under the same token get that change set back instead of a second one.
        String token = own.batchToken();
        List<PmpChangeQueue.Entry> batch;
        if (token == null) {
            if (writer.changeSetId() != null && stillRunning(writer)) {
                throw new EntityLockedException(
                        "mpgov's change set " + writer.changeSetId() + " is still running on the Private Marketplace",
                        null);
            }
            // in token order, as reservedFor gives them back: a resent batch is the same request
            batch = (own.alone() ? List.of(own) : fill(own))
                    .stream()
                            .sorted(Comparator.comparing(PmpChangeQueue.Entry::token))
                            .toList();
            token = batch.size() == 1 ? own.token() : batchToken(batch);
            queue.reserve(tokens(batch), token);
        } else {
            batch = queue.reservedFor(token);
        }
        // ProductChange names each product once (its first request's note), as AWS requires of an Ids array.
        String changeSetId = catalog.startProductChange(new ProductChange(
                own.experienceId(),
                own.type(),
                batch.stream().flatMap(e -> e.products().stream()).toList(),
                token));
        queue.sent(tokens(batch), changeSetId, now());
        return changeSetId;
    }

    /** Where the change set stands for the change under {@code token}; {@link #RETRY_ALONE} when a shared one failed. */
    ChangeSetStatus status(String changeSetId, String token) {
        boolean shared = queue.find(token)
                .filter(e -> changeSetId.equals(e.changeSetId()) && e.shared())
                .isPresent();
        ChangeSetStatus status = shared ? sharedStatus(changeSetId) : catalog.describeChangeSet(changeSetId);
        if (!status.ended()) {
            return status;
        }
        queue.ended(changeSetId);
        if (shared && !status.succeeded()) {
            queue.waitAlone(token);
            return new ChangeSetStatus(status.changeSetId(), RETRY_ALONE, status.failureCode(), status.errors());
        }
        return status;
    }

    /** Own change first, then the oldest waiting ones while the change stays within AWS's 50 products. */
    private List<PmpChangeQueue.Entry> fill(PmpChangeQueue.Entry own) {
        List<PmpChangeQueue.Entry> batch = new ArrayList<>(List.of(own));
        Set<String> products = new HashSet<>(ids(own));
        for (PmpChangeQueue.Entry other :
                queue.waiting(own.type(), own.experienceId(), own.token(), ProductChange.MAX_PRODUCTS)) {
            Set<String> with = new HashSet<>(products);
            with.addAll(ids(other));
            if (with.size() <= ProductChange.MAX_PRODUCTS) {
                batch.add(other);
                products = with;
            }
        }
        return batch;
    }

    /** A change set mpgov started is known to run if seen so within a poll interval; else asked again. */
    private boolean stillRunning(PmpChangeQueue.Writer writer) {
        if (writer.checkedAt() != null
                && writer.checkedAt().plus(settings.pollInterval()).isAfter(now())) {
            return true;
        }
        ChangeSetStatus status = catalog.describeChangeSet(writer.changeSetId());
        if (status.ended()) {
            queue.ended(writer.changeSetId());
            return false;
        }
        queue.running(writer.changeSetId(), now());
        return true;
    }

    private ChangeSetStatus sharedStatus(String changeSetId) {
        long fresh = settings.pollInterval().toNanos() / 2;
        synchronized (seen) {
            Seen last = seen.get(changeSetId);
            if (last != null && (last.status().ended() || System.nanoTime() - last.atNanos() < fresh)) {
                return last.status();
            }
        }
        ChangeSetStatus status = catalog.describeChangeSet(changeSetId);
        synchronized (seen) {
            seen.put(changeSetId, new Seen(status, System.nanoTime()));
        }
        return status;
    }

    /** The same members give the same token, so a retried start finds its change set. */
    private static String batchToken(List<PmpChangeQueue.Entry> batch) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            tokens(batch).stream().sorted().forEach(t -> sha.update((t + "\n").getBytes(StandardCharsets.UTF_8)));
            return "mpgov-batch-" + HexFormat.of().formatHex(sha.digest()).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> tokens(List<PmpChangeQueue.Entry> entries) {
        return entries.stream().map(PmpChangeQueue.Entry::token).toList();
    }

    private static List<String> ids(PmpChangeQueue.Entry entry) {
        return entry.products().stream().flatMap(p -> p.ids().stream()).toList();
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
