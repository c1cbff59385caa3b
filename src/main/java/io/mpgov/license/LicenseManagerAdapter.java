package io.mpgov.license;

import io.mpgov.aws.AwsClients;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.licensemanager.LicenseManagerClient;
import software.amazon.awssdk.services.licensemanager.model.CreateGrantResponse;
import software.amazon.awssdk.services.licensemanager.model.Filter;
import software.amazon.awssdk.services.licensemanager.model.ListDistributedGrantsResponse;
import software.amazon.awssdk.services.licensemanager.model.ListReceivedLicensesRequest;
import software.amazon.awssdk.services.licensemanager.model.ListReceivedLicensesResponse;
import software.amazon.awssdk.services.licensemanager.model.RateLimitExceededException;
import software.amazon.awssdk.services.licensemanager.model.ValidationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@link LicensePort} on AWS License Manager. Writes are paced per operation
 * ({@code mpgov.license.calls-per-second}) and the SDK retries {@code RateLimitExceededException},
 * which it does not by default.
 */
@Component
class LicenseManagerAdapter implements LicensePort {

    private static final Pattern ACCOUNT_PRINCIPAL = Pattern.compile("arn:aws:iam::(\\d{12}):root");
    private static final List<String> OPERATIONS = List.of("CheckoutLicense", "CheckInLicense", "ExtendConsumptionLicense",
            "ListPurchasedLicenses");

    private final LicenseManagerClient client;
    private final ClientRateLimiter limiter;

    LicenseManagerAdapter(AwsClients clients, @Value("${mpgov.license.calls-per-second:18}") double callsPerSecond) {
        this.client = clients.build(LicenseManagerClient.builder(),
                // Bulk grant writes meet throttling for minutes on end; the SDK's retry quota (circuit breaker) would
                // then refuse every retry for the client's lifetime. The pace is kept by the limiter below instead.
                retry -> retry.retryOnExceptionInstanceOf(RateLimitExceededException.class).circuitBreakerEnabled(false));
        this.limiter = new ClientRateLimiter(callsPerSecond);
    }

    @Override
    public List<ReceivedLicense> licensesOf(String productId) {
        return receivedLicenses(r -> r.filters(Filter.builder().name("ProductSKU").values(productId).build()));
    }

    @Override
    public Optional<ReceivedLicense> license(String licenseArn) {
        return receivedLicenses(r -> r.licenseArns(licenseArn)).stream().findFirst();
    }

    private List<ReceivedLicense> receivedLicenses(Consumer<ListReceivedLicensesRequest.Builder> query) {
        return allPages(token -> client.listReceivedLicenses(r -> query.accept(r.nextToken(token))),
                ListReceivedLicensesResponse::nextToken, page -> page.licenses().stream()
                        .map(l -> new ReceivedLicense(l.licenseArn(), l.productSKU(), l.productName(), l.homeRegion())).toList());
    }

    @Override
    public boolean consumed(String licenseArn) {
        return client.getLicenseUsage(r -> r.licenseArn(licenseArn)).licenseUsage().entitlementUsages().stream()
                .anyMatch(u -> u.consumedValue() != null && Double.parseDouble(u.consumedValue()) > 0);
    }

    @Override
    public List<Grant> grantsOf(String licenseArn) {
        return distributedGrants(Filter.builder().name("LicenseArn").values(licenseArn).build());
    }

    @Override
    public Grant grant(String licenseArn, String homeRegion, String accountId, String token) {
        String arn;
        String status;
        try {
            limiter.acquire("CreateGrant");
            CreateGrantResponse created = client.createGrant(r -> r.clientToken(token).grantName("mpgov " + accountId)
                    .licenseArn(licenseArn).principals("arn:aws:iam::" + accountId + ":root").homeRegion(homeRegion)
                    .allowedOperationsWithStrings(OPERATIONS));
            arn = created.grantArn();
            status = created.statusAsString();
        } catch (ValidationException e) {
            // License Manager refuses a second grant to the same account: take the one that is there.
            Grant existing = distributedGrants(Filter.builder().name("LicenseArn").values(licenseArn).build(),
                    Filter.builder().name("GranteePrincipalARN").values("arn:aws:iam::" + accountId + ":root").build())
                    .stream().filter(Grant::live).findFirst().orElseThrow(() -> e);
            arn = existing.arn();
            status = existing.status();
        }
        if (status.equals("PENDING_WORKFLOW")) {
            String grantArn = arn;
            limiter.acquire("CreateGrantVersion");
            var activated = client.createGrantVersion(r -> r.clientToken(token + "-a").grantArn(grantArn).status("ACTIVE"));
            return new Grant(arn, licenseArn, accountId, activated.statusAsString(), activated.version());
        }
        return new Grant(arn, licenseArn, accountId, status, null);
    }

    @Override
    public Grant revoke(Grant grant, String reason) {
        try {
            return delete(grant, grant.version(), reason);
        } catch (ValidationException e) {
            // Deleted meanwhile (a concurrent reconciliation), or changed since the plan read it: look again.
            var now = client.getGrant(r -> r.grantArn(grant.arn())).grant();
            Grant current = new Grant(grant.arn(), grant.licenseArn(), grant.accountId(), now.grantStatusAsString(), now.version());
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
        limiter.acquire("DeleteGrant");
        var deleted = client.deleteGrant(r -> r.grantArn(grant.arn()).version(version).statusReason(reason));
        return new Grant(grant.arn(), grant.licenseArn(), grant.accountId(), deleted.statusAsString(), deleted.version());
    }

    private List<Grant> distributedGrants(Filter... filters) {
        return allPages(token -> client.listDistributedGrants(r -> r.nextToken(token).filters(filters)),
                ListDistributedGrantsResponse::nextToken, page -> page.grants().stream()
                        .map(g -> Map.entry(g, ACCOUNT_PRINCIPAL.matcher(g.granteePrincipalArn())))
                        .filter(e -> e.getValue().matches())
                        .map(e -> new Grant(e.getKey().grantArn(), e.getKey().licenseArn(), e.getValue().group(1),
                                e.getKey().grantStatusAsString(), e.getKey().version()))
                        .toList());
    }

    /** License Manager's SDK has no paginators: follow NextToken until it ends. */
    private static <P, T> List<T> allPages(Function<String, P> call, Function<P, String> nextToken, Function<P, List<T>> items) {
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
