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

    /** Every write and notice as a line: failures first, then what did not happen (not shared, waiting), then the rest. */
    public List<String> lines() {
        return Stream.concat(writes.stream(), notices.stream())
                .sorted(Comparator.comparingInt(o -> o.kind().rank()))
                .map(GrantOutcome::line)
                .toList();
    }
}
