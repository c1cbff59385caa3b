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
 * The difference between who should hold a license and who does: grant to entitled accounts and OUs without
 * a grant, activate grants that are not active, keep what is right, revoke what is no longer entitled, and
 * say what waits on someone else (a grantee's acceptance) or cannot be done (a license AWS does not let us
 * share). Pure: the same inputs give the same plan, which is what makes a re-run after a crash or a
 * reconciliation make no needless calls.
 *
 * <p>Grant statuses (License Manager user guide, "License status for grants" and "Grant acceptance and
 * activation"): PENDING_WORKFLOW (being distributed), PENDING_ACCEPT (the grantee has not accepted it),
 * DISABLED (accepted, not activated), ACTIVE, WORKFLOW_COMPLETED (distributed to an OU or organization),
 * REJECTED (by the grantee), FAILED_WORKFLOW, PENDING_DELETE, DELETED.
 */
public record DistributionPlan(String licenseArn, String homeRegion, List<Item> items) {

    /** GRANT and REVOKE are writes; WAIT and NOT_SHAREABLE are reported and write nothing. */
    public enum Action {
        GRANT,
        KEEP,
        REVOKE,
        WAIT,
        NOT_SHAREABLE
    }

    /** Why a GRANT is made for an account that has a grant already: it waits for its activation. */
    static final String NOT_YET_ACTIVATED = "granted, not yet activated";

    static final String ACCEPTED_NOT_ACTIVE = "accepted, not active (DISABLED): activating the existing grant";
    static final String PENDING_ACCEPTANCE =
            "pending acceptance: the grantee must accept the grant (the organization is not linked in License Manager)";

    /**
     * @param accountId     the grantee: an account id, an OU id ({@code ou-…}), or "-" for a note on the whole license
     * @param token         for GRANT: the idempotent ClientToken
     * @param grant         for KEEP, REVOKE, WAIT, and GRANT of an existing grant: the grant
     * @param principalArn  for GRANT: the principal (account root or OU ARN)
     * @param replaceActive for GRANT: the grantee holds an active grant of a superseded license of the same product
     * @param reported      for KEEP, WAIT and NOT_SHAREABLE, which write nothing: what the report says of it; null for
     *                      GRANT and REVOKE, whose outcome the report reads back from License Manager
     */
    public record Item(
            Action action,
            String accountId,
            String token,
            Grant grant,
            String reason,
            String principalArn,
            boolean replaceActive,
            GrantOutcome.Kind reported) {

        /** An item reported as not shared (NOT_SHAREABLE), unchanged (KEEP, WAIT), or by what its write did (GRANT, REVOKE). */
        Item(
                Action action,
                String accountId,
                String token,
                Grant grant,
                String reason,
                String principalArn,
                boolean replaceActive) {
            this(
                    action,
                    accountId,
                    token,
                    grant,
                    reason,
                    principalArn,
                    replaceActive,
                    switch (action) {
                        case GRANT, REVOKE -> null;
                        case KEEP, WAIT -> GrantOutcome.Kind.UNCHANGED;
                        case NOT_SHAREABLE -> GrantOutcome.Kind.NOT_SHARED;
                    });
        }
    }

    /**
     * Who should hold the license.
     *
     * @param accounts            accounts entitled one by one (account lists, tags)
     * @param organizationalUnits OUs entitled as a whole, id → ARN: one grant each
     * @param coveredBy           accounts in an entitled OU (at any depth), account → OU id: they need no grant of their own
     */
    public record Desired(
            Set<String> accounts, Map<String, String> organizationalUnits, Map<String, String> coveredBy) {

        public static Desired accounts(Set<String> accounts) {
            return new Desired(accounts, Map.of(), Map.of());
        }
    }

    /** Account grants only: see {@link #of(String, String, Desired, Set, List, Set)}. */
    public static DistributionPlan of(
            String licenseArn, String homeRegion, Set<String> entitled, Set<String> active, List<Grant> grants) {
        return of(licenseArn, homeRegion, Desired.accounts(entitled), active, grants, Set.of());
    }

    /**
     * @param desired   who the license belongs to (from the requests' lists, OUs and tags)
     * @param active    accounts of the organization that are ACTIVE: others never hold grants of their own
     * @param grants    every grant of the license, as License Manager lists it
     * @param replacing accounts that hold an active grant of a superseded license of the product (a renewal)
     */
    public static DistributionPlan of(
            String licenseArn,
            String homeRegion,
            Desired desired,
            Set<String> active,
            List<Grant> grants,
            Set<String> replacing) {
        Map<String, List<Grant>> byGrantee = grants.stream().collect(Collectors.groupingBy(Grant::accountId));
        List<Item> items = new ArrayList<>();
        Set<String> grantees = new TreeSet<>(desired.accounts());
        grantees.addAll(desired.organizationalUnits().keySet());
        grantees.addAll(byGrantee.keySet());
        for (String grantee : grantees) {
            List<Grant> held = byGrantee.getOrDefault(grantee, List.of());
            boolean ou = grantee.startsWith("ou-");
            String coveringOu = ou ? null : desired.coveredBy().get(grantee);
            boolean shouldHold = ou
                    ? desired.organizationalUnits().containsKey(grantee)
                    : desired.accounts().contains(grantee) && active.contains(grantee) && coveringOu == null;
            String principal = ou ? desired.organizationalUnits().get(grantee) : LicensePort.accountPrincipal(grantee);
            if (shouldHold) {
                planHeld(licenseArn, grantee, principal, held, replacing.contains(grantee), items);
                continue;
            }
            String why = coveringOu != null
                    ? "covered by the grant to " + coveringOu
                    : desired.accounts().contains(grantee) ? "account not ACTIVE" : "no longer entitled";
            held.stream()
                    .filter(Grant::live)
                    .sorted(Comparator.comparing(Grant::arn))
                    .forEach(g -> items.add(new Item(Action.REVOKE, grantee, null, g, why, null, false)));
        }
        // An OU grant covers every account in the OU, whatever its state: one account cannot be revoked from it.
        desired.coveredBy().forEach((account, coveringOu) -> {
            if (!active.contains(account) && desired.organizationalUnits().containsKey(coveringOu)) {
                items.add(new Item(
                        Action.WAIT,
                        account,
                        null,
                        null,
                        "not ACTIVE, but covered by the grant to " + coveringOu
                                + ": License Manager cannot revoke one account of an OU grant; it loses the license when it leaves the OU",
                        null,
                        false));
            }
        });
        return new DistributionPlan(licenseArn, homeRegion, List.copyOf(items));
    }

    private static void planHeld(
            String licenseArn,
            String grantee,
            String principal,
            List<Grant> held,
            boolean replacing,
            List<Item> items) {
        List<Grant> live = held.stream()
                .filter(Grant::live)
                .sorted(Comparator.comparing((Grant g) -> !Grant.IN_USE.contains(g.status()))
                        .thenComparing(Grant::arn))
                .toList();
        // The generation moves on with every grant that is gone, so a grant after a deletion or failure is a new one.
        int generation = (int) held.stream().filter(g -> !g.live()).count();
        String token = GrantTokens.of(licenseArn, grantee, generation);
        if (live.isEmpty()) {
            if (held.stream().anyMatch(g -> g.status().equals("PENDING_DELETE"))) {
                items.add(new Item(
                        Action.WAIT,
                        grantee,
                        null,
                        held.stream()
                                .filter(g -> g.status().equals("PENDING_DELETE"))
                                .findFirst()
                                .get(),
                        "the last grant is being deleted (PENDING_DELETE): granted again once it is gone",
                        null,
                        false));
            } else if (held.stream().anyMatch(g -> g.status().equals("REJECTED"))) {
                items.add(new Item(
                        Action.WAIT,
                        grantee,
                        null,
                        held.stream()
                                .filter(g -> g.status().equals("REJECTED"))
                                .findFirst()
                                .get(),
                        "rejected by the grantee (REJECTED): mpgov does not grant again unasked",
                        null,
                        false));
            } else {
                boolean failed = held.stream().anyMatch(g -> g.status().equals("FAILED_WORKFLOW"));
                items.add(new Item(
                        Action.GRANT,
                        grantee,
                        token,
                        null,
                        failed
                                ? "the last grant failed to distribute (FAILED_WORKFLOW): granting again"
                                : "entitled, had no grant yet",
                        principal,
                        replacing));
            }
            return;
        }
        Grant first = live.get(0);
        // Tokens of an existing grant: the one that made it, if it was ours, else a fresh one for this generation.
        switch (first.status()) {
            case "ACTIVE", "WORKFLOW_COMPLETED" ->
                items.add(new Item(Action.KEEP, grantee, null, first, "entitled and granted", null, false));
            case "PENDING_WORKFLOW" ->
                items.add(
                        "1".equals(first.version())
                                ? new Item(Action.GRANT, grantee, token, first, NOT_YET_ACTIVATED, principal, replacing)
                                // Version 1 is the grant as created; a later version means its activation was asked for
                                // already.
                                : new Item(Action.KEEP, grantee, null, first, "activation under way", null, false));
            case "DISABLED" ->
                items.add(new Item(Action.GRANT, grantee, token, first, ACCEPTED_NOT_ACTIVE, principal, replacing));
            default ->
                items.add(new Item(
                        Action.WAIT,
                        grantee,
                        null,
                        first,
                        PENDING_ACCEPTANCE,
                        null,
                        false,
                        GrantOutcome.Kind.PENDING_ACCEPTANCE));
        }
        live.stream()
                .skip(1)
                .forEach(
                        extra -> items.add(new Item(Action.REVOKE, grantee, null, extra, "second grant", null, false)));
    }

    /**
     * A license that is not the product's current one (a renewal brought a newer one): a grantee's grant of
     * it goes once that grantee holds the current license (its grant ACTIVE or distributed); until then it
     * stays, so nobody loses the product while the new grant waits for acceptance or activation.
     */
    public static DistributionPlan superseded(
            String licenseArn, String homeRegion, List<Grant> grants, String current, List<Grant> currentGrants) {
        String name = current.substring(current.lastIndexOf(':') + 1);
        Set<String> holdCurrent = currentGrants.stream()
                .filter(g -> List.of("ACTIVE", "WORKFLOW_COMPLETED").contains(g.status()))
                .map(Grant::accountId)
                .collect(java.util.stream.Collectors.toSet());
        return new DistributionPlan(
                licenseArn,
                homeRegion,
                grants.stream()
                        .filter(Grant::live)
                        .sorted(Comparator.comparing(Grant::accountId).thenComparing(Grant::arn))
                        .map(g -> holdCurrent.contains(g.accountId())
                                ? new Item(
                                        Action.REVOKE,
                                        g.accountId(),
                                        null,
                                        g,
                                        "superseded by the current license " + name,
                                        null,
                                        false)
                                : new Item(
                                        Action.WAIT,
                                        g.accountId(),
                                        null,
                                        g,
                                        "kept until the current license " + name + " is active",
                                        null,
                                        false))
                        .toList());
    }

    /** A license License Manager does not let this account grant: nothing is tried, the reason is reported. */
    public static DistributionPlan notShareable(String licenseArn, String homeRegion) {
        return new DistributionPlan(
                licenseArn,
                homeRegion,
                List.of(new Item(
                        Action.NOT_SHAREABLE,
                        "-",
                        null,
                        null,
                        "not shareable: License Manager allows no CreateGrant on this license (AWS Marketplace shares only AMI, "
                                + "container, machine learning and data product licenses; SaaS licenses cannot be shared)",
                        null,
                        false)));
    }

    public List<Item> writes() {
        return items.stream()
                .filter(i -> i.action() == Action.GRANT || i.action() == Action.REVOKE)
                .toList();
    }

    /** What is reported without a write: grants waiting on someone else, licenses that cannot be shared. */
    public List<Item> notices() {
        return items.stream()
                .filter(i -> i.action() == Action.WAIT || i.action() == Action.NOT_SHAREABLE)
                .toList();
    }
}
