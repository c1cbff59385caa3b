package io.mpgov.license;

import io.mpgov.organization.MemberAccount;
import io.mpgov.organization.OrganizationPort;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Desired state (the accounts entitled by a request's account list, OU and tag, if ACTIVE) against
 * actual state (License Manager's grants), per license of the product.
 */
@Service
public class DistributionPlanner {

    private final OrganizationPort organization;
    private final LicensePort licenses;

    DistributionPlanner(OrganizationPort organization, LicensePort licenses) {
        this.organization = organization;
        this.licenses = licenses;
    }

    public record Targets(String accountIds, String ouId, String tag) {
    }

    public List<DistributionPlan> plan(String productId, Targets targets) {
        List<MemberAccount> accounts = organization.accounts();
        Set<String> active = accounts.stream().filter(MemberAccount::active).map(MemberAccount::id).collect(Collectors.toSet());
        Set<String> entitled = entitled(targets, accounts);
        List<DistributionPlan> plans = new ArrayList<>();
        for (LicensePort.ReceivedLicense license : licenses.licensesOf(productId)) {
            plans.add(DistributionPlan.of(license.arn(), license.homeRegion(), entitled, active, licenses.grantsOf(license.arn())));
        }
        return plans;
    }

    private Set<String> entitled(Targets targets, List<MemberAccount> accounts) {
        Set<String> entitled = new TreeSet<>();
        if (targets.accountIds() != null && !targets.accountIds().isBlank()) {
            Arrays.stream(targets.accountIds().split("[,;\\s]+")).filter(s -> !s.isBlank()).forEach(entitled::add);
        }
        if (targets.ouId() != null && !targets.ouId().isBlank()) {
            entitled.addAll(organization.accountsUnder(targets.ouId()));
        }
        if (targets.tag() != null && targets.tag().contains("=")) {
            String key = targets.tag().substring(0, targets.tag().indexOf('='));
            String value = targets.tag().substring(targets.tag().indexOf('=') + 1);
            accounts.stream().filter(MemberAccount::active)
                    .filter(a -> value.equals(organization.tagsOf(a.id()).get(key))).forEach(a -> entitled.add(a.id()));
        }
        return entitled;
    }

    /** A plan's writes as multi-instance elements: plain maps, so they travel as JSON process variables. */
    static List<Map<String, Object>> work(List<DistributionPlan> plans) {
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
        return work;
    }
}
