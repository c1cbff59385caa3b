package io.mpgov.license;

import io.mpgov.organization.MemberAccount;
import io.mpgov.organization.OrganizationPort;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Desired state (the union of a product's recorded entitlements — account lists, OUs and tags — over
 * the accounts that are ACTIVE) against actual state (License Manager's grants), per license. An entitled
 * OU gets one grant of its own ({@code mpgov.license.ou-grants}, on by default; it needs the organization
 * linked in License Manager); accounts in it need none. Of a product's licenses only the current one is
 * granted; the grants of the licenses it supersedes are revoked.
 */
@Service
public class DistributionPlanner {

    private final OrganizationPort organization;
    private final LicensePort licenses;
    private final Entitlements entitlements;

    private final boolean ouGrants;
    private final Clock clock;

    @Autowired
    DistributionPlanner(
            OrganizationPort organization, LicensePort licenses, Entitlements entitlements, LicenseSettings settings) {
        this(organization, licenses, entitlements, settings.ouGrants(), Clock.systemUTC());
    }

    /** @param ouGrants one grant to an entitled OU (true), or one per account in it (false) */
    DistributionPlanner(
            OrganizationPort organization,
            LicensePort licenses,
            Entitlements entitlements,
            boolean ouGrants,
            Clock clock) {
        this.organization = organization;
        this.licenses = licenses;
        this.entitlements = entitlements;
        this.ouGrants = ouGrants;
        this.clock = clock;
    }

    DistributionPlanner(OrganizationPort organization, LicensePort licenses, Entitlements entitlements) {
        this(organization, licenses, entitlements, true, Clock.systemUTC());
    }

    /**
     * What to reconcile. A request's distribution names its product and brings an entitlement to record
     * first; an event names an account or a license; with none of them, every entitled product.
     */
    public record Scope(String productId, String licenseArn, String accountId, Entitlement entitlement) {

        /**
         * A distribution's scope as its start named it: a product with accounts, an OU or a tag is a request's,
         * and entitles them (recorded under {@code entitlementId}); a product alone, a license or an account
         * reconciles what is recorded already.
         */
        public static Scope of(
                String productId,
                String licenseArn,
                String accountId,
                String targetAccountIds,
                String targetOuId,
                String targetTag,
                String entitlementId) {
            boolean entitles =
                    productId != null && (present(targetAccountIds) || present(targetOuId) || present(targetTag));
            return new Scope(
                    productId,
                    licenseArn,
                    accountId,
                    entitles
                            ? new Entitlement(entitlementId, productId, targetAccountIds, targetOuId, targetTag)
                            : null);
        }
    }

    public List<DistributionPlan> plan(Scope scope) {
        if (scope.entitlement() != null) {
            entitlements.record(scope.entitlement());
        }
        List<String> products;
        if (scope.productId() != null) {
            products = List.of(scope.productId());
        } else if (scope.licenseArn() != null) {
            // Every license of the product, not only the one named: a new license supersedes the older ones.
            products = licenses.license(scope.licenseArn())
                    .map(l -> List.of(l.productId()))
                    .orElse(List.of());
        } else {
            products = entitlements.products();
        }
        // The organization is read only as far as the plan needs it: an entitlement of OUs alone reads the OUs'
        // members.
        Lazy<List<MemberAccount>> accounts = new Lazy<>(organization::accounts);
        Map<String, Map<String, String>> tags = new HashMap<>();
        Map<String, List<MemberAccount>> underOu = new HashMap<>();
        Map<String, String> ouArns = new HashMap<>();
        List<DistributionPlan> plans = new ArrayList<>();
        for (String product : products) {
            Set<String> entitled = new TreeSet<>();
            Map<String, String> ous = new TreeMap<>();
            Map<String, String> coveredBy = new TreeMap<>();
            Set<String> active = new HashSet<>();
            boolean oneByOne = false;
            for (Entitlement e : entitlements.forProduct(product)) {
                oneByOne |= present(e.accountIds()) || present(e.tag()) || !ouGrants && present(e.ouId());
                entitled.addAll(entitledOneByOne(e, accounts, tags, underOu));
                if (ouGrants && present(e.ouId())) {
                    ous.put(e.ouId(), ouArns.computeIfAbsent(e.ouId(), organization::organizationalUnitArn));
                    for (MemberAccount member : underOu.computeIfAbsent(e.ouId(), organization::membersUnder)) {
                        coveredBy.putIfAbsent(member.id(), e.ouId());
                        if (member.active()) {
                            active.add(member.id());
                        }
                    }
                }
            }
            if (scope.accountId() != null) {
                entitled.retainAll(Set.of(scope.accountId()));
                coveredBy.keySet().retainAll(Set.of(scope.accountId()));
                ous.keySet().retainAll(Set.copyOf(coveredBy.values()));
            }
            DistributionPlan.Desired desired = new DistributionPlan.Desired(entitled, ous, coveredBy);
            List<LicensePort.ReceivedLicense> received = licenses.licensesOf(product);
            LicensePort.ReceivedLicense current = current(received, Instant.now(clock));
            Map<String, List<LicensePort.Grant>> grantsByLicense = new HashMap<>();
            for (LicensePort.ReceivedLicense license : received) {
                List<LicensePort.Grant> grants = license.shareable() ? licenses.grantsOf(license.arn()) : List.of();
                if (scope.accountId() != null) {
                    grants = grants.stream()
                            .filter(g -> g.accountId().equals(scope.accountId()) || ous.containsKey(g.accountId()))
                            .toList();
                }
                grantsByLicense.put(license.arn(), grants);
            }
            // Account grants (or accounts entitled one by one) need every account's state.
            if (oneByOne
                    || grantsByLicense.values().stream()
                            .flatMap(List::stream)
                            .anyMatch(g -> !g.toOrganizationalUnit())) {
                accounts.get().stream().filter(MemberAccount::active).forEach(a -> active.add(a.id()));
            }
            for (LicensePort.ReceivedLicense license : received) {
                List<LicensePort.Grant> grants = grantsByLicense.get(license.arn());
                if (!license.shareable()) {
                    plans.add(DistributionPlan.notShareable(license.arn(), license.homeRegion()));
                } else if (license != current) {
                    plans.add(DistributionPlan.superseded(
                            license.arn(),
                            license.homeRegion(),
                            grants,
                            current.arn(),
                            grantsByLicense.get(current.arn())));
                } else {
                    // Grantees holding a superseded license in use: activating the current one must replace it.
                    Set<String> replacing = received.stream()
                            .filter(l -> l != current)
                            .flatMap(l -> grantsByLicense.get(l.arn()).stream())
                            .filter(g -> LicensePort.Grant.IN_USE.contains(g.status()))
                            .map(LicensePort.Grant::accountId)
                            .collect(Collectors.toSet());
                    plans.add(DistributionPlan.of(
                            license.arn(), license.homeRegion(), desired, active, grants, replacing));
                }
            }
        }
        return plans;
    }

    /**
     * The license of a product that entitled accounts should hold: of the shareable ones, the latest that is valid
     * now, else the latest. An account cannot hold two active licenses of one Marketplace product, so a renewal's
     * new license takes the place of the old one rather than joining it.
     */
    static LicensePort.ReceivedLicense current(List<LicensePort.ReceivedLicense> received, Instant now) {
        Comparator<LicensePort.ReceivedLicense> latest = Comparator.comparing(
                        LicensePort.ReceivedLicense::validFrom, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(LicensePort.ReceivedLicense::arn);
        List<LicensePort.ReceivedLicense> shareable =
                received.stream().filter(LicensePort.ReceivedLicense::shareable).toList();
        return shareable.stream()
                .filter(l -> l.validAt(now))
                .max(latest)
                .orElseGet(() -> shareable.stream().max(latest).orElse(null));
    }

    /** The accounts an entitlement names one by one: its list, its tag, and its OU's accounts when OUs get no grant of their own. */
    private Set<String> entitledOneByOne(
            Entitlement e,
            Lazy<List<MemberAccount>> accounts,
            Map<String, Map<String, String>> tags,
            Map<String, List<MemberAccount>> underOu) {
        Set<String> entitled = new TreeSet<>();
        if (e.accountIds() != null && !e.accountIds().isBlank()) {
            Arrays.stream(e.accountIds().split("[,;\\s]+"))
                    .filter(s -> !s.isBlank())
                    .forEach(entitled::add);
        }
        if (!ouGrants && e.ouId() != null && !e.ouId().isBlank()) {
            underOu.computeIfAbsent(e.ouId(), organization::membersUnder).forEach(a -> entitled.add(a.id()));
        }
        if (e.tag() != null && e.tag().contains("=")) {
            String key = e.tag().substring(0, e.tag().indexOf('='));
            String value = e.tag().substring(e.tag().indexOf('=') + 1);
            // Tags are read once per plan, however many entitlements match by tag.
            accounts.get().stream()
                    .filter(MemberAccount::active)
                    .filter(a -> value.equals(
                            tags.computeIfAbsent(a.id(), organization::tagsOf).get(key)))
                    .forEach(a -> entitled.add(a.id()));
        }
        return entitled;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** Read once, when first asked. */
    private static final class Lazy<T> {
        private final java.util.function.Supplier<T> source;
        private T value;

        Lazy(java.util.function.Supplier<T> source) {
            this.source = source;
        }

        T get() {
            if (value == null) {
                value = source.get();
            }
            return value;
        }
    }

    /**
     * The plans' writes in batches of at most {@code size}, one multi-instance element each: few enough
     * elements that the loop's bookkeeping stays cheap, each batch run in parallel by {@link GrantWorkRunner}.
     */
    static List<GrantBatch> batches(List<DistributionPlan> plans, int size) {
        List<GrantWork> work = plans.stream()
                .flatMap(plan -> plan.writes().stream().map(item -> GrantWork.of(plan, item)))
                .toList();
        List<GrantBatch> batches = new ArrayList<>();
        for (int from = 0; from < work.size(); from += size) {
            batches.add(new GrantBatch(work.subList(from, Math.min(work.size(), from + size))));
        }
        return batches;
    }

    /** What the plans report without writing: one outcome per WAIT or NOT_SHAREABLE item, decided by the plan. */
    static List<GrantOutcome> notices(List<DistributionPlan> plans) {
        return plans.stream()
                .flatMap(plan -> plan.notices().stream()
                        .map(item -> new GrantOutcome(
                                item.reported(),
                                item.accountId(),
                                plan.licenseArn(),
                                item.grant() == null ? null : item.grant().arn(),
                                item.reason())))
                .toList();
    }

    /** Grants that are right as they are (KEEP). */
    static long unchanged(List<DistributionPlan> plans) {
        return plans.stream()
                .flatMap(p -> p.items().stream())
                .filter(i -> i.action() == DistributionPlan.Action.KEEP)
                .count();
    }
}
