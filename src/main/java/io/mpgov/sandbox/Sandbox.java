package io.mpgov.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;

/**
 * The emulated AWS account: its state, its knobs and its clock. Every AWS call and every admin call
 * runs while holding this object's monitor, which keeps the emulator simple and its answers consistent.
 */
public final class Sandbox {

    private final Clock clock;
    private final Knobs knobs = new Knobs();
    private SandboxState state = new SandboxState();

    public Sandbox(Clock clock) {
        this.clock = clock;
    }

    public Knobs knobs() {
        return knobs;
    }

    Instant now() {
        return clock.instant();
    }

    /** The live state; callers outside this package must go through {@link #read(Function)}. */
    SandboxState state() {
        return state;
    }

    /** Reads the state consistently, after due change sets have moved on. */
    public synchronized <T> T read(Function<SandboxState, T> reader) {
        advance();
        return reader.apply(state);
    }

    /** Empties the account: no organization, no catalog, no mail. Knobs keep their settings. */
    public synchronized void reset() {
        state = new SandboxState();
        knobs.faults.clear();
        knobs.changeSetFailures.clear();
    }

    /** Replaces the state with the demo organization, dated relative to now. */
    public synchronized void seedDemo() {
        reset();
        state = DemoOrganization.create(now());
    }

    /**
     * What a buyer does in the AWS Marketplace console when accepting a private offer.
     *
     * @param months contract length; 12 when absent
     */
    public record OfferAcceptance(String offerId, String productId, Integer months, String agreementValue) {
    }

    /** Accepts a private offer as the console would: an ACTIVE purchase agreement from today. */
    public synchronized SandboxState.Agreement acceptOffer(OfferAcceptance offer) {
        if (offer.offerId() == null || offer.productId() == null) {
            throw new IllegalArgumentException("offerId and productId are required");
        }
        Instant start = now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String account = state.organization == null ? "000000000000" : state.organization.managementAccountId();
        SandboxState.Agreement agreement = new SandboxState.Agreement("agmt-" + CatalogApi.randomId(25), offer.offerId(),
                offer.productId(), "999999999999", account, start, start,
                start.atZone(java.time.ZoneOffset.UTC).plusMonths(offer.months() == null ? 12 : offer.months()).toInstant(),
                "ACTIVE", false, "USD", offer.agreementValue() == null ? "0" : offer.agreementValue());
        state.agreements.add(agreement);
        return agreement;
    }

    /** Saves the state, so a restarted demo finds the change sets its processes still follow. */
    public synchronized void save(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, toJson());
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the sandbox state to " + file, e);
        }
    }

    /** Loads a state saved by {@link #save(Path)}. */
    public synchronized void load(Path file) {
        try {
            state = Json.MAPPER.readValue(file.toFile(), SandboxState.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the sandbox state from " + file, e);
        }
    }

    public synchronized String toJson() {
        advance();
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves change sets along their lifecycle as time passes (evaluated lazily on every call). */
    synchronized void advance() {
        ChangeSetLifecycle.advance(state, knobs, now());
    }
}
