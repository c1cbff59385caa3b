package io.mpgov.license;

import io.mpgov.license.LicensePort.Grant;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The difference between who should hold a license and who does: grant to entitled accounts without
 * a live grant, keep what is right, revoke what is no longer entitled. Pure: the same inputs give the
 * same plan, which is what makes a re-run after a crash or a reconciliation make no needless calls.
 */
public record DistributionPlan(String licenseArn, String homeRegion, List<Item> items) {

    public enum Action { GRANT, KEEP, REVOKE }

    /** Why a GRANT is made for an account that has a grant already: it waits for its activation. */
    static final String NOT_YET_ACTIVATED = "granted, not yet activated";

    /** @param token for GRANT: the idempotent ClientToken; @param grant for KEEP and REVOKE: the grant */
    public record Item(Action action, String accountId, String token, Grant grant, String reason) {
    }

    /**
     * @param entitled accounts the license belongs to (from the request's list, OU or tag)
     * @param active   accounts of the organization that are ACTIVE: others never hold grants
     * @param grants   every grant of the license, as License Manager lists it
     */
    public static DistributionPlan of(String licenseArn, String homeRegion, Set<String> entitled, Set<String> active,
                                      List<Grant> grants) {
        Map<String, List<Grant>> byAccount = grants.stream().collect(Collectors.groupingBy(Grant::accountId));
        List<Item> items = new ArrayList<>();
        Set<String> accounts = new TreeSet<>(entitled);
        accounts.addAll(byAccount.keySet());
        for (String account : accounts) {
            List<Grant> held = byAccount.getOrDefault(account, List.of());
            List<Grant> live = held.stream().filter(Grant::live).sorted(Comparator.comparing(Grant::arn)).toList();
            boolean shouldHold = entitled.contains(account) && active.contains(account);
            // Version 1 is the grant as created; any later version means its activation was asked for already.
            boolean activated = live.stream().anyMatch(g -> !g.status().equals("PENDING_WORKFLOW") || !"1".equals(g.version()));
            if (shouldHold && !activated) {
                // No grant, or one that waits for activation: granting again with the same token finishes it.
                int generation = (int) held.stream().filter(g -> !g.live()).count();
                items.add(new Item(Action.GRANT, account, GrantTokens.of(licenseArn, account, generation), null,
                        live.isEmpty() ? "entitled, no live grant" : NOT_YET_ACTIVATED));
                live.stream().skip(1).forEach(extra -> items.add(new Item(Action.REVOKE, account, null, extra, "second grant")));
            } else if (shouldHold) {
                items.add(new Item(Action.KEEP, account, null, live.get(0), "entitled and granted"));
                live.stream().skip(1).forEach(extra -> items.add(new Item(Action.REVOKE, account, null, extra, "second grant")));
            } else {
                String why = entitled.contains(account) ? "account not ACTIVE" : "no longer entitled";
                live.forEach(g -> items.add(new Item(Action.REVOKE, account, null, g, why)));
            }
        }
        return new DistributionPlan(licenseArn, homeRegion, List.copyOf(items));
    }

    public List<Item> writes() {
        return items.stream().filter(i -> i.action() != Action.KEEP).toList();
    }
}
