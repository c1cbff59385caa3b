package io.mpgov.license;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** License Manager as mpgov needs it: the licenses received from AWS Marketplace and their grants to member accounts and OUs. */
public interface LicensePort {

    /** Licenses this account received for a product (its SKU is the Marketplace product id). */
    List<ReceivedLicense> licensesOf(String productId);

    /** The received license with this ARN, if this account has it. */
    Optional<ReceivedLicense> license(String licenseArn);

    /** Whether any of the license's entitlements is checked out now (GetLicenseUsage): one usage signal, where check-outs exist (UsagePort). */
    boolean consumed(String licenseArn);

    /** Every grant of the license, whatever its status and grantee (account or OU). */
    List<Grant> grantsOf(String licenseArn);

    /**
     * Grants the license to the order's principal and activates the grant. Idempotent through the token: the
     * same token never makes a second grant; a grant that exists already for the principal is taken as it is
     * and activated if it is not active (PENDING_WORKFLOW, DISABLED). A grant that waits for its grantee to
     * accept it (PENDING_ACCEPT) is left waiting: activation follows once it is accepted.
     */
    Grant grant(GrantOrder order);

    /** An account grant without an existing grant in view: see {@link #grant(GrantOrder)}. */
    default Grant grant(String licenseArn, String homeRegion, String accountId, String token) {
        return grant(new GrantOrder(licenseArn, homeRegion, accountPrincipal(accountId), token, null, false));
    }

    /** Deletes the grant (its current version), e.g. when the account left or lost its entitlement. */
    Grant revoke(Grant grant, String reason);

    static String accountPrincipal(String accountId) {
        return "arn:aws:iam::" + accountId + ":root";
    }

    /**
     * @param principalArn   {@code arn:aws:iam::<account>:root}, or an OU's ARN: one grant for every account in the OU
     * @param existing       the grant the plan found for the principal (to activate), or null
     * @param replaceActive  activate with {@code ActivationOverrideBehavior ALL_GRANTS_PERMITTED_BY_ISSUER}: the grantee
     *                       holds an active grant of another license of the same product (a renewal), which AWS would
     *                       otherwise refuse — an account cannot have two active licenses of one Marketplace product
     */
    record GrantOrder(
            String licenseArn,
            String homeRegion,
            String principalArn,
            String token,
            Grant existing,
            boolean replaceActive) {}

    /**
     * @param validFrom   the license's Validity.Begin; null when unknown
     * @param validUntil  the license's Validity.End; null when it does not end
     * @param shareable   whether License Manager lets this account grant it ({@code CreateGrant} among the received
     *                    license's allowed operations): AWS Marketplace shares only AMI, container, machine learning
     *                    and data product licenses; SaaS licenses, and licenses shared with this account, cannot be shared
     */
    record ReceivedLicense(
            String arn,
            String productId,
            String productName,
            String homeRegion,
            Instant validFrom,
            Instant validUntil,
            boolean shareable) {

        public ReceivedLicense(String arn, String productId, String productName, String homeRegion) {
            this(arn, productId, productName, homeRegion, null, null, true);
        }

        /** Whether the license is valid at {@code now}: begun (or no begin known) and not ended. */
        public boolean validAt(Instant now) {
            return (validFrom == null || !validFrom.isAfter(now)) && (validUntil == null || now.isBefore(validUntil));
        }
    }

    /**
     * @param accountId the grantee: a 12-digit account id, or the OU id ({@code ou-…}) of a grant to an OU
     * @param status    as License Manager has it: PENDING_WORKFLOW, PENDING_ACCEPT, REJECTED, ACTIVE,
     *                  FAILED_WORKFLOW, DELETED, PENDING_DELETE, DISABLED, WORKFLOW_COMPLETED
     */
    record Grant(String arn, String licenseArn, String accountId, String status, String version) {

        /** Statuses of a grant that exists for its grantee: granting again would be a duplicate, revoking deletes it. */
        public static final Set<String> LIVE =
                Set.of("PENDING_WORKFLOW", "PENDING_ACCEPT", "ACTIVE", "DISABLED", "WORKFLOW_COMPLETED");
        /** Statuses in which the grantee can use the license: ACTIVE, or distributed to an OU (WORKFLOW_COMPLETED). */
        public static final Set<String> IN_USE = Set.of("ACTIVE", "WORKFLOW_COMPLETED");

        public boolean live() {
            return LIVE.contains(status);
        }

        public boolean toOrganizationalUnit() {
            return accountId != null && accountId.startsWith("ou-");
        }
    }
}
