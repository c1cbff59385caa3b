package io.mpgov.license;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.mpgov.aws.AwsClients;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.licensemanager.LicenseManagerClient;
import software.amazon.awssdk.services.licensemanager.model.ActivationOverrideBehavior;
import software.amazon.awssdk.services.licensemanager.model.AllowedOperation;
import software.amazon.awssdk.services.licensemanager.model.CreateGrantResponse;
import software.amazon.awssdk.services.licensemanager.model.Filter;
import software.amazon.awssdk.services.licensemanager.model.GrantStatus;
import software.amazon.awssdk.services.licensemanager.model.ListDistributedGrantsResponse;
import software.amazon.awssdk.services.licensemanager.model.ListReceivedLicensesRequest;
import software.amazon.awssdk.services.licensemanager.model.ListReceivedLicensesResponse;
import software.amazon.awssdk.services.licensemanager.model.Options;
import software.amazon.awssdk.services.licensemanager.model.RateLimitExceededException;
import software.amazon.awssdk.services.licensemanager.model.ValidationException;

/**
 * {@link LicensePort} on AWS License Manager. Writes are paced per operation
 * ({@code mpgov.license.calls-per-second}, a Resilience4j rate limiter of one call per 1/n s, so parallel
 * workers share the service's rate instead of discovering it through throttling and backoff) and the SDK
 * retries {@code RateLimitExceededException}, which it does not by default.
 */
@Component
class LicenseManagerAdapter implements LicensePort {

    private static final Pattern ACCOUNT_PRINCIPAL = Pattern.compile("arn:aws:iam::(\\d{12}):root");
    private static final Pattern OU_PRINCIPAL =
            Pattern.compile("arn:aws:organizations::\\d{12}:ou/o-[a-z0-9]+/(ou-[a-z0-9-]+)");
    private static final List<String> OPERATIONS =
            List.of("CheckoutLicense", "CheckInLicense", "ExtendConsumptionLicense", "ListPurchasedLicenses");

    private final LicenseManagerClient client;
    /** One limiter per write operation; null: not paced. */
    private final RateLimiterRegistry limiters;

    @Autowired
    LicenseManagerAdapter(AwsClients clients, LicenseSettings settings) {
        this(clients, settings.callsPerSecond());
    }

    LicenseManagerAdapter(AwsClients clients, double callsPerSecond) {
        this.client = clients.build(
                LicenseManagerClient.builder(),
                // Bulk grant writes meet throttling for minutes on end; the SDK's retry quota (circuit breaker) would
                // then refuse every retry for the client's lifetime. The pace is kept by the limiter below instead.
                retry -> retry.retryOnExceptionInstanceOf(RateLimitExceededException.class)
                        .circuitBreakerEnabled(false));
        this.limiters = callsPerSecond <= 0
                ? null
                : RateLimiterRegistry.of(RateLimiterConfig.custom()
                        .limitForPeriod(1)
                        .limitRefreshPeriod(Duration.ofNanos((long) Math.ceil(1e9 / callsPerSecond)))
                        // a caller waits its turn, however many are ahead of it (as many as mpgov.license.parallelism)
                        .timeoutDuration(Duration.ofDays(1))
                        .build());
    }

    @Override
    public List<ReceivedLicense> licensesOf(String productId) {
        return receivedLicenses(r ->
                r.filters(Filter.builder().name("ProductSKU").values(productId).build()));
    }

    @Override
    public Optional<ReceivedLicense> license(String licenseArn) {
        return receivedLicenses(r -> r.licenseArns(licenseArn)).stream().findFirst();
    }

    private List<ReceivedLicense> receivedLicenses(Consumer<ListReceivedLicensesRequest.Builder> query) {
        return allPages(
                token -> client.listReceivedLicenses(r -> query.accept(r.nextToken(token))),
                ListReceivedLicensesResponse::nextToken,
                page -> page.licenses().stream()
                        .map(l -> new ReceivedLicense(
                                l.licenseArn(),
                                l.productSKU(),
                                l.productName(),
                                l.homeRegion(),
                                l.validity() == null
                                        ? null
                                        : instant(l.validity().begin()),
                                l.validity() == null
                                        ? null
                                        : instant(l.validity().end()),
                                // What AWS lets this account do with the license: SaaS licenses, and licenses shared
                                // with
                                // this account, do not allow CreateGrant.
                                l.receivedMetadata() == null
                                        || l.receivedMetadata()
                                                .allowedOperations()
                                                .contains(AllowedOperation.CREATE_GRANT)))
                        .toList());
    }

    private static Instant instant(String iso) {
        return iso == null || iso.isBlank() ? null : Instant.parse(iso);
    }

    @Override
    public boolean consumed(String licenseArn) {
        return client.getLicenseUsage(r -> r.licenseArn(licenseArn)).licenseUsage().entitlementUsages().stream()
                .anyMatch(u -> u.consumedValue() != null && Double.parseDouble(u.consumedValue()) > 0);
    }

    @Override
    public List<Grant> grantsOf(String licenseArn) {
        return distributedGrants(
                Filter.builder().name("LicenseArn").values(licenseArn).build());
    }

    @Override
    public Grant grant(GrantOrder order) {
        Grant grant = order.existing() != null ? order.existing() : create(order);
        // PENDING_WORKFLOW: new, activation not yet asked (version 1); DISABLED: accepted (auto-accepted in a linked
        // organization, or by the grantee) but not active. PENDING_ACCEPT waits for the grantee, ACTIVE and
        // WORKFLOW_COMPLETED are done, and any other status cannot be activated.
        boolean activate = grant.status().equals("DISABLED")
                || grant.status().equals("PENDING_WORKFLOW") && "1".equals(grant.version());
        if (!activate) {
            return grant;
        }
        pace("CreateGrantVersion");
        try {
            // The token names the version activated, so re-activating a grant disabled later is a new request, not a
            // replay.
            var activated = client.createGrantVersion(r -> r.clientToken(order.token() + "-a" + grant.version())
                    .grantArn(grant.arn())
                    .status(GrantStatus.ACTIVE)
                    .options(
                            order.replaceActive()
                                    ? Options.builder()
                                            .activationOverrideBehavior(
                                                    ActivationOverrideBehavior.ALL_GRANTS_PERMITTED_BY_ISSUER)
                                            .build()
                                    : null));
            return new Grant(
                    grant.arn(),
                    grant.licenseArn(),
                    grant.accountId(),
                    activated.statusAsString(),
                    activated.version());
        } catch (ValidationException e) {
            // The new grant's workflow ended meanwhile in PENDING_ACCEPT (organization not linked): the grantee accepts
            // first, and the grant is activated once it is DISABLED. Anything else is a real refusal.
            var now = client.getGrant(r -> r.grantArn(grant.arn())).grant();
            if (now.grantStatus() == GrantStatus.PENDING_ACCEPT) {
                return new Grant(
                        grant.arn(), grant.licenseArn(), grant.accountId(), now.grantStatusAsString(), now.version());
            }
            throw e;
        }
    }

    private Grant create(GrantOrder order) {
        String grantee = grantee(order.principalArn());
        try {
            pace("CreateGrant");
            CreateGrantResponse created = client.createGrant(r -> r.clientToken(order.token())
                    .grantName("mpgov " + grantee)
                    .licenseArn(order.licenseArn())
                    .principals(order.principalArn())
                    .homeRegion(order.homeRegion())
                    .allowedOperationsWithStrings(OPERATIONS));
            return new Grant(
                    created.grantArn(), order.licenseArn(), grantee, created.statusAsString(), created.version());
        } catch (ValidationException e) {
            // License Manager refuses a second grant of a license to the same principal, whatever the first one's
            // status (DISABLED and PENDING_ACCEPT included): take the one that is there.
            return distributedGrants(
                            Filter.builder()
                                    .name("LicenseArn")
                                    .values(order.licenseArn())
                                    .build(),
                            Filter.builder()
                                    .name("GranteePrincipalARN")
                                    .values(order.principalArn())
                                    .build())
                    .stream()
                    .filter(Grant::live)
                    .findFirst()
                    .orElseThrow(() -> e);
        }
    }

    @Override
    public Grant revoke(Grant grant, String reason) {
        try {
            return delete(grant, grant.version(), reason);
        } catch (ValidationException e) {
            // Deleted meanwhile (a concurrent reconciliation), or changed since the plan read it: look again.
            var now = client.getGrant(r -> r.grantArn(grant.arn())).grant();
            Grant current = new Grant(
                    grant.arn(), grant.licenseArn(), grant.accountId(), now.grantStatusAsString(), now.version());
            if (!current.live()) {
                return current;
            }
            if (!current.version().equals(grant.version())) {
                return delete(grant, current.version(), reason);
            }
            throw e;
        }
    }

    private Grant delete(Grant grant, String version, String reason) {
        pace("DeleteGrant");
        var deleted =
                client.deleteGrant(r -> r.grantArn(grant.arn()).version(version).statusReason(reason));
        return new Grant(
                grant.arn(), grant.licenseArn(), grant.accountId(), deleted.statusAsString(), deleted.version());
    }

    /** Blocks until the operation may be called again. */
    private void pace(String operation) {
        if (limiters != null) {
            RateLimiter.waitForPermission(limiters.rateLimiter(operation));
        }
    }

    private List<Grant> distributedGrants(Filter... filters) {
        return allPages(
                token -> client.listDistributedGrants(r -> r.nextToken(token).filters(filters)),
                ListDistributedGrantsResponse::nextToken,
                page -> page.grants().stream()
                        .filter(g -> grantee(g.granteePrincipalArn()) != null)
                        .map(g -> new Grant(
                                g.grantArn(),
                                g.licenseArn(),
                                grantee(g.granteePrincipalArn()),
                                g.grantStatusAsString(),
                                g.version()))
                        .toList());
    }

    /** The account id of an account principal, the OU id of an OU principal; null for the organization or anything else. */
    static String grantee(String principalArn) {
        Matcher account = ACCOUNT_PRINCIPAL.matcher(principalArn);
        if (account.matches()) {
            return account.group(1);
        }
        Matcher ou = OU_PRINCIPAL.matcher(principalArn);
        return ou.matches() ? ou.group(1) : null;
    }

    /** License Manager's SDK has no paginators: follow NextToken until it ends. */
    private static <P, T> List<T> allPages(
            Function<String, P> call, Function<P, String> nextToken, Function<P, List<T>> items) {
        List<T> all = new ArrayList<>();
        String token = null;
        do {
            P page = call.apply(token);
            all.addAll(items.apply(page));
            token = nextToken.apply(page);
        } while (token != null);
        return all;
    }
}
