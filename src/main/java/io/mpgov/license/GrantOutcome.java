package io.mpgov.license;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What a distribution did, or did not do, for one grantee (an account, an OU, or "-" for the whole license) and one
 * license: a write read back from License Manager, or something the plan reports without a write. Travels as a JSON
 * process variable ({@link LicenseDistributionProcess#NOTICES}, {@link LicenseDistributionProcess#OUTCOMES}).
 *
 * @param grantArn the grant it is about, if any: as License Manager shows it after the write, else as planned
 * @param reason   why (from the plan), for people: never read to decide anything — {@link #kind()} says what happened
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GrantOutcome(Kind kind, String accountId, String licenseArn, String grantArn, String reason) {

    /** The report's word for each kind, and where its lines go: failures first, then what did not happen, then the rest. */
    public enum Kind {
        FAILED("failed", 0),
        NOT_SHARED("not shared", 1),
        PENDING_ACCEPTANCE("pending acceptance", 1),
        CREATED("created", 2),
        ACTIVATED("activated", 2),
        REVOKED("revoked", 2),
        UNCHANGED("unchanged", 2);

        private final String label;
        private final int rank;

        Kind(String label, int rank) {
            this.label = label;
            this.rank = rank;
        }

        /** As the report, the mails and the audit evidence name it ("created", "pending acceptance", …). */
        public String label() {
            return label;
        }

        /** Order of the report's lines: lower first. */
        int rank() {
            return rank;
        }
    }

    /** One line of the report, for people: {@code account <id>, license <id>: <kind> (<reason>)}. */
    public String line() {
        String license = "license " + licenseArn.substring(licenseArn.lastIndexOf(':') + 1);
        String grantee =
                accountId.equals("-") ? "" : (accountId.startsWith("ou-") ? "OU " : "account ") + accountId + ", ";
        return grantee + license + ": " + kind.label() + " (" + reason + ")";
    }
}
