package io.mpgov.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The emulated AWS account: its state, its knobs and its clock. Every AWS call and every admin call
 * runs while holding this object's monitor, which keeps the emulator simple and its answers consistent.
 */
public final class Sandbox {

    private final Clock clock;
    private final Knobs knobs = new Knobs();
    private final Map<String, java.util.concurrent.atomic.AtomicLong> calls =
            new java.util.concurrent.ConcurrentHashMap<>();
    private SandboxState state = new SandboxState();
    private volatile URI eventTarget;
    private volatile String eventSecret;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public Sandbox(Clock clock) {
        this.clock = clock;
    }

    public Knobs knobs() {
        return knobs;
    }

    /** How often an AWS operation was answered (throttled and faulted calls included) since start. */
    public long calls(String operation) {
        java.util.concurrent.atomic.AtomicLong count = calls.get(operation);
        return count == null ? 0 : count.get();
    }

    public Map<String, Long> callCounts() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        calls.forEach((op, count) -> counts.put(op, count.get()));
        return counts;
    }

    void counted(String operation) {
        calls.computeIfAbsent(operation, k -> new java.util.concurrent.atomic.AtomicLong())
                .incrementAndGet();
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

    /** Empties the account: no organization, no catalog, no mail. Knobs keep their settings; faults and holds end. */
    public synchronized void reset() {
        state = new SandboxState();
        knobs.faults.clear();
        knobs.changeSetFailures.clear();
        knobs.hold.release();
    }

    /**
     * Adds a benchmark load to the demo organization: {@code accounts} ACTIVE accounts in the OU
     * {@value DemoOrganization#OU_BENCHMARK} and {@code licenses} received licenses, products
     * {@code prod-bench00000001…}.
     */
    public synchronized void addBenchmarkLoad(int licenses, int accounts) {
        DemoOrganization.addBenchmarkLoad(state, now(), licenses, accounts);
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
    public record OfferAcceptance(String offerId, String productId, Integer months, String agreementValue) {}

    /** Accepts a private offer as the console would: an ACTIVE purchase agreement from today. */
    public synchronized SandboxState.Agreement acceptOffer(OfferAcceptance offer) {
        if (offer.offerId() == null || offer.productId() == null) {
            throw new IllegalArgumentException("offerId and productId are required");
        }
        Instant start = now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String account = state.organization == null ? "000000000000" : state.organization.managementAccountId();
        SandboxState.Agreement agreement = new SandboxState.Agreement(
                "agmt-" + CatalogApi.randomId(25),
                offer.offerId(),
                offer.productId(),
                "999999999999",
                account,
                start,
                start,
                start.atZone(java.time.ZoneOffset.UTC)
                        .plusMonths(offer.months() == null ? 12 : offer.months())
                        .toInstant(),
                "ACTIVE",
                false,
                "USD",
                offer.agreementValue() == null ? "0" : offer.agreementValue());
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
    public record ProductRequestEvent(String productId, String detailType, String requestId, String requesterArn) {}

    public record Delivery(String eventId, String requestId, int status, String response) {}

    /** Sends a PMP product request event to the configured target, outside the sandbox's lock: the target may call back. */
    public Delivery emitProductRequest(ProductRequestEvent request) throws IOException, InterruptedException {
        if (request.productId() == null) {
            throw new IllegalArgumentException("productId is required");
        }
        String type = "Product Request " + (request.detailType() == null ? "Created" : request.detailType());
        String requestId = request.requestId() != null ? request.requestId() : "pmp-req-" + CatalogApi.randomId(12);
        Map<String, Object> detail = read(s -> {
            SandboxState.Product product = s.products.stream()
                    .filter(p -> p.id().equals(request.productId()))
                    .findFirst()
                    .orElse(new SandboxState.Product(
                            request.productId(), request.productId(), "Unknown seller", "SaaSProduct@1.0"));
            return Json.obj(
                    "requestId",
                    requestId,
                    "expirationDate",
                    Json.iso(now().plus(Duration.ofDays(30))),
                    "product",
                    Json.obj(
                            "id",
                            product.id(),
                            "title",
                            product.title(),
                            "arn",
                            "arn:aws:aws-marketplace:" + s.region + "::AWSMarketplace/" + product.id()),
                    "manufacturer",
                    Json.obj("name", product.seller()),
                    "experienceId",
                    s.experiences.isEmpty() ? null : s.experiences.get(0).id,
                    "requesterArn",
                    request.requesterArn() != null
                            ? request.requesterArn()
                            : "arn:aws:iam::310987654321:role/developer");
        });
        Delivery delivery = emit("aws.private-marketplace", type, detail);
        return new Delivery(delivery.eventId(), requestId, delivery.status(), delivery.response());
    }

    /** An EventBridge envelope to the configured target (not under the lock: the target may call the sandbox). */
    public Delivery emit(String source, String detailType, Map<String, Object> detail)
            throws IOException, InterruptedException {
        if (eventTarget == null) {
            throw new IllegalArgumentException("No event target configured");
        }
        Map<String, Object> envelope = read(s -> Json.obj(
                "version",
                "0",
                "id",
                UUID.randomUUID().toString(),
                "detail-type",
                detailType,
                "source",
                source,
                "account",
                s.organization == null ? "000000000000" : s.organization.managementAccountId(),
                "time",
                Json.iso(now()),
                "region",
                s.region,
                "resources",
                List.of(),
                "detail",
                detail));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(eventTarget)
                        .header("Content-Type", "application/json")
                        .header("X-Mpgov-Event-Secret", eventSecret == null ? "" : eventSecret)
                        .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(envelope)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return new Delivery((String) envelope.get("id"), null, response.statusCode(), response.body());
    }

    /** A new member account, as Organizations' CreateAccount would make it. */
    public record NewAccount(String id, String name, String parentId, Map<String, String> tags) {}

    /** Adds an ACTIVE account and, when events go somewhere, says so as CloudTrail would (CreateAccountResult). */
    public SandboxState.Account addAccount(NewAccount request) throws IOException, InterruptedException {
        SandboxState.Account account;
        synchronized (this) {
            if (state.organization == null || request.name() == null) {
                throw new IllegalArgumentException(
                        state.organization == null ? "No organization: seed first" : "name is required");
            }
            String parent = request.parentId() == null ? state.organization.rootId() : request.parentId();
            if (!parent.equals(state.organization.rootId())
                    && state.organizationalUnits.stream()
                            .noneMatch(ou -> ou.id().equals(parent))) {
                throw new IllegalArgumentException("No root or OU " + parent);
            }
            String id = request.id() != null
                    ? request.id()
                    : String.valueOf(600_000_000_000L
                            + java.util.concurrent.ThreadLocalRandom.current().nextLong(99_999_999_999L));
            if (state.accounts.stream().anyMatch(a -> a.id.equals(id))) {
                throw new IllegalArgumentException("Account " + id + " exists already");
            }
            account = new SandboxState.Account(
                    id,
                    "arn:aws:organizations::" + state.organization.managementAccountId() + ":account/"
                            + state.organization.id() + "/" + id,
                    request.name(),
                    "aws+" + request.name() + "@" + DemoOrganization.MAIL_DOMAIN,
                    "ACTIVE",
                    now(),
                    parent,
                    request.tags() == null ? Map.of() : request.tags());
            state.accounts.add(account);
        }
        emitIfConnected(
                "aws.organizations",
                "AWS Service Event via CloudTrail",
                Json.obj(
                        "eventSource",
                        "organizations.amazonaws.com",
                        "eventName",
                        "CreateAccountResult",
                        "serviceEventDetails",
                        Json.obj(
                                "createAccountStatus",
                                Json.obj("state", "SUCCEEDED", "accountId", account.id, "accountName", account.name))));
        return account;
    }

    /** ACTIVE, SUSPENDED, PENDING_CLOSURE or CLOSED; closing is announced (CloseAccount), suspension is not — as in AWS. */
    public SandboxState.Account setAccountState(String accountId, String newState)
            throws IOException, InterruptedException {
        if (!List.of("ACTIVE", "SUSPENDED", "PENDING_CLOSURE", "CLOSED").contains(newState)) {
            throw new IllegalArgumentException("Unknown account state " + newState);
        }
        SandboxState.Account account = withAccount(accountId, a -> a.state = newState);
        if (newState.equals("CLOSED") || newState.equals("PENDING_CLOSURE")) {
            emitIfConnected(
                    "aws.organizations",
                    "AWS API Call via CloudTrail",
                    Json.obj(
                            "eventSource",
                            "organizations.amazonaws.com",
                            "eventName",
                            "CloseAccount",
                            "requestParameters",
                            Json.obj("accountId", accountId)));
        }
        return account;
    }

    /**
     * Replaces an account's tags and announces it as CloudTrail would: UntagResource for the keys that
     * went, TagResource for the tags that came or changed.
     */
    public SandboxState.Account setTags(String accountId, Map<String, String> tags)
            throws IOException, InterruptedException {
        Map<String, String> before = new java.util.TreeMap<>();
        SandboxState.Account account = withAccount(accountId, a -> {
            before.putAll(a.tags);
            a.tags.clear();
            a.tags.putAll(tags);
        });
        List<String> removed =
                before.keySet().stream().filter(k -> !tags.containsKey(k)).toList();
        Map<String, String> added = new java.util.TreeMap<>(tags);
        added.entrySet().removeIf(t -> t.getValue().equals(before.get(t.getKey())));
        if (!removed.isEmpty()) {
            emitIfConnected(
                    "aws.organizations",
                    "AWS API Call via CloudTrail",
                    Json.obj(
                            "eventSource",
                            "organizations.amazonaws.com",
                            "eventName",
                            "UntagResource",
                            "requestParameters",
                            Json.obj("resourceId", accountId, "tagKeys", removed)));
        }
        if (!added.isEmpty()) {
            emitIfConnected(
                    "aws.organizations",
                    "AWS API Call via CloudTrail",
                    Json.obj(
                            "eventSource",
                            "organizations.amazonaws.com",
                            "eventName",
                            "TagResource",
                            "requestParameters",
                            Json.obj(
                                    "resourceId",
                                    accountId,
                                    "tags",
                                    added.entrySet().stream()
                                            .map(t -> Json.obj("key", t.getKey(), "value", t.getValue()))
                                            .toList())));
        }
        return account;
    }

    /** What GetLicenseUsage reports as consumed for every license of the product from now on (0: unused). */
    public synchronized void setLicenseUsage(String productId, long consumed) {
        List<SandboxState.License> licenses = state.licenses.stream()
                .filter(l -> l.productSku().equals(productId))
                .toList();
        if (licenses.isEmpty()) {
            throw new IllegalArgumentException("No license for product " + productId);
        }
        licenses.forEach(l -> state.licenseConsumption.put(l.arn(), consumed));
    }

    /**
     * Spend on a Marketplace product as Cost Explorer will report it: a charge of {@code amount} USD on
     * {@code day} (default yesterday) under the product's title; an amount of 0 takes every charge of the product away.
     */
    public synchronized SandboxState.Charge setSpend(
            String productId, java.time.LocalDate day, java.math.BigDecimal amount) {
        String title = state.products.stream()
                .filter(p -> p.id().equals(productId))
                .map(SandboxState.Product::title)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No product " + productId + " in the catalog"));
        if (amount.signum() == 0) {
            state.charges.removeIf(c -> c.service().equals(title));
            return null;
        }
        SandboxState.Charge charge = new SandboxState.Charge(
                day != null
                        ? day
                        : now().atZone(java.time.ZoneOffset.UTC).toLocalDate().minusDays(1),
                title,
                CostExplorerApi.MARKETPLACE,
                state.organization == null ? "000000000000" : state.organization.managementAccountId(),
                "Usage",
                amount,
                java.math.BigDecimal.ONE);
        state.charges.add(charge);
        return charge;
    }

    /**
     * A further license for a product the organization has (e.g. a new agreement's), announced as
     * License Manager does (License Change).
     */
    public SandboxState.License receiveLicense(String productId) throws IOException, InterruptedException {
        SandboxState.License license;
        synchronized (this) {
            SandboxState.License model = state.licenses.stream()
                    .filter(l -> l.productSku().equals(productId))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "No license for product " + productId + " to model a new one on"));
            String arn = model.arn() + "-"
                    + (state.licenses.stream()
                                    .filter(l -> l.productSku().equals(productId))
                                    .count()
                            + 1);
            license = new SandboxState.License(
                    arn,
                    model.name(),
                    model.productName(),
                    productId,
                    model.issuer(),
                    model.homeRegion(),
                    "AVAILABLE",
                    now(),
                    model.validUntil(),
                    model.beneficiary(),
                    model.offerType(),
                    model.entitlements());
            state.licenses.add(license);
        }
        emitIfConnected(
                "aws.license-manager", "License Change", Json.obj("LicenseArn", license.arn(), "Status", "AVAILABLE"));
        return license;
    }

    /** What the grantee does to accept a grant waiting for it (AcceptGrant): it becomes DISABLED, to be activated. */
    public synchronized Map<String, Object> acceptGrant(String grantArn) {
        advance();
        return LicenseManagerApi.answerAsGrantee(state, grantArn, true);
    }

    /** What the grantee does to reject a grant waiting for it (RejectGrant). */
    public synchronized Map<String, Object> rejectGrant(String grantArn) {
        advance();
        return LicenseManagerApi.answerAsGrantee(state, grantArn, false);
    }

    /**
     * The accounts that can use the license now: those with an ACTIVE grant of their own, and every account in an
     * OU (at any depth) or organization whose grant is distributed (WORKFLOW_COMPLETED), as License Manager covers them.
     */
    public synchronized java.util.Set<String> licenseHolders(String licenseArn) {
        advance();
        java.util.Set<String> holders = new java.util.TreeSet<>();
        for (SandboxState.Grant g : state.grants) {
            if (!g.licenseArn.equals(licenseArn)) {
                continue;
            }
            if (g.status.equals("ACTIVE") && g.principal.startsWith("arn:aws:iam::")) {
                holders.add(g.principal.substring("arn:aws:iam::".length(), "arn:aws:iam::".length() + 12));
            } else if (g.status.equals("WORKFLOW_COMPLETED")) {
                holders.addAll(accountsCoveredBy(g.principal));
            }
        }
        return holders;
    }

    private java.util.Set<String> accountsCoveredBy(String principal) {
        java.util.Set<String> parents = new java.util.HashSet<>();
        if (principal.contains(":organization/")) {
            return state.accounts.stream().map(a -> a.id).collect(java.util.stream.Collectors.toSet());
        }
        state.organizationalUnits.stream()
                .filter(ou -> ou.arn().equals(principal))
                .forEach(ou -> parents.add(ou.id()));
        for (boolean grew = true; grew; ) {
            grew = state.organizationalUnits.stream()
                    .filter(ou -> parents.contains(ou.parentId()))
                    .map(ou -> parents.add(ou.id()))
                    .reduce(false, Boolean::logicalOr);
        }
        return state.accounts.stream()
                .filter(a -> parents.contains(a.parentId))
                .map(a -> a.id)
                .collect(java.util.stream.Collectors.toSet());
    }

    private synchronized SandboxState.Account withAccount(
            String accountId, java.util.function.Consumer<SandboxState.Account> change) {
        SandboxState.Account account = state.accounts.stream()
                .filter(a -> a.id.equals(accountId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No account " + accountId));
        change.accept(account);
        return account;
    }

    private void emitIfConnected(String source, String detailType, Map<String, Object> detail)
            throws IOException, InterruptedException {
        if (eventTarget != null) {
            emit(source, detailType, detail);
        }
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
        Instant now = now();
        ChangeSetLifecycle.advance(state, knobs, now);
        for (SandboxState.Grant grant : state.grants) {
            if (grant.pendingStatus != null && !now.isBefore(grant.transitionAt)) {
                grant.status = grant.pendingStatus;
                grant.pendingStatus = null;
                grant.transitionAt = null;
            }
        }
    }
}
