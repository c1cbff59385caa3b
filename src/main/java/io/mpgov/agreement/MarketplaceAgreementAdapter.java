package io.mpgov.agreement;

import io.mpgov.aws.AwsClients;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.marketplaceagreement.MarketplaceAgreementClient;
import software.amazon.awssdk.services.marketplaceagreement.model.AcceptedTerm;
import software.amazon.awssdk.services.marketplaceagreement.model.DescribeAgreementResponse;
import software.amazon.awssdk.services.marketplaceagreement.model.ResourceNotFoundException;
import software.amazon.awssdk.services.marketplaceagreement.model.ValidationException;

/** {@link AgreementPort} on the AWS Marketplace Agreement API (DescribeAgreement + GetAgreementTerms). */
@Component
class MarketplaceAgreementAdapter implements AgreementPort {

    /** Package-private so that a test can see the region it resolved. */
    final MarketplaceAgreementClient client;

    MarketplaceAgreementAdapter(AwsClients clients) {
        // Marketplace Agreement exists in us-east-1 only, whatever region the rest of mpgov runs in.
        this.client = clients.buildInMarketplaceRegion(MarketplaceAgreementClient.builder());
    }

    @Override
    public List<Agreement> forProduct(String productId) {
        return client
                .searchAgreementsPaginator(r -> r.catalog("AWSMarketplace")
                        .filters(
                                f -> f.name("PartyType").values("Acceptor"),
                                f -> f.name("AgreementType").values("PurchaseAgreement"),
                                f -> f.name("ResourceIdentifier").values(productId)))
                .stream()
                .flatMap(page -> page.agreementViewSummaries().stream())
                .map(a -> new Agreement(
                        a.agreementId(),
                        a.statusAsString(),
                        a.proposalSummary() == null ? null : a.proposalSummary().offerId(),
                        a.proposalSummary() == null
                                ? List.of()
                                : a.proposalSummary().resources().stream()
                                        .map(res -> res.id())
                                        .toList(),
                        a.endTime(),
                        false))
                .toList();
    }

    @Override
    public Optional<Agreement> find(String agreementId) {
        DescribeAgreementResponse agreement;
        try {
            agreement = client.describeAgreement(r -> r.agreementId(agreementId));
        } catch (ResourceNotFoundException | ValidationException e) {
            return Optional.empty();
        }
        List<AcceptedTerm> terms = client.getAgreementTermsPaginator(r -> r.agreementId(agreementId)).stream()
                .flatMap(page -> page.acceptedTerms().stream())
                .toList();
        Instant end = terms.stream()
                .map(AcceptedTerm::validityTerm)
                .filter(Objects::nonNull)
                .map(v -> v.agreementEndDate())
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(agreement.endTime());
        boolean autoRenew = terms.stream()
                .map(AcceptedTerm::renewalTerm)
                .filter(Objects::nonNull)
                .anyMatch(r -> r.configuration() != null
                        && Boolean.TRUE.equals(r.configuration().enableAutoRenew()));
        return Optional.of(new Agreement(
                agreement.agreementId(),
                agreement.statusAsString(),
                agreement.proposalSummary() == null
                        ? null
                        : agreement.proposalSummary().offerId(),
                agreement.proposalSummary() == null
                        ? List.of()
                        : agreement.proposalSummary().resources().stream()
                                .map(res -> res.id())
                                .toList(),
                end,
                autoRenew));
    }
}
