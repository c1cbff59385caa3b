package io.mpgov.catalog;

import io.mpgov.organization.MemberAccount;
import io.mpgov.organization.OrganizationPort;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Which of the governed Private Marketplace experiences govern a request's target accounts. AWS applies
 * to an account the enabled experience closest to it: one whose audience names the account, else the
 * nearest OU above it, else the root or the organization. The nearest of two OUs that both hold an
 * account is the one with fewer accounts under it (OUs nest, so the smaller subtree is the deeper one),
 * which spares a ListParents walk per account. With one governed experience there is nothing to choose
 * and no audience is read. Accounts no experience reaches change the primary experience; accounts under an
 * experience mpgov does not govern are reported, not changed.
 */
@Service
class ExperienceRouter {

    private static final Logger log = LoggerFactory.getLogger(ExperienceRouter.class);

    private final CatalogPort catalog;
    private final OrganizationPort organization;
    private final CatalogSettings settings;

    ExperienceRouter(CatalogPort catalog, OrganizationPort organization, CatalogSettings settings) {
        this.catalog = catalog;
        this.organization = organization;
        this.settings = settings;
    }

    /**
     * @param accountIds comma-, semicolon- or blank-separated account ids (may be null)
     * @param ouId       an OU whose accounts, at any depth, are targets (may be null)
     * @param tag        {@code key=value}: the active accounts with that tag are targets (may be null)
     * @return the experience ids, each once, in the order mpgov governs them
     */
    public List<String> governing(String accountIds, String ouId, String tag) {
        return route(accountIds, ouId, tag).experiences();
    }

    /** Whether mpgov governs this experience (configured as the primary one or among the others). */
    boolean governs(String experienceId) {
        return settings.governedExperienceIds().contains(experienceId);
    }

    /** The experiences that govern these accounts. */
    public List<String> governing(Collection<String> accounts) {
        return route(accounts).experiences();
    }

    /**
     * @param experiences the governed experiences to change, in the order mpgov governs them
     * @param outside     target accounts AWS puts under an experience mpgov does not govern (account → experience):
     *                    the product cannot be allowed for them by mpgov, their experience's administrator must
     */
    public record Routing(List<String> experiences, Map<String, String> outside) {}

    /** Where a request's targets are governed; with one governed experience, there. */
    public Routing route(String accountIds, String ouId, String tag) {
        if (settings.governedExperienceIds().size() <= 1) {
            return new Routing(List.of(settings.primaryExperienceId()), Map.of());
        }
        return route(targets(accountIds, ouId, tag));
    }

    private Routing route(Collection<String> accounts) {
        // Every enabled experience competes, governed or not: AWS applies the closest, whoever runs it.
        List<PmpExperience> enabled =
                catalog.experiences().stream().filter(PmpExperience::enabled).toList();
        Map<String, Set<String>> ouAccounts = new HashMap<>();
        Set<String> chosen = new LinkedHashSet<>();
        Map<String, String> outside = new java.util.TreeMap<>();
        boolean unreached = accounts.isEmpty();
        for (String account : accounts) {
            String nearest = null;
            long nearness = -1;
            for (PmpExperience experience : enabled) {
                for (String principal : experience.audience()) {
                    long n = nearness(principal, account, ouAccounts);
                    if (n > nearness) {
                        nearness = n;
                        nearest = experience.id();
                    }
                }
            }
            if (nearest == null) {
                unreached = true;
            } else if (governs(nearest)) {
                chosen.add(nearest);
            } else {
                outside.put(account, nearest);
            }
        }
        if (unreached) {
            log.info(
                    "Some target accounts are in no experience's audience: {} takes the change",
                    settings.primaryExperienceId());
            chosen.add(settings.primaryExperienceId());
        }
        if (!outside.isEmpty()) {
            log.warn("Target accounts under experiences mpgov does not govern: {}", outside);
        }
        return new Routing(
                settings.governedExperienceIds().stream()
                        .filter(chosen::contains)
                        .toList(),
                outside);
    }

    /**
     * How near the principal is to the account: higher is nearer, -1 when it does not reach it. A principal
     * may come as an id or as its ARN (account {@code arn:aws:iam::<id>:root}, OU, root or organization).
     */
    private long nearness(String principal, String account, Map<String, Set<String>> ouAccounts) {
        principal = principal.startsWith("arn:aws:iam::")
                ? principal.substring("arn:aws:iam::".length()).replace(":root", "")
                : principal.startsWith("arn:") ? principal.substring(principal.lastIndexOf('/') + 1) : principal;
        if (principal.equals(account)) {
            return Long.MAX_VALUE;
        }
        if (principal.startsWith("ou-")) {
            Set<String> under =
                    ouAccounts.computeIfAbsent(principal, ou -> new TreeSet<>(organization.accountsUnder(ou)));
            return under.contains(account) ? Long.MAX_VALUE / 2 - under.size() : -1;
        }
        if (principal.startsWith("r-") || principal.startsWith("o-")) {
            return 0;
        }
        if (!principal.matches("\\d{12}")) {
            log.warn("An audience names {}, which is no account, OU, root or organization: ignored", principal);
        }
        return -1;
    }

    private Set<String> targets(String accountIds, String ouId, String tag) {
        Set<String> targets = new TreeSet<>();
        if (accountIds != null && !accountIds.isBlank()) {
            Arrays.stream(accountIds.split("[,;\\s]+"))
                    .filter(s -> !s.isBlank())
                    .forEach(targets::add);
        }
        if (ouId != null && !ouId.isBlank()) {
            targets.addAll(organization.accountsUnder(ouId));
        }
        if (tag != null && tag.contains("=")) {
            String key = tag.substring(0, tag.indexOf('='));
            String value = tag.substring(tag.indexOf('=') + 1);
            organization.accounts().stream()
                    .filter(MemberAccount::active)
                    .filter(a -> value.equals(organization.tagsOf(a.id()).get(key)))
                    .forEach(a -> targets.add(a.id()));
        }
        return targets;
    }
}
