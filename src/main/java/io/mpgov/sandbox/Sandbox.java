package io.mpgov.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
    private volatile URI eventTarget;
    private volatile String eventSecret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

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

    /** Where the sandbox's EventBridge delivers events (an API destination with a shared secret). */
    public void deliverEventsTo(URI target, String secret) {
        this.eventTarget = target;
        this.eventSecret = secret;
    }

    /**
     * What someone asking for a product in the Private Marketplace causes: an {@code aws.private-marketplace}
     * event. {@code detailType} is Created (default), Approved or Declined; {@code requestId} defaults to a new one.
     */
    public record ProductRequestEvent(String productId, String detailType, String requestId, String requesterArn) {
    }

    public record Delivery(String eventId, String requestId, int status, String response) {
    }

    /** Sends the event to the configured target, outside the sandbox's lock: the target may call back. */
    public Delivery emitProductRequest(ProductRequestEvent request) throws IOException, InterruptedException {
        if (eventTarget == null || request.productId() == null) {
            throw new IllegalArgumentException(eventTarget == null ? "No event target configured" : "productId is required");
        }
        String type = "Product Request " + (request.detailType() == null ? "Created" : request.detailType());
        String requestId = request.requestId() != null ? request.requestId() : "pmp-req-" + CatalogApi.randomId(12);
        Map<String, Object> envelope = read(s -> {
            SandboxState.Product product = s.products.stream().filter(p -> p.id().equals(request.productId())).findFirst()
                    .orElse(new SandboxState.Product(request.productId(), request.productId(), "Unknown seller", "SaaSProduct@1.0"));
            String account = s.organization == null ? "000000000000" : s.organization.managementAccountId();
            String experience = s.experiences.isEmpty() ? null : s.experiences.get(0).id;
            return Json.obj("version", "0", "id", UUID.randomUUID().toString(), "detail-type", type,
                    "source", "aws.private-marketplace", "account", account, "time", Json.iso(now()), "region", s.region,
                    "resources", List.of(), "detail", Json.obj("requestId", requestId,
                            "expirationDate", Json.iso(now().plus(Duration.ofDays(30))),
                            "product", Json.obj("id", product.id(), "title", product.title(),
                                    "arn", "arn:aws:aws-marketplace:" + s.region + "::AWSMarketplace/" + product.id()),
                            "manufacturer", Json.obj("name", product.seller()), "experienceId", experience,
                            "requesterArn", request.requesterArn() != null ? request.requesterArn()
                                    : "arn:aws:iam::310987654321:role/developer"));
        });
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(eventTarget)
                .header("Content-Type", "application/json").header("X-Mpgov-Event-Secret", eventSecret == null ? "" : eventSecret)
                .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(envelope))).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Delivery((String) envelope.get("id"), requestId, response.statusCode(), response.body());
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
