package io.mpgov.sandbox;

import static io.mpgov.sandbox.Json.iso;
import static io.mpgov.sandbox.Json.obj;
import static io.mpgov.sandbox.Service.LICENSE_MANAGER;

import com.fasterxml.jackson.databind.JsonNode;
import io.mpgov.sandbox.SandboxState.Grant;
import io.mpgov.sandbox.SandboxState.License;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** License Manager (awsJson1_1): the licenses the management account received from AWS Marketplace. */
final class LicenseManagerApi {

    private static final String TARGET = "AWSLicenseManager";

    private final Sandbox sandbox;

    LicenseManagerApi(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    void register(SandboxServer server) {
        server.target(LICENSE_MANAGER, TARGET, "ListReceivedLicenses", this::listReceivedLicenses);
        server.target(LICENSE_MANAGER, TARGET, "GetLicenseUsage", this::getLicenseUsage);
        server.target(LICENSE_MANAGER, TARGET, "CreateGrant", this::createGrant);
        server.target(LICENSE_MANAGER, TARGET, "CreateGrantVersion", this::createGrantVersion);
        server.target(LICENSE_MANAGER, TARGET, "GetGrant", this::getGrant);
        server.target(LICENSE_MANAGER, TARGET, "AcceptGrant", this::acceptGrant);
        server.target(LICENSE_MANAGER, TARGET, "RejectGrant", this::rejectGrant);
        server.target(LICENSE_MANAGER, TARGET, "DeleteGrant", this::deleteGrant);
        server.target(LICENSE_MANAGER, TARGET, "ListDistributedGrants", this::listDistributedGrants);
        server.target(LICENSE_MANAGER, TARGET, "ListReceivedGrants", this::listReceivedGrants);
        server.target(
                LICENSE_MANAGER, TARGET, "ListReceivedGrantsForOrganization", this::listReceivedGrantsForOrganization);
    }

    private static final Pattern PRINCIPAL = Pattern.compile(
            "arn:aws:iam::\\d{12}:root|arn:aws:organizations::\\d{12}:(ou/o-[a-z0-9]+/ou-[a-z0-9-]+|organization/o-[a-z0-9]+)");
    /** A grant in these statuses does not stand in the way of a new grant of its license to its principal. */
    private static final Set<String> GONE = Set.of("DELETED", "REJECTED", "FAILED_WORKFLOW");

    private static final Set<String> OVERRIDES = Set.of("DISTRIBUTED_GRANTS_ONLY", "ALL_GRANTS_PERMITTED_BY_ISSUER");

    /**
     * A new grant is PENDING_WORKFLOW; its workflow ends (after {@code grantTransitionMillis}) in PENDING_ACCEPT — the
     * grantee has to accept it — unless the organization is linked in License Manager settings, whose grants to
     * member accounts are auto-accepted: then DISABLED (accepted, not activated) until activated. Grants to an OU or
     * the organization need the linked organization. Licenses of SaaS products cannot be granted at all (AWS
     * Marketplace buyer guide, "Sharing subscriptions in an organization"): ReceivedMetadata.AllowedOperations has
     * no CreateGrant, and CreateGrant is refused.
     */
    private Object createGrant(SandboxRequest r) {
        String token = r.required("ClientToken");
        r.required("GrantName");
        String licenseArn = r.required("LicenseArn");
        r.required("HomeRegion");
        JsonNode principals = r.body().path("Principals");
        JsonNode operations = r.body().path("AllowedOperations");
        if (!principals.isArray() || principals.size() != 1) {
            throw validation("Principals must name exactly one principal");
        }
        if (!operations.isArray() || operations.isEmpty()) {
            throw validation("AllowedOperations must name at least one operation");
        }
        SandboxState state = sandbox.state();
        for (Grant existing : state.grants) {
            if (existing.clientTokens.contains(token)) {
                return grantAnswer(existing);
            }
        }
        String principal = principals.get(0).asText();
        if (!PRINCIPAL.matcher(principal).matches()) {
            throw validation("Invalid principal " + principal
                    + ": expected arn:aws:iam::<account>:root, an OU or the organization");
        }
        License license = state.licenses.stream()
                .filter(l -> l.arn().equals(licenseArn))
                .findFirst()
                .orElseThrow(() -> validation("License " + licenseArn + " is not a license this account received"));
        if (!shareable(license)) {
            throw AwsError.client(
                    "AccessDeniedException",
                    "CreateGrant is not an allowed operation of license " + licenseArn
                            + ": licenses of SaaS products cannot be shared");
        }
        boolean toAccount = principal.startsWith("arn:aws:iam::");
        if (!toAccount && !sandbox.knobs().organizationLinked) {
            throw validation("Distributing " + licenseArn + " to " + principal
                    + " needs the organization linked in License Manager settings");
        }
        if (principal.contains(":ou/")
                && state.organizationalUnits.stream().noneMatch(ou -> ou.arn().equals(principal))) {
            throw validation("Organizational unit " + principal + " not found in the organization");
        }
        for (Grant existing : state.grants) {
            if (existing.licenseArn.equals(licenseArn)
                    && existing.principal.equals(principal)
                    && !GONE.contains(existing.status)) {
                throw validation("A grant of license " + licenseArn + " to " + principal + " exists already: "
                        + existing.arn + " (" + existing.status + ")");
            }
        }
        Grant grant = new Grant();
        grant.arn = "arn:aws:license-manager::" + account(state) + ":grant:g-" + CatalogApi.randomId(32);
        grant.name = r.optional("GrantName");
        grant.licenseArn = licenseArn;
        grant.principal = principal;
        grant.homeRegion = r.optional("HomeRegion");
        grant.status = "PENDING_WORKFLOW";
        grant.version = 1;
        operations.forEach(o -> grant.allowedOperations.add(o.asText()));
        grant.clientTokens.add(token);
        state.grants.add(grant);
        transition(grant, toAccount && !sandbox.knobs().organizationLinked ? "PENDING_ACCEPT" : "DISABLED");
        return grantAnswer(grant);
    }

    /**
     * Status ACTIVE activates a grant that is being distributed (in a linked organization) or accepted (DISABLED):
     * an account grant becomes ACTIVE, a grant to an OU or the organization WORKFLOW_COMPLETED (distributed to its
     * accounts). A grant waiting for its grantee (PENDING_ACCEPT) cannot be activated by the grantor. An account
     * cannot hold two active licenses of one Marketplace product: activating while another license of the product
     * is active for the same principal (an account, or an OU's grant) is refused unless {@code Options.ActivationOverrideBehavior} is
     * ALL_GRANTS_PERMITTED_BY_ISSUER, which disables the other grant (DISTRIBUTED_GRANTS_ONLY replaces nothing).
     */
    private Object createGrantVersion(SandboxRequest r) {
        String token = r.required("ClientToken");
        Grant grant = grant(r.required("GrantArn"));
        if (grant.clientTokens.contains(token)) {
            return grantAnswer(grant);
        }
        String source = r.optional("SourceVersion");
        if (source != null && !source.equals(String.valueOf(grant.version))) {
            throw validation("SourceVersion " + source + " is not the grant's current version " + grant.version);
        }
        if (GONE.contains(grant.status) || "PENDING_DELETE".equals(grant.status)) {
            throw validation("Grant " + grant.arn + " is " + grant.status);
        }
        String status = r.optional("Status");
        if (status != null && !Set.of("ACTIVE", "DISABLED").contains(status)) {
            throw validation("A grant version can set Status ACTIVE or DISABLED, not " + status);
        }
        String override =
                r.body().path("Options").path("ActivationOverrideBehavior").asText(null);
        if (override != null && !OVERRIDES.contains(override)) {
            throw validation("Invalid ActivationOverrideBehavior " + override);
        }
        if (override != null && !"ACTIVE".equals(status)) {
            throw validation("Options.ActivationOverrideBehavior needs Status ACTIVE");
        }
        boolean toAccount = grant.principal.startsWith("arn:aws:iam::");
        if ("ACTIVE".equals(status)) {
            if (grant.status.equals("PENDING_ACCEPT")) {
                throw validation("Grant " + grant.arn + " is PENDING_ACCEPT: its grantee has not accepted it");
            }
            List<Grant> conflicting = activeOfSameProduct(grant);
            if (!conflicting.isEmpty() && !"ALL_GRANTS_PERMITTED_BY_ISSUER".equals(override)) {
                throw validation(grant.principal + " has an active license of product "
                        + license(grant.licenseArn).productSku()
                        + " already (grant " + conflicting.get(0).arn
                        + "); activate with Options.ActivationOverrideBehavior "
                        + "ALL_GRANTS_PERMITTED_BY_ISSUER to replace it");
            }
            conflicting.forEach(other -> {
                other.status = "DISABLED";
                other.pendingStatus = null;
                other.transitionAt = null;
                other.version++;
                other.statusReason = "Replaced by " + grant.arn;
            });
        }
        grant.clientTokens.add(token);
        grant.version++;
        if (r.optional("GrantName") != null) {
            grant.name = r.optional("GrantName");
        }
        grant.statusReason = r.optional("StatusReason");
        grant.activationOverrideBehavior = override != null ? override : grant.activationOverrideBehavior;
        if ("ACTIVE".equals(status)) {
            boolean awaitsGrantee = "PENDING_ACCEPT".equals(grant.pendingStatus);
            if (!awaitsGrantee) {
                transition(grant, toAccount ? "ACTIVE" : "WORKFLOW_COMPLETED");
            }
        } else if ("DISABLED".equals(status) && !grant.status.equals("DISABLED")) {
            transition(grant, "DISABLED");
        }
        return grantAnswer(grant);
    }

    /**
     * Other grants to the same principal (account, OU or organization) of another license of the same product that
     * are, or are becoming, in use (ACTIVE; WORKFLOW_COMPLETED for an OU or the organization).
     */
    private List<Grant> activeOfSameProduct(Grant grant) {
        String product = license(grant.licenseArn).productSku();
        Set<String> inUse = Set.of("ACTIVE", "WORKFLOW_COMPLETED");
        return sandbox.state().grants.stream()
                .filter(g -> g != grant
                        && g.principal.equals(grant.principal)
                        && !g.licenseArn.equals(grant.licenseArn)
                        && license(g.licenseArn).productSku().equals(product)
                        && (inUse.contains(g.status) && g.pendingStatus == null || inUse.contains(g.pendingStatus)))
                .toList();
    }

    /** The grantee accepts a grant that waits for it: accepted, not activated (DISABLED). */
    private Object acceptGrant(SandboxRequest r) {
        return sandbox.acceptGrant(r.required("GrantArn"));
    }

    private Object rejectGrant(SandboxRequest r) {
        return sandbox.rejectGrant(r.required("GrantArn"));
    }

    /** What the grantee's AcceptGrant or RejectGrant does; the sandbox plays every account, so any caller may. */
    static Map<String, Object> answerAsGrantee(SandboxState state, String grantArn, boolean accept) {
        Grant grant = state.grants.stream()
                .filter(g -> g.arn.equals(grantArn))
                .findFirst()
                .orElseThrow(() -> AwsError.validation(LICENSE_MANAGER, "Grant " + grantArn + " not found"));
        if (!grant.status.equals("PENDING_ACCEPT")) {
            throw AwsError.validation(
                    LICENSE_MANAGER, "Grant " + grantArn + " is " + grant.status + ", not PENDING_ACCEPT");
        }
        grant.status = accept ? "DISABLED" : "REJECTED";
        grant.pendingStatus = null;
        grant.transitionAt = null;
        grant.version++;
        return grantAnswer(grant);
    }

    /** SaaS licenses cannot be shared: the received license's product, as the catalog types it. */
    boolean shareable(License license) {
        return sandbox.state().products.stream()
                .filter(p -> p.id().equals(license.productSku()))
                .findFirst()
                .map(p -> !p.entityType().startsWith("SaaSProduct"))
                .orElse(true);
    }

    private Object getGrant(SandboxRequest r) {
        return obj("Grant", grantView(grant(r.required("GrantArn"))));
    }

    private Object deleteGrant(SandboxRequest r) {
        Grant grant = grant(r.required("GrantArn"));
        String version = r.required("Version");
        if (!version.equals(String.valueOf(grant.version))) {
            throw validation("Version " + version + " is not the grant's current version " + grant.version);
        }
        if (GONE.contains(grant.status) || "PENDING_DELETE".equals(grant.status)) {
            throw validation("Grant " + grant.arn + " is " + grant.status + " already");
        }
        grant.status = "PENDING_DELETE";
        grant.statusReason = r.optional("StatusReason");
        grant.version++;
        transition(grant, "DELETED");
        return grantAnswer(grant);
    }

    private Object listDistributedGrants(SandboxRequest r) {
        return grantPage(sandbox.state().grants.stream().filter(grantFilter(r)).toList(), r);
    }

    private Object listReceivedGrants(SandboxRequest r) {
        String self = "arn:aws:iam::" + account(sandbox.state()) + ":root";
        return grantPage(
                sandbox.state().grants.stream()
                        .filter(g -> g.principal.equals(self))
                        .filter(grantFilter(r))
                        .toList(),
                r);
    }

    private Object listReceivedGrantsForOrganization(SandboxRequest r) {
        String licenseArn = r.required("LicenseArn");
        return grantPage(
                sandbox.state().grants.stream()
                        .filter(g -> g.licenseArn.equals(licenseArn))
                        .filter(grantFilter(r))
                        .toList(),
                r);
    }

    private Predicate<Grant> grantFilter(SandboxRequest r) {
        Predicate<Grant> filter = g -> true;
        JsonNode arns = r.body().get("GrantArns");
        if (arns != null && !arns.isEmpty()) {
            Set<String> wanted = values(arns);
            filter = filter.and(g -> wanted.contains(g.arn));
        }
        JsonNode filters = r.body().get("Filters");
        if (filters != null) {
            for (JsonNode f : filters) {
                Set<String> values = values(f.path("Values"));
                String name = f.path("Name").asText();
                Function<Grant, String> field = switch (name) {
                    case "LicenseArn", "ParentArn" -> g -> g.licenseArn;
                    case "GrantStatus" -> g -> g.status;
                    case "GranteePrincipalARN", "GranteePrincipalArn" -> g -> g.principal;
                    case "ProductSKU" -> g -> license(g.licenseArn).productSku();
                    case "LicenseIssuerName" -> g -> license(g.licenseArn).issuer();
                    case "GranterAccountId" -> g -> account(sandbox.state());
                    default ->
                        throw AwsError.client("InvalidParameterValueException", "Unsupported filter name " + name);
                };
                filter = filter.and(g -> values.contains(field.apply(g)));
            }
        }
        return filter;
    }

    private Object grantPage(List<Grant> grants, SandboxRequest r) {
        Pages.Page<Grant> page = Pages.of(grants, r, "NextToken", "MaxResults", 100, 100);
        return obj("Grants", page.items().stream().map(this::grantView).toList(), "NextToken", page.nextToken());
    }

    private Map<String, Object> grantView(Grant g) {
        return obj(
                "GrantArn",
                g.arn,
                "GrantName",
                g.name,
                "ParentArn",
                g.licenseArn,
                "LicenseArn",
                g.licenseArn,
                "GranteePrincipalArn",
                g.principal,
                "HomeRegion",
                g.homeRegion,
                "GrantStatus",
                g.status,
                "StatusReason",
                g.statusReason,
                "Version",
                String.valueOf(g.version),
                "GrantedOperations",
                g.allowedOperations,
                "Options",
                g.activationOverrideBehavior == null
                        ? null
                        : obj("ActivationOverrideBehavior", g.activationOverrideBehavior));
    }

    private static Map<String, Object> grantAnswer(Grant g) {
        return obj("GrantArn", g.arn, "Status", g.status, "Version", String.valueOf(g.version));
    }

    /** AWS applies the change after a while; until then the grant shows its current status. */
    private void transition(Grant grant, String to) {
        grant.pendingStatus = to;
        grant.transitionAt = sandbox.now().plusMillis(sandbox.knobs().grantTransitionMillis);
    }

    private Grant grant(String arn) {
        return sandbox.state().grants.stream()
                .filter(g -> g.arn.equals(arn))
                .findFirst()
                .orElseThrow(() -> validation("Grant " + arn + " not found"));
    }

    private License license(String arn) {
        return sandbox.state().licenses.stream()
                .filter(l -> l.arn().equals(arn))
                .findFirst()
                .orElseThrow();
    }

    private static String account(SandboxState state) {
        return state.organization == null ? "000000000000" : state.organization.managementAccountId();
    }

    private static AwsError validation(String message) {
        return AwsError.validation(LICENSE_MANAGER, message);
    }

    /** The license's entitlements with what is consumed of them now (the first entitlement carries all of it). */
    private Object getLicenseUsage(SandboxRequest r) {
        String arn = r.required("LicenseArn");
        License license = sandbox.state().licenses.stream()
                .filter(l -> l.arn().equals(arn))
                .findFirst()
                .orElseThrow(() -> AwsError.client("ResourceNotFoundException", "License " + arn + " not found"));
        long consumed = sandbox.state().licenseConsumption.getOrDefault(arn, 0L);
        List<Map<String, Object>> usages = new java.util.ArrayList<>();
        for (int i = 0; i < license.entitlements().size(); i++) {
            SandboxState.Entitlement e = license.entitlements().get(i);
            Map<String, Object> usage = new java.util.LinkedHashMap<>(
                    Map.of("Name", e.name(), "Unit", e.unit(), "ConsumedValue", String.valueOf(i == 0 ? consumed : 0)));
            if (e.maxCount() != null) {
                usage.put("MaxCount", String.valueOf(e.maxCount()));
            }
            usages.add(usage);
        }
        return Map.of("LicenseUsage", Map.of("EntitlementUsages", usages));
    }

    private Object listReceivedLicenses(SandboxRequest r) {
        Predicate<License> filter = l -> true;
        JsonNode arns = r.body().get("LicenseArns");
        if (arns != null && !arns.isEmpty()) {
            Set<String> wanted = values(arns);
            filter = filter.and(l -> wanted.contains(l.arn()));
        }
        JsonNode filters = r.body().get("Filters");
        if (filters != null) {
            for (JsonNode f : filters) {
                Set<String> values = values(f.path("Values"));
                String name = f.path("Name").asText();
                Function<License, String> field = switch (name) {
                    case "ProductSKU" -> License::productSku;
                    case "Status" -> License::status;
                    case "IssuerName" -> License::issuer;
                    case "Beneficiary" -> License::beneficiary;
                    default ->
                        throw AwsError.client("InvalidParameterValueException", "Unsupported filter name " + name);
                };
                filter = filter.and(l -> values.contains(field.apply(l)));
            }
        }
        List<License> matching =
                sandbox.state().licenses.stream().filter(filter).toList();
        Pages.Page<License> page = Pages.of(matching, r, "NextToken", "MaxResults", 10, 100);
        return obj(
                "Licenses",
                page.items().stream()
                        .map(l -> obj(
                                "LicenseArn",
                                l.arn(),
                                "LicenseName",
                                l.name(),
                                "ProductName",
                                l.productName(),
                                "ProductSKU",
                                l.productSku(),
                                "Issuer",
                                obj("Name", l.issuer()),
                                "HomeRegion",
                                l.homeRegion(),
                                "Status",
                                l.status(),
                                "Beneficiary",
                                l.beneficiary(),
                                "Validity",
                                obj("Begin", iso(l.validFrom()), "End", iso(l.validUntil())),
                                "Entitlements",
                                l.entitlements().stream()
                                        .map(e -> obj("Name", e.name(), "Unit", e.unit(), "MaxCount", e.maxCount()))
                                        .toList(),
                                "LicenseMetadata",
                                List.of(obj("Name", "offerType", "Value", l.offerType())),
                                "CreateTime",
                                iso(l.validFrom()),
                                "Version",
                                "1",
                                "ReceivedMetadata",
                                obj(
                                        "ReceivedStatus",
                                        "ACTIVE",
                                        "AllowedOperations",
                                        shareable(l)
                                                ? List.of("CreateGrant", "CheckoutLicense", "ListPurchasedLicenses")
                                                : List.of("CheckoutLicense", "ListPurchasedLicenses"))))
                        .toList(),
                "NextToken",
                page.nextToken());
    }

    private static Set<String> values(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
