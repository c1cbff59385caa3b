package io.mpgov.license;

import java.util.List;
import java.util.Optional;

/** License Manager as mpgov needs it: the licenses received from AWS Marketplace and their grants to member accounts. */
public interface LicensePort {

    /** Licenses this account received for a product (its SKU is the Marketplace product id). */
    List<ReceivedLicense> licensesOf(String productId);

    /** The received license with this ARN, if this account has it. */
    Optional<ReceivedLicense> license(String licenseArn);

    /** Whether any of the license's entitlements is checked out now (GetLicenseUsage): one usage signal, where check-outs exist (UsagePort). */
    boolean consumed(String licenseArn);

    /** Every grant of the license, whatever its status. */
    List<Grant> grantsOf(String licenseArn);

    /**
     * Grants the license to the account and activates the grant. Idempotent through {@code token}: the
     * same token never makes a second grant; a grant that exists already for the account is taken as
     * it is (and activated if it waits for activation).
     */
    Grant grant(String licenseArn, String homeRegion, String accountId, String token);

    /** Deletes the grant (its current version), e.g. when the account left or lost its entitlement. */
    Grant revoke(Grant grant, String reason);

    record ReceivedLicense(String arn, String productId, String productName, String homeRegion) {
    }

    /** @param status PENDING_WORKFLOW, ACTIVE, PENDING_DELETE, DELETED, … as License Manager has them */
    record Grant(String arn, String licenseArn, String accountId, String status, String version) {

        public boolean live() {
            return !List.of("DELETED", "PENDING_DELETE", "REJECTED", "FAILED_WORKFLOW", "DISABLED").contains(status);
        }
    }
}
