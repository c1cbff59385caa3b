package io.mpgov.catalog;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link PmpChangeQueue} for process tests: one thread runs their jobs, so the writer lock needs no locking. */
class InMemoryPmpChangeQueue implements PmpChangeQueue {

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private Writer writer = new Writer(null, null);

    @Override
    public synchronized Optional<Entry> find(String token) {
        return Optional.ofNullable(entries.get(token));
    }

    @Override
    public synchronized void add(ProductChange change, Instant at) {
        entries.put(change.clientToken(), new Entry(change.clientToken(), change.type(), change.products(), null, null, 0, false));
    }

    @Override
    public synchronized Writer lockWriter() {
        return writer;
    }

    @Override
    public synchronized List<Entry> waiting(ProductChange.Type type, String exceptToken, int limit) {
        return entries.values().stream().filter(e -> e.type() == type && e.batchToken() == null && !e.alone()
                && !e.token().equals(exceptToken)).limit(limit).toList();
    }

    @Override
    public synchronized void reserve(Collection<String> tokens, String batchToken) {
        tokens.forEach(t -> entries.computeIfPresent(t, (k, e) -> new Entry(k, e.type(), e.products(), batchToken, null, 0, e.alone())));
    }

    @Override
    public synchronized List<Entry> reservedFor(String batchToken) {
        return entries.values().stream().filter(e -> batchToken.equals(e.batchToken()))
                .sorted(java.util.Comparator.comparing(Entry::token)).toList();
    }

    @Override
    public synchronized void sent(Collection<String> tokens, String changeSetId, Instant at) {
        tokens.forEach(t -> entries.computeIfPresent(t, (k, e) -> new Entry(k, e.type(), e.products(), e.batchToken(), changeSetId, tokens.size(), e.alone())));
        writer = new Writer(changeSetId, at);
    }

    @Override
    public synchronized void running(String changeSetId, Instant at) {
        if (changeSetId.equals(writer.changeSetId())) {
            writer = new Writer(changeSetId, at);
        }
    }

    @Override
    public synchronized void ended(String changeSetId) {
        if (changeSetId.equals(writer.changeSetId())) {
            writer = new Writer(null, null);
        }
    }

    @Override
    public synchronized void waitAlone(String token) {
        entries.computeIfPresent(token, (k, e) -> new Entry(k, e.type(), e.products(), null, null, 0, true));
    }
}
