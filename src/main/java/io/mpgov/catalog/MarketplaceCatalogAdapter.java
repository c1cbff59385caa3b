package io.mpgov.catalog;

import io.mpgov.aws.AwsClients;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.marketplacecatalog.MarketplaceCatalogClient;
import software.amazon.awssdk.services.marketplacecatalog.model.Change;
import software.amazon.awssdk.services.marketplacecatalog.model.ChangeSummary;
import software.amazon.awssdk.services.marketplacecatalog.model.DescribeChangeSetResponse;
import software.amazon.awssdk.services.marketplacecatalog.model.ResourceInUseException;

import java.util.List;
import java.util.Optional;

/** {@link CatalogPort} on the AWS Marketplace Catalog API. */
@Component
class MarketplaceCatalogAdapter implements CatalogPort {

    static final String CATALOG = "AWSMarketplace";
    private static final String EXPERIENCE_TYPE = "Experience@1.0";

    private final MarketplaceCatalogClient client;
    private final CatalogSettings settings;

    MarketplaceCatalogAdapter(AwsClients clients, CatalogSettings settings) {
        this.client = clients.build(MarketplaceCatalogClient.builder());
        this.settings = settings;
    }

    @Override
    public String startProductChange(ProductChange change) {
        Document details = Document.mapBuilder()
                .putList("Products", products -> change.products().forEach(group -> products.addMap(product -> {
                    product.putList("Ids", ids -> group.ids().forEach(ids::addString));
                    if (group.notes() != null) {
                        product.putString("Notes", group.notes());
                    }
                })))
                .build();
        try {
            return client.startChangeSet(r -> r.catalog(CATALOG)
                    .changeSetName("mpgov " + change.clientToken())
                    .clientRequestToken(change.clientToken())
                    .changeSet(Change.builder()
                            .changeType(change.type().changeType)
                            .entity(e -> e.type(EXPERIENCE_TYPE).identifier(settings.getExperienceId()))
                            .detailsDocument(details)
                            .build()))
                    .changeSetId();
        } catch (ResourceInUseException e) {
            throw new EntityLockedException("Private Marketplace " + settings.getExperienceId()
                    + " is locked by another change set: " + e.awsErrorDetails().errorMessage(), e);
        }
    }

    @Override
    public List<String> allowedProducts() {
        Document details = client.describeEntity(r -> r.catalog(CATALOG).entityId(settings.getExperienceId())).detailsDocument();
        if (details == null || !details.isMap() || !details.asMap().containsKey("AllowedProducts")) {
            return List.of();
        }
        return details.asMap().get("AllowedProducts").asList().stream()
                .map(product -> product.asMap().get("ProductId").asString()).sorted().toList();
    }

    @Override
    public ChangeSetStatus describeChangeSet(String changeSetId) {
        DescribeChangeSetResponse response = client.describeChangeSet(r -> r.catalog(CATALOG).changeSetId(changeSetId));
        List<String> errors = response.changeSet().stream()
                .map(ChangeSummary::errorDetailList).flatMap(List::stream)
                .map(e -> e.errorCode() + ": " + e.errorMessage())
                .toList();
        return new ChangeSetStatus(response.changeSetId(), response.statusAsString(),
                response.failureCodeAsString(), errors);
    }

    /** DescribeEntity of the product: its EntityType and Details.Description.ProductTitle. */
    @Override
    public Optional<Listing> listing(String productId) {
        try {
            var entity = client.describeEntity(r -> r.catalog(CATALOG).entityId(productId));
            Document details = entity.detailsDocument();
            Document description = details != null && details.isMap() ? details.asMap().get("Description") : null;
            Document title = description != null && description.isMap() ? description.asMap().get("ProductTitle") : null;
            return Optional.of(new Listing(productId, title != null && title.isString() ? title.asString() : null, entity.entityType()));
        } catch (AwsServiceException e) {
            // Not described to this account (404, or 403 for a buyer without catalog access): the type stays unknown.
            if (e.statusCode() == 404 || e.statusCode() == 403) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
