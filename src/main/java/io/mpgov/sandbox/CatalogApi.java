package io.mpgov.sandbox;

import static io.mpgov.sandbox.Json.iso;
import static io.mpgov.sandbox.Json.obj;
import static io.mpgov.sandbox.Service.MARKETPLACE_CATALOG;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.mpgov.sandbox.SandboxState.Change;
import io.mpgov.sandbox.SandboxState.ChangeSet;
import io.mpgov.sandbox.SandboxState.Experience;
import io.mpgov.sandbox.SandboxState.Product;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Marketplace Catalog (restJson1): the Private Marketplace's experiences and their change sets. */
final class CatalogApi {

    static final String CATALOG = "AWSMarketplace";
    private static final Set<String> PRODUCT_CHANGES = Set.of("AllowProductProcurement", "DenyProductProcurement");
    private static final Map<String, String> PRODUCT_ENTITY_TYPES = Map.of(
            "SaaSProduct",
            "SaaSProduct@1.0",
            "AmiProduct",
            "AmiProduct@1.0",
            "ContainerProduct",
            "ContainerProduct@1.0");
    private static final Pattern PRODUCT_ID = Pattern.compile("prod-[a-z0-9]{1,64}");
    private static final Pattern CHANGE_SET_NAME = Pattern.compile("[\\w\\s+=.:@-]{1,100}");
    private static final Pattern TOKEN = Pattern.compile("[!-~]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Sandbox sandbox;

    CatalogApi(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    void register(SandboxServer server) {
        server.rest(MARKETPLACE_CATALOG, "POST", "/StartChangeSet", "StartChangeSet", this::startChangeSet);
        server.rest(MARKETPLACE_CATALOG, "GET", "/DescribeChangeSet", "DescribeChangeSet", this::describeChangeSet);
        server.rest(MARKETPLACE_CATALOG, "PATCH", "/CancelChangeSet", "CancelChangeSet", this::cancelChangeSet);
        server.rest(MARKETPLACE_CATALOG, "POST", "/ListChangeSets", "ListChangeSets", this::listChangeSets);
        server.rest(MARKETPLACE_CATALOG, "POST", "/ListEntities", "ListEntities", this::listEntities);
        server.rest(MARKETPLACE_CATALOG, "GET", "/DescribeEntity", "DescribeEntity", this::describeEntity);
    }

    private Object startChangeSet(SandboxRequest r) {
        SandboxState state = sandbox.state();
        checkCatalog(r.required("Catalog"));
        String token = r.optional("ClientRequestToken");
        if (token != null) {
            if (!TOKEN.matcher(token).matches()) {
                throw validation("ClientRequestToken must be 1 to 64 printable ASCII characters.");
            }
            for (ChangeSet existing : state.changeSets) {
                if (token.equals(existing.clientRequestToken)) {
                    return obj("ChangeSetId", existing.id, "ChangeSetArn", existing.arn);
                }
            }
        }
        String name = r.optional("ChangeSetName");
        if (name != null && !CHANGE_SET_NAME.matcher(name).matches()) {
            throw validation("ChangeSetName must match ^[\\w\\s+=.:@-]+$ and be at most 100 characters.");
        }
        List<Change> changes = parseChanges(r.body().get("ChangeSet"));
        for (ChangeSet active : state.changeSets) {
            if (ChangeSetLifecycle.ACTIVE.contains(active.status)) {
                for (Change change : changes) {
                    if (active.changes.stream().anyMatch(c -> c.entityId.equals(change.entityId))) {
                        throw new AwsError(
                                "ResourceInUseException",
                                423,
                                "The entity " + change.entityId + " is already in use by change set " + active.id
                                        + ".");
                    }
                }
            }
        }
        Instant now = sandbox.now();
        ChangeSet cs = new ChangeSet();
        cs.id = randomId(25);
        cs.arn = arn("ChangeSet/" + cs.id);
        cs.name = name;
        cs.clientRequestToken = token;
        cs.status = "PREPARING";
        cs.startTime = now;
        cs.changes = changes;
        Knobs knobs = sandbox.knobs();
        cs.applyingAt = now.plus(Duration.ofMillis(knobs.changeSetPreparingMillis));
        cs.completesAt = cs.applyingAt.plus(Duration.ofMillis(knobs.changeSetApplyingMillis));
        state.changeSets.add(cs);
        return obj("ChangeSetId", cs.id, "ChangeSetArn", cs.arn);
    }

    private List<Change> parseChanges(JsonNode list) {
        if (list == null || !list.isArray() || list.isEmpty() || list.size() > 20) {
            throw validation("ChangeSet must contain between 1 and 20 changes.");
        }
        List<Change> changes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode node : list) {
            Change change = new Change();
            change.changeType = text(node, "ChangeType");
            change.changeName =
                    node.hasNonNull("ChangeName") ? node.get("ChangeName").asText() : null;
            JsonNode entity = node.get("Entity");
            change.entityType = entity == null ? null : text(entity, "Type");
            change.entityId = entity == null ? null : text(entity, "Identifier");
            if (change.changeType == null || change.entityType == null || change.entityId == null) {
                throw validation("Each change requires ChangeType, Entity.Type and Entity.Identifier.");
            }
            if (!PRODUCT_CHANGES.contains(change.changeType)) {
                throw validation("The change type " + change.changeType + " is not supported.");
            }
            if (!change.entityType.equals("Experience@1.0")) {
                throw validation("The change type " + change.changeType + " is not valid for entity type "
                        + change.entityType + ".");
            }
            if (!seen.add(change.changeType + "/" + change.entityId)) {
                throw validation(
                        "A change set cannot apply " + change.changeType + " to " + change.entityId + " twice.");
            }
            change.details = details(node);
            validateProducts(change);
            changes.add(change);
        }
        return changes;
    }

    private Map<String, Object> details(JsonNode change) {
        TypeReference<Map<String, Object>> type = new TypeReference<>() {};
        try {
            if (change.hasNonNull("DetailsDocument")) {
                return Json.MAPPER.convertValue(change.get("DetailsDocument"), type);
            }
            if (change.hasNonNull("Details")) {
                return Json.MAPPER.readValue(change.get("Details").asText(), type);
            }
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw validation("Details is not valid JSON: " + e.getMessage());
        }
        throw validation("Either Details or DetailsDocument is required.");
    }

    private void validateProducts(Change change) {
        Object products = change.details.get("Products");
        if (!(products instanceof List<?> list) || list.isEmpty()) {
            throw validation("Details.Products must be a non-empty list.");
        }
        Set<String> named = new HashSet<>();
        for (Object product : list) {
            if (!(product instanceof Map<?, ?> p) || !(p.get("Ids") instanceof List<?> ids) || ids.isEmpty()) {
                throw validation("Each entry of Details.Products requires a non-empty Ids list.");
            }
            for (Object id : ids) {
                if (!(id instanceof String s) || !PRODUCT_ID.matcher(s).matches()) {
                    throw validation("Invalid product id " + id + ": expected prod-<id>.");
                }
                // AWS refuses a repeated id; the sandbox also refuses one repeated across entries of the change.
                if (!named.add(s)) {
                    throw validation("Values in Ids array must be unique: " + s + " appears more than once.");
                }
            }
        }
        int distinct = ChangeSetLifecycle.productIds(change).size();
        if (distinct > 50) {
            throw validation("A change can reference at most 50 product ids; got " + distinct + ".");
        }
    }

    private Object describeChangeSet(SandboxRequest r) {
        checkCatalog(r.queryParam("catalog"));
        ChangeSet cs = changeSet(r.queryParam("changeSetId"));
        List<Object> changes = new ArrayList<>();
        for (Change c : cs.changes) {
            changes.add(obj(
                    "ChangeType",
                    c.changeType,
                    "ChangeName",
                    c.changeName,
                    "Entity",
                    obj("Type", c.entityType, "Identifier", c.entityId),
                    "Details",
                    write(c.details),
                    "DetailsDocument",
                    c.details,
                    "ErrorDetailList",
                    c.errors.stream()
                            .map(e -> obj("ErrorCode", e.errorCode(), "ErrorMessage", e.errorMessage()))
                            .toList()));
        }
        return obj(
                "ChangeSetId",
                cs.id,
                "ChangeSetArn",
                cs.arn,
                "ChangeSetName",
                cs.name,
                "Intent",
                "APPLY",
                "StartTime",
                iso(cs.startTime),
                "EndTime",
                iso(cs.endTime),
                "Status",
                cs.status,
                "FailureCode",
                cs.failureCode,
                "FailureDescription",
                cs.failureDescription,
                "ChangeSet",
                changes);
    }

    private Object cancelChangeSet(SandboxRequest r) {
        checkCatalog(r.queryParam("catalog"));
        ChangeSet cs = changeSet(r.queryParam("changeSetId"));
        if (cs.status.equals("APPLYING")) {
            throw new AwsError(
                    "ResourceInUseException", 423, "Change set " + cs.id + " is APPLYING and cannot be cancelled.");
        }
        if (!cs.status.equals("PREPARING")) {
            throw validation("Change set " + cs.id + " is " + cs.status + " and cannot be cancelled.");
        }
        cs.status = "CANCELLED";
        cs.endTime = sandbox.now();
        return obj("ChangeSetId", cs.id, "ChangeSetArn", cs.arn);
    }

    private Object listChangeSets(SandboxRequest r) {
        checkCatalog(r.required("Catalog"));
        Predicate<ChangeSet> filter = cs -> true;
        JsonNode filters = r.body().get("FilterList");
        if (filters != null) {
            for (JsonNode f : filters) {
                Set<String> values = new HashSet<>();
                f.path("ValueList").forEach(v -> values.add(v.asText()));
                String filterName = f.path("Name").asText();
                Predicate<ChangeSet> one = switch (filterName) {
                    case "ChangeSetName" -> cs -> values.contains(cs.name);
                    case "Status" -> cs -> values.contains(cs.status);
                    case "EntityId" -> cs -> cs.changes.stream().anyMatch(c -> values.contains(c.entityId));
                    default -> throw validation("Unsupported filter " + filterName + ".");
                };
                filter = filter.and(one);
            }
        }
        Comparator<ChangeSet> order = Comparator.comparing(cs -> cs.startTime);
        if ("DESCENDING".equals(r.body().path("Sort").path("SortOrder").asText())) {
            order = order.reversed();
        }
        List<ChangeSet> matching =
                sandbox.state().changeSets.stream().filter(filter).sorted(order).toList();
        Pages.Page<ChangeSet> page = Pages.of(matching, r, "NextToken", "MaxResults", 20, 20);
        return obj(
                "ChangeSetSummaryList",
                page.items().stream()
                        .map(cs -> obj(
                                "ChangeSetId",
                                cs.id,
                                "ChangeSetArn",
                                cs.arn,
                                "ChangeSetName",
                                cs.name,
                                "StartTime",
                                iso(cs.startTime),
                                "EndTime",
                                iso(cs.endTime),
                                "Status",
                                cs.status,
                                "EntityIdList",
                                cs.changes.stream()
                                        .map(c -> c.entityId)
                                        .distinct()
                                        .toList(),
                                "FailureCode",
                                cs.failureCode))
                        .toList(),
                "NextToken",
                page.nextToken());
    }

    private Object listEntities(SandboxRequest r) {
        checkCatalog(r.required("Catalog"));
        String entityType = r.required("EntityType");
        SandboxState state = sandbox.state();
        List<Map<String, Object>> entities;
        if (entityType.equals("Experience")) {
            entities = state.experiences.stream()
                    .map(e -> summary(e.name, "Experience@1.0", e.id, e.lastModified, "Restricted"))
                    .toList();
        } else if (entityType.equals("ProcurementPolicy")) {
            entities = state.experiences.stream()
                    .map(e -> summary(
                            e.name + " procurement policy",
                            "ProcurementPolicy@1.0",
                            e.procurementPolicyId,
                            e.lastModified,
                            "Restricted"))
                    .toList();
        } else if (entityType.equals("Audience")) {
            entities = state.experiences.stream()
                    .filter(e -> e.audienceId != null)
                    .map(e -> summary(
                            "Audience for Experience " + e.id,
                            "Audience@1.0",
                            e.audienceId,
                            e.lastModified,
                            "Restricted"))
                    .toList();
        } else if (PRODUCT_ENTITY_TYPES.containsKey(entityType)) {
            String type = PRODUCT_ENTITY_TYPES.get(entityType);
            entities = state.products.stream()
                    .filter(p -> p.entityType().equals(type))
                    .map(p -> summary(p.title(), type, p.id(), null, "Public"))
                    .toList();
        } else {
            throw validation("Unsupported entity type " + entityType + ".");
        }
        Pages.Page<Map<String, Object>> page = Pages.of(entities, r, "NextToken", "MaxResults", 20, 50);
        return obj("EntitySummaryList", page.items(), "NextToken", page.nextToken());
    }

    private Map<String, Object> summary(String name, String type, String id, Instant modified, String visibility) {
        return obj(
                "Name",
                name,
                "EntityType",
                type,
                "EntityId",
                id,
                "EntityArn",
                arn(type.replace("@1.0", "") + "/" + id),
                "LastModifiedDate",
                iso(modified),
                "Visibility",
                visibility);
    }

    private Object describeEntity(SandboxRequest r) {
        checkCatalog(r.queryParam("catalog"));
        String id = r.queryParam("entityId");
        SandboxState state = sandbox.state();
        for (Experience e : state.experiences) {
            // As AWS: the Experience names its procurement policy but lists no products; the products are
            // the policy's statements; who the experience applies to is its Audience entity.
            if (e.id.equals(id)) {
                return entity(
                        "Experience@1.0",
                        id,
                        e.lastModified,
                        obj(
                                "Name",
                                e.name,
                                "Description",
                                e.name,
                                "Status",
                                e.status,
                                "AdminStatus",
                                "Editable",
                                "ProcurementPolicies",
                                List.of(e.procurementPolicyId)));
            }
            if (id.equals(e.procurementPolicyId)) {
                List<Object> statements = new ArrayList<>();
                statement(statements, "Allow", e.allowedProducts);
                statement(statements, "Deny", e.deniedProducts);
                return entity(
                        "ProcurementPolicy@1.0",
                        id,
                        e.lastModified,
                        obj(
                                "Name",
                                e.name + " procurement policy",
                                "Description",
                                "Procurement policy of " + e.id,
                                "Statements",
                                statements,
                                "Configuration",
                                obj("PolicyResourceRequests", "Allow")));
            }
            if (id.equals(e.audienceId)) {
                return entity(
                        "Audience@1.0",
                        id,
                        e.lastModified,
                        obj(
                                "Name",
                                "Audience for Experience " + e.id,
                                "Description",
                                "Who " + e.name + " applies to",
                                "Principals",
                                List.copyOf(e.audience),
                                "ExperienceId",
                                e.id));
            }
        }
        for (Product p : state.products) {
            if (p.id().equals(id)) {
                Map<String, Object> details =
                        obj("Description", obj("ProductTitle", p.title(), "Manufacturer", p.seller()));
                return obj(
                        "EntityType",
                        p.entityType(),
                        "EntityIdentifier",
                        id + "@1",
                        "EntityArn",
                        arn(p.entityType().replace("@1.0", "") + "/" + id),
                        "Details",
                        write(details),
                        "DetailsDocument",
                        details);
            }
        }
        throw new AwsError("ResourceNotFoundException", 404, "Entity " + id + " not found.");
    }

    private Map<String, Object> entity(String type, String id, Instant modified, Map<String, Object> details) {
        return obj(
                "EntityType",
                type,
                "EntityIdentifier",
                id + "@1",
                "EntityArn",
                arn(type.replace("@1.0", "") + "/" + id),
                "LastModifiedDate",
                iso(modified),
                "Details",
                write(details),
                "DetailsDocument",
                details);
    }

    private static void statement(List<Object> statements, String effect, Set<String> products) {
        if (!products.isEmpty()) {
            statements.add(
                    obj("Effect", effect, "Resources", List.of(obj("Type", "Product", "Ids", List.copyOf(products)))));
        }
    }

    private ChangeSet changeSet(String id) {
        return sandbox.state().changeSets.stream()
                .filter(cs -> cs.id.equals(id))
                .findFirst()
                .orElseThrow(() -> new AwsError("ResourceNotFoundException", 404, "Change set " + id + " not found."));
    }

    private static void checkCatalog(String catalog) {
        if (!CATALOG.equals(catalog)) {
            throw validation("Catalog " + catalog + " is not supported; use " + CATALOG + ".");
        }
    }

    private String arn(String resource) {
        SandboxState state = sandbox.state();
        String account = state.organization == null ? "000000000000" : state.organization.managementAccountId();
        return "arn:aws:aws-marketplace:" + state.region + ":" + account + ":" + CATALOG + "/" + resource;
    }

    private static String text(JsonNode node, String member) {
        JsonNode value = node.get(member);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String write(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AwsError validation(String message) {
        return AwsError.validation(MARKETPLACE_CATALOG, message);
    }

    static String randomId(int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return id.toString();
    }
}
