package io.mpgov.license;

import io.mpgov.organization.MemberAccount;
import io.mpgov.organization.OrganizationPort;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Desired state (the union of a product's recorded entitlements — account lists, OUs and tags — over
 * the accounts that are ACTIVE) against actual state (License Manager's grants), per license.
 */
@Service
public class DistributionPlanner {

    private final OrganizationPort organization;
    private final LicensePort licenses;
    private final Entitlements entitlements;

    DistributionPlanner(OrganizationPort organization, LicensePort licenses, Entitlements entitlements) {
        this.organization = organization;
        this.licenses = licenses;
        this.entitlements = entitlements;
    }

    /**
     * What to reconcile. A request's distribution names its product and brings an entitlement to record
     * first; an event names an account or a license; with none of them, every entitled product.
     */
    public record Scope(String productId, String licenseArn, String accountId, Entitlement entitlement) {
    }

    public List<DistributionPlan> plan(Scope scope) {
        if (scope.entitlement() != null) {
            entitlements.record(scope.entitlement());
        }
        List<String> products;
        if (scope.productId() != null) {
            products = List.of(scope.productId());
        } else if (scope.licenseArn() != null) {
            products = licenses.license(scope.licenseArn()).map(l -> List.of(l.productId())).orElse(List.of());
        } else {
            products = entitlements.products();
        }
        List<MemberAccount> accounts = organization.accounts();
        Set<String> active = accounts.stream().filter(MemberAccount::active).map(MemberAccount::id).collect(Collectors.toSet());
        Map<String, Map<String, String>> tags = new HashMap<>();
        List<DistributionPlan> plans = new ArrayList<>();
        for (String product : products) {
            Set<String> entitled = new TreeSet<>();
            entitlements.forProduct(product).forEach(e -> entitled.addAll(entitled(e, accounts, tags)));
            if (scope.accountId() != null) {
                entitled.retainAll(Set.of(scope.accountId()));
            }
            for (LicensePort.ReceivedLicense license : licenses.licensesOf(product)) {
                if (scope.licenseArn() != null && !scope.licenseArn().equals(license.arn())) {
                    continue;
                }
                List<LicensePort.Grant> grants = licenses.grantsOf(license.arn());
                if (scope.accountId() != null) {
                    grants = grants.stream().filter(g -> g.accountId().equals(scope.accountId())).toList();
                }
                plans.add(DistributionPlan.of(license.arn(), license.homeRegion(), entitled, active, grants));
            }
        }
        return plans;
    }

    private Set<String> entitled(Entitlement e, List<MemberAccount> accounts, Map<String, Map<String, String>> tags) {
        Set<String> entitled = new TreeSet<>();
        if (e.accountIds() != null && !e.accountIds().isBlank()) {
            Arrays.stream(e.accountIds().split("[,;\\s]+")).filter(s -> !s.isBlank()).forEach(entitled::add);
        }
        if (e.ouId() != null && !e.ouId().isBlank()) {
            entitled.addAll(organization.accountsUnder(e.ouId()));
        }
        if (e.tag() != null && e.tag().contains("=")) {
            String key = e.tag().substring(0, e.tag().indexOf('='));
            String value = e.tag().substring(e.tag().indexOf('=') + 1);
            // Tags are read once per plan, however many entitlements match by tag.
            accounts.stream().filter(MemberAccount::active)
                    .filter(a -> value.equals(tags.computeIfAbsent(a.id(), organization::tagsOf).get(key)))
                    .forEach(a -> entitled.add(a.id()));
        }
        return entitled;
    }

    /**
     * The plans' writes in batches of at most {@code size}, one multi-instance element each: few enough
     * elements that the loop's bookkeeping stays cheap, each batch run in parallel by {@link GrantWorkRunner}.
     * Plain lists and maps (ArrayList, LinkedHashMap), so they travel as JSON process variables of types
     * the engine's deserialization allow-list names.
     */
    static List<List<Map<String, Object>>> batches(List<DistributionPlan> plans, int size) {
        List<Map<String, Object>> work = new ArrayList<>();
        for (DistributionPlan plan : plans) {
            for (DistributionPlan.Item item : plan.writes()) {
                Map<String, Object> element = new LinkedHashMap<>();
                element.put("action", item.action().name());
                element.put("licenseArn", plan.licenseArn());
                element.put("homeRegion", plan.homeRegion());
                element.put("accountId", item.accountId());
                element.put("token", item.token());
                element.put("grantArn", item.grant() == null ? null : item.grant().arn());
                element.put("version", item.grant() == null ? null : item.grant().version());
                element.put("reason", item.reason());
                work.add(element);
            }
        }
        List<List<Map<String, Object>>> batches = new ArrayList<>();
        for (int from = 0; from < work.size(); from += size) {
            batches.add(new ArrayList<>(work.subList(from, Math.min(work.size(), from + size))));
        }
        return batches;
    }
}
