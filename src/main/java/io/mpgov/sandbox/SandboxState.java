package io.mpgov.sandbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the emulated AWS account "knows". Plain data so that {@code GET /_sandbox/state} and
 * snapshots are a straight Jackson dump; the behaviour lives in the per-service API classes, which
 * access it only under the server's lock.
 */
public final class SandboxState {

    public String region = "us-east-1";
    public Organization organization;
    public List<OrganizationalUnit> organizationalUnits = new ArrayList<>();
    public List<Account> accounts = new ArrayList<>();
    public List<Product> products = new ArrayList<>();
    public List<Experience> experiences = new ArrayList<>();
    public List<ChangeSet> changeSets = new ArrayList<>();
    public List<License> licenses = new ArrayList<>();
    /** What GetLicenseUsage reports as consumed, per license ARN (absent: nothing consumed). */
    public Map<String, Long> licenseConsumption = new java.util.TreeMap<>();

    public List<Grant> grants = new ArrayList<>();
    /** What Cost Explorer has recorded (GetCostAndUsage): charges per day, a Marketplace product under its title as SERVICE. */
    public List<Charge> charges = new ArrayList<>();
    /** false: GetCostAndUsage answers DataUnavailableException, as for an account whose Cost Explorer has no data yet. */
    public boolean costExplorerDataAvailable = true;

    public List<Agreement> agreements = new ArrayList<>();
    public List<Email> emails = new ArrayList<>();
    /** SES identities (addresses or whole domains) that may send. */
    public Set<String> verifiedIdentities = new LinkedHashSet<>();

    public record Organization(
            String id,
            String arn,
            String managementAccountId,
            String managementAccountEmail,
            String rootId,
            String rootArn) {}

    public record OrganizationalUnit(String id, String arn, String name, String parentId) {}

    public static final class Account {
        public String id;
        public String arn;
        public String name;
        public String email;
        public String state;
        public Instant joined;
        public String parentId;
        public Map<String, String> tags = new LinkedHashMap<>();

        public Account() {}

        Account(
                String id,
                String arn,
                String name,
                String email,
                String state,
                Instant joined,
                String parentId,
                Map<String, String> tags) {
            this.id = id;
            this.arn = arn;
            this.name = name;
            this.email = email;
            this.state = state;
            this.joined = joined;
            this.parentId = parentId;
            this.tags.putAll(tags);
        }
    }

    /** A product listed in the public AWS Marketplace catalog. */
    public record Product(String id, String title, String seller, String entityType) {}

    /**
     * A Private Marketplace experience as AWS keeps it in three entities: the Experience@1.0 (name,
     * status), its ProcurementPolicy@1.0 (the products, as Allow and Deny statements) and its
     * Audience@1.0 (the accounts, OUs, root or organization it applies to).
     */
    public static final class Experience {
        public String id;
        public String name;
        public String status = "Enabled";
        public String procurementPolicyId;
        public String audienceId;
        public List<String> audience = new ArrayList<>();
        /** The procurement policy's Allow statement. */
        public Set<String> allowedProducts = new LinkedHashSet<>();
        /** The procurement policy's Deny statement (DenyProductProcurement puts products here). */
        public Set<String> deniedProducts = new LinkedHashSet<>();

        public Instant lastModified;
    }

    /** The experience with this id (exp-…). */
    public Experience experience(String experienceId) {
        return experiences.stream()
                .filter(e -> e.id.equals(experienceId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No experience " + experienceId));
    }

    /** The products the experience's procurement policy allows, as a copy. */
    public List<String> allowed(String experienceId) {
        return List.copyOf(experience(experienceId).allowedProducts);
    }

    public static final class ChangeSet {
        public String id;
        public String arn;
        public String name;
        public String clientRequestToken;
        public String status;
        public Instant startTime;
        public Instant endTime;
        public String failureCode;
        public String failureDescription;
        public List<Change> changes = new ArrayList<>();
        /** When PREPARING turns into APPLYING, and APPLYING into a final state. */
        public Instant applyingAt;

        public Instant completesAt;
    }

    public static final class Change {
        public String changeType;
        public String changeName;
        public String entityType;
        public String entityId;
        public Map<String, Object> details;
        public List<ErrorDetail> errors = new ArrayList<>();

        /** The distinct products a product change names in {@code Details.Products[].Ids}. */
        @SuppressWarnings("unchecked")
        public List<String> productIds() {
            List<Object> products = (List<Object>) details.get("Products");
            return products.stream()
                    .flatMap(p -> ((List<String>) ((Map<String, Object>) p).get("Ids")).stream())
                    .distinct()
                    .toList();
        }
    }

    public record ErrorDetail(String errorCode, String errorMessage) {}

    public record License(
            String arn,
            String name,
            String productName,
            String productSku,
            String issuer,
            String homeRegion,
            String status,
            Instant validFrom,
            Instant validUntil,
            String beneficiary,
            String offerType,
            List<Entitlement> entitlements) {}

    public record Entitlement(String name, String unit, Long maxCount) {}

    public static final class Grant {
        public String arn;
        public String name;
        public String licenseArn;
        public String principal;
        public String homeRegion;
        public String status;
        public String statusReason;
        public int version;
        public List<String> allowedOperations = new ArrayList<>();
        /** Options.ActivationOverrideBehavior of the version that set it, if any. */
        public String activationOverrideBehavior;
        /** ClientTokens of CreateGrant and every CreateGrantVersion, for idempotency. */
        public List<String> clientTokens = new ArrayList<>();
        /**
         * AWS applies grant changes asynchronously: the status it moves to, and when (the end of a new grant's workflow:
         * PENDING_ACCEPT, or DISABLED when auto-accepted; an activation: ACTIVE or WORKFLOW_COMPLETED; a deletion: DELETED).
         */
        public String pendingStatus;

        public Instant transitionAt;
    }

    /**
     * One day's charge as Cost Explorer keeps it.
     *
     * @param service       the SERVICE dimension: an AWS service's name, or a Marketplace product's title
     * @param billingEntity BILLING_ENTITY: "AWS" or "AWS Marketplace"
     */
    public record Charge(
            LocalDate day,
            String service,
            String billingEntity,
            String linkedAccount,
            String recordType,
            BigDecimal unblendedCost,
            BigDecimal usageQuantity) {}

    public record Agreement(
            String id,
            String offerId,
            String productId,
            String proposerAccountId,
            String acceptorAccountId,
            Instant acceptanceTime,
            Instant startTime,
            Instant endTime,
            String status,
            boolean autoRenew,
            String currencyCode,
            String agreementValue) {}

    public record Email(
            String messageId,
            String from,
            List<String> to,
            List<String> cc,
            String subject,
            String body,
            Instant sentAt) {}
}
