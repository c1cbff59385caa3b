package io.mpgov.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mpgov.aws.AwsClients;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.marketplacecatalog.MarketplaceCatalogClient;
import software.amazon.awssdk.services.marketplacecatalog.model.Change;
import software.amazon.awssdk.services.marketplacecatalog.model.ChangeSummary;
import software.amazon.awssdk.services.marketplacecatalog.model.DescribeChangeSetResponse;
import software.amazon.awssdk.services.marketplacecatalog.model.DescribeEntityResponse;
import software.amazon.awssdk.services.marketplacecatalog.model.EntitySummary;
import software.amazon.awssdk.services.marketplacecatalog.model.ResourceInUseException;

/**
 * {@link CatalogPort} on the AWS Marketplace Catalog API, in us-east-1 (the only region it exists in).
 * What an experience allows is not in the Experience entity: its details name its ProcurementPolicies,
 * whose Statements list the products (Effect Allow or Deny, Resources of Type Product with Ids). Who
 * an experience applies to is in its Audience entity (Principals, ExperienceId). A shape other than
 * these fails loudly: an empty list read from a shape mpgov misunderstood would look like an empty PMP.
 */
@Component
class MarketplaceCatalogAdapter implements CatalogPort {

    static final String CATALOG = "AWSMarketplace";
    static final String EXPERIENCE_TYPE = "Experience@1.0";
    static final String PROCUREMENT_POLICY_TYPE = "ProcurementPolicy@1.0";
    static final String AUDIENCE_TYPE = "Audience@1.0";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Package-private so that a test can see the region it resolved. */
    final MarketplaceCatalogClient client;

    private final CatalogSettings settings;

    @Autowired
    MarketplaceCatalogAdapter(AwsClients clients, CatalogSettings settings) {
        this(clients.buildInMarketplaceRegion(MarketplaceCatalogClient.builder()), settings);
    }

    MarketplaceCatalogAdapter(MarketplaceCatalogClient client, CatalogSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    @Override
    public String startProductChange(ProductChange change) {
        String experience = change.experienceId() != null ? change.experienceId() : settings.primaryExperienceId();
        Document details = Document.mapBuilder()
                .putList(
                        "Products",
                        products -> change.products()
                                .forEach(group -> products.addMap(product -> {
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
                                    .entity(e -> e.type(EXPERIENCE_TYPE).identifier(experience))
                                    .detailsDocument(details)
                                    .build()))
                    .changeSetId();
        } catch (ResourceInUseException e) {
            throw new EntityLockedException(
                    "Private Marketplace " + experience + " is locked by another change set: "
                            + e.awsErrorDetails().errorMessage(),
                    e);
        }
    }

    @Override
    public List<String> allowedProducts() {
        return allowedProducts(settings.primaryExperienceId());
    }

    @Override
    public List<String> allowedProducts(String experienceId) {
        JsonNode experience = details(experienceId, EXPERIENCE_TYPE);
        List<String> policies =
                strings(experience.get("ProcurementPolicies"), "ProcurementPolicies of " + experienceId);
        if (policies.isEmpty()) {
            throw new IllegalStateException("Experience " + experienceId + " names no procurement policy");
        }
        Set<String> allowed = new TreeSet<>();
        Set<String> denied = new TreeSet<>();
        for (String policyId : policies) {
            JsonNode statements = details(policyId, PROCUREMENT_POLICY_TYPE).get("Statements");
            if (statements == null || !statements.isArray()) {
                throw new IllegalStateException(
                        "Procurement policy " + policyId + " has no Statements list: " + statements);
            }
            for (JsonNode statement : statements) {
                String effect = statement.path("Effect").asText(null);
                Set<String> into = "Allow".equals(effect) ? allowed : "Deny".equals(effect) ? denied : null;
                if (into == null || !statement.path("Resources").isArray()) {
                    throw new IllegalStateException(
                            "Procurement policy " + policyId + " has a statement mpgov cannot read: " + statement);
                }
                for (JsonNode resource : statement.get("Resources")) {
                    // Only products are governed here; another resource type is someone else's business.
                    if ("Product".equals(resource.path("Type").asText(null))) {
                        into.addAll(strings(resource.get("Ids"), "Ids of a Product resource of " + policyId));
                    } else if (!resource.path("Type").isTextual()) {
                        throw new IllegalStateException(
                                "Procurement policy " + policyId + " has a resource without Type: " + resource);
                    }
                }
            }
        }
        allowed.removeAll(denied);
        return List.copyOf(allowed);
    }

    @Override
    public List<PmpExperience> experiences() {
        List<String> governed = settings.governedExperienceIds();
        Map<String, List<String>> audiences = new LinkedHashMap<>();
        governed.forEach(id -> audiences.put(id, new ArrayList<>()));
        List<EntitySummary> summaries =
                client.listEntitiesPaginator(r -> r.catalog(CATALOG).entityType("Audience")).stream()
                        .flatMap(page -> page.entitySummaryList().stream())
                        .toList();
        for (EntitySummary summary : summaries) {
            JsonNode audience = details(summary.entityId(), AUDIENCE_TYPE);
            String experienceId = audience.path("ExperienceId").asText(null);
            if (experienceId == null) {
                throw new IllegalStateException(
                        "Audience " + summary.entityId() + " names no ExperienceId: " + audience);
            }
            audiences
                    .computeIfAbsent(experienceId, id -> new ArrayList<>())
                    .addAll(strings(audience.get("Principals"), "Principals of " + summary.entityId()));
        }
        List<PmpExperience> experiences = new ArrayList<>();
        for (String id : audiences.keySet()) {
            JsonNode experience = details(id, EXPERIENCE_TYPE);
            experiences.add(new PmpExperience(
                    id,
                    experience.path("Name").asText(id),
                    experience.path("Status").asText(null),
                    audiences.get(id)));
        }
        return experiences;
    }

    @Override
    public ChangeSetStatus describeChangeSet(String changeSetId) {
        DescribeChangeSetResponse response =
                client.describeChangeSet(r -> r.catalog(CATALOG).changeSetId(changeSetId));
        List<String> errors = response.changeSet().stream()
                .map(ChangeSummary::errorDetailList)
                .flatMap(List::stream)
                .map(e -> e.errorCode() + ": " + e.errorMessage())
                .toList();
        return new ChangeSetStatus(
                response.changeSetId(), response.statusAsString(), response.failureCodeAsString(), errors);
    }

    /** How long a listing is taken as read: one dashboard view asks for each product twice (title and usage type). */
    private static final long LISTING_TTL_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(10);

    private record Read(Optional<Listing> listing, long at) {}

    private final Map<String, Read> listings = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * DescribeEntity of the product: its EntityType and Details.Description.ProductTitle and Manufacturer, kept
     * for ten minutes (titles rarely change; a failed call is not kept).
     */
    @Override
    public Optional<Listing> listing(String productId) {
        long now = System.nanoTime();
        Read read = listings.get(productId);
        if (read != null && now - read.at() < LISTING_TTL_NANOS) {
            return read.listing();
        }
        Optional<Listing> listing = describeListing(productId);
        listings.put(productId, new Read(listing, now));
        return listing;
    }

    private Optional<Listing> describeListing(String productId) {
        try {
            var entity = client.describeEntity(r -> r.catalog(CATALOG).entityId(productId));
            Document details = entity.detailsDocument();
            Document description =
                    details != null && details.isMap() ? details.asMap().get("Description") : null;
            return Optional.of(new Listing(
                    productId,
                    text(description, "ProductTitle"),
                    text(description, "Manufacturer"),
                    entity.entityType()));
        } catch (AwsServiceException e) {
            // Not described to this account (404, or 403 for a buyer without catalog access): the type stays unknown.
            if (e.statusCode() == 404 || e.statusCode() == 403) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** A string member of the listing's Description, or null. */
    private static String text(Document description, String member) {
        Document value =
                description != null && description.isMap() ? description.asMap().get(member) : null;
        return value != null && value.isString() ? value.asString() : null;
    }

    /** The entity's details, which must be a JSON object of the expected entity type. */
    private JsonNode details(String entityId, String expectedType) {
        DescribeEntityResponse response =
                client.describeEntity(r -> r.catalog(CATALOG).entityId(entityId));
        if (!expectedType.equals(response.entityType())) {
            throw new IllegalStateException(entityId + " is a " + response.entityType() + ", not a " + expectedType);
        }
        JsonNode details;
        try {
            details = response.detailsDocument() != null
                    ? JSON.valueToTree(response.detailsDocument().unwrap())
                    : JSON.readTree(response.details() == null ? "null" : response.details());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Details of " + entityId + " are not JSON", e);
        }
        if (details == null || !details.isObject()) {
            throw new IllegalStateException(
                    "DescribeEntity of " + entityId + " answered no details object: " + details);
        }
        return details;
    }

    private static List<String> strings(JsonNode list, String what) {
        if (list == null || !list.isArray()) {
            throw new IllegalStateException(what + " is not a list: " + list);
        }
        List<String> values = new ArrayList<>();
        for (JsonNode value : list) {
            if (!value.isTextual() || value.asText().isBlank()) {
                throw new IllegalStateException(what + " holds something other than an id: " + value);
            }
            values.add(value.asText());
        }
        return values;
    }
}
