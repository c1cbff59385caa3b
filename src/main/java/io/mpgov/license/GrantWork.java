package io.mpgov.license;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.mpgov.license.DistributionPlan.Action;
import io.mpgov.license.LicensePort.Grant;

/**
 * One write a distribution plan calls for, GRANT or REVOKE of one grantee's grant of one license, as it travels
 * to {@link GrantWorkRunner} in a {@link GrantBatch}. Everything the write needs is in it, so a batch runs on any
 * node, after any restart, without planning again.
 *
 * @param token         for GRANT: the idempotent ClientToken
 * @param grantArn      the existing grant (REVOKE; GRANT that activates a grant that exists), else null
 * @param version       the existing grant's version
 * @param grantStatus   the existing grant's status, as the plan saw it
 * @param principalArn  for GRANT: the account root or OU ARN
 * @param replaceActive for GRANT: activation replaces the grantee's active grant of a superseded license
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GrantWork(
        Action action,
        String licenseArn,
        String homeRegion,
        String accountId,
        String token,
        String grantArn,
        String version,
        String grantStatus,
        String principalArn,
        boolean replaceActive,
        String reason) {

    public GrantWork {
        if (action != Action.GRANT && action != Action.REVOKE) {
            throw new IllegalArgumentException("Grant work is a GRANT or a REVOKE, not " + action);
        }
    }

    static GrantWork of(DistributionPlan plan, DistributionPlan.Item item) {
        Grant grant = item.grant();
        return new GrantWork(
                item.action(),
                plan.licenseArn(),
                plan.homeRegion(),
                item.accountId(),
                item.token(),
                grant == null ? null : grant.arn(),
                grant == null ? null : grant.version(),
                grant == null ? null : grant.status(),
                item.principalArn(),
                item.replaceActive(),
                item.reason());
    }

    /** For GRANT: the order to License Manager. */
    LicensePort.GrantOrder order() {
        return new LicensePort.GrantOrder(
                licenseArn,
                homeRegion,
                principalArn != null ? principalArn : LicensePort.accountPrincipal(accountId),
                token,
                grantArn == null ? null : new Grant(grantArn, licenseArn, accountId, grantStatus, version),
                replaceActive);
    }

    /** For REVOKE: the grant to delete (its current version). */
    Grant revoked() {
        return new Grant(grantArn, licenseArn, accountId, null, version);
    }
}
