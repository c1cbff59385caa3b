package io.mpgov.license;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.mpgov.license.GrantOutcome.Kind;
import io.mpgov.license.LicensePort.Grant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What a distribution did, per grantee (account or OU) and license, as License Manager shows it afterwards: created,
 * activated, revoked, pending acceptance (the grantee has to accept: not granted yet) or failed; and what the plan
 * could not do: licenses AWS does not let mpgov share, grants rejected by their grantee, accounts an OU grant keeps
 * covering. Travels as a JSON process variable ({@link LicenseDistributionProcess#OUTCOMES}); its writes are the
 * audit evidence of what changed in AWS.
 *
 * @param writes  one outcome per write of the plan, in the plan's order
 * @param notices what the plan reported without a write
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DistributionReport(List<GrantOutcome> writes, List<GrantOutcome> notices) {

    public DistributionReport {
        writes = List.copyOf(writes);
        notices = List.copyOf(notices);
    }

    /**
     * Reads every write back from License Manager (each license's grants once) and says what came of it.
     *
     * @param grantsOf every grant of a license ({@link LicensePort#grantsOf})
     */
    public static DistributionReport of(
            List<GrantWork> work, List<GrantOutcome> notices, Function<String, List<Grant>> grantsOf) {
        Map<String, List<Grant>> grants = new HashMap<>();
        List<GrantOutcome> writes = new ArrayList<>();
        for (GrantWork item : work) {
            Optional<Grant> held = grants.computeIfAbsent(item.licenseArn(), grantsOf).stream()
                    .filter(g -> g.accountId().equals(item.accountId()) && g.live())
                    .findFirst();
            writes.add(new GrantOutcome(
                    outcome(item, held),
                    item.accountId(),
                    item.licenseArn(),
                    held.map(Grant::arn).orElse(item.grantArn()),
                    item.reason()));
        }
        return new DistributionReport(writes, notices);
    }

    /**
     * A write succeeded when License Manager shows what it was for: a live grant after a GRANT, none after a REVOKE.
     * A grant that waits for its grantee's acceptance is not granted yet; one that existed before was activated.
     */
    static Kind outcome(GrantWork item, Optional<Grant> held) {
        boolean grant = item.action() == DistributionPlan.Action.GRANT;
        if (grant != held.isPresent()) {
            return Kind.FAILED;
        }
        if (!grant) {
            return Kind.REVOKED;
        }
        if (held.get().status().equals("PENDING_ACCEPT")) {
            return Kind.PENDING_ACCEPTANCE;
        }
        return item.grantArn() != null ? Kind.ACTIVATED : Kind.CREATED;
    }

    /** How many writes and notices came to this. */
    public int count(Kind kind) {
        return (int) Stream.concat(writes.stream(), notices.stream())
                .filter(o -> o.kind() == kind)
                .count();
    }

    /**
     * What the distribution came to, in one sentence for people — and when nobody was granted the license, why.
     *
     * @param unchanged grantees that held the license already (the plan's count)
     */
    public String summary(long unchanged) {
        List<String> parts = new ArrayList<>();
        long granted = count(Kind.CREATED) + count(Kind.ACTIVATED);
        if (granted > 0) {
            parts.add("granted to " + grantees(Kind.CREATED, Kind.ACTIVATED));
        }
        if (count(Kind.REVOKED) > 0) {
            parts.add("revoked from " + grantees(Kind.REVOKED));
        }
        if (count(Kind.PENDING_ACCEPTANCE) > 0) {
            parts.add("waiting for " + grantees(Kind.PENDING_ACCEPTANCE) + " to accept the grant in License Manager");
        }
        if (count(Kind.FAILED) > 0) {
            parts.add(count(Kind.FAILED)
                    + " grant(s) failed (listed below); mpgov tries again at the next reconciliation");
        }
        if (granted == 0) {
            parts.add(0, nothingGranted(unchanged));
        } else if (unchanged > 0) {
            parts.add(unchanged + " already held it");
        }
        return String.join("; ", parts) + ".";
    }

    private String nothingGranted(long unchanged) {
        if (count(Kind.NOT_SHARED) > 0) {
            return "not granted: AWS does not let this product's license be shared (SaaS licenses cannot be), so each "
                    + "account subscribes in AWS Marketplace itself";
        }
        if (count(Kind.FAILED) > 0) {
            return "not granted";
        }
        if (count(Kind.PENDING_ACCEPTANCE) > 0) {
            return "not granted yet";
        }
        if (unchanged > 0) {
            return "nothing to grant: every entitled account or OU already held the license (" + unchanged + ")";
        }
        return "nothing granted: License Manager has no license of this product to share yet (AWS creates it when the "
                + "product is subscribed), or no target account is active; the nightly reconciliation grants it once there is";
    }

    /** "2 accounts and 1 OU", of the writes and notices of these kinds. */
    private String grantees(Kind... kinds) {
        List<Kind> wanted = List.of(kinds);
        List<GrantOutcome> of = Stream.concat(writes.stream(), notices.stream())
                .filter(o -> wanted.contains(o.kind()))
                .toList();
        long ous = of.stream().filter(o -> o.accountId().startsWith("ou-")).count();
        long accounts = of.size() - ous;
        List<String> counted = new ArrayList<>();
        if (accounts > 0) {
            counted.add(accounts + (accounts == 1 ? " account" : " accounts"));
        }
        if (ous > 0) {
            counted.add(ous + (ous == 1 ? " OU" : " OUs"));
        }
        return String.join(" and ", counted);
    }

    /** Every write and notice as a line: failures first, then what did not happen (not shared, waiting), then the rest. */
    public List<String> lines() {
        return Stream.concat(writes.stream(), notices.stream())
                .sorted(Comparator.comparingInt(o -> o.kind().rank()))
                .map(GrantOutcome::line)
                .toList();
    }
}
