package io.mpgov.organization;

import io.mpgov.aws.AwsClients;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AccountNotFoundException;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnit;
import software.amazon.awssdk.services.organizations.model.Root;

/** {@link OrganizationPort} on AWS Organizations (a global service: signed for aws-global). */
@Component
class AwsOrganizationAdapter implements OrganizationPort {

    /** Organizations' largest page: fewer round trips for big organizations. */
    private static final int MAX_PAGE = 20;

    private final OrganizationsClient client;

    AwsOrganizationAdapter(AwsClients clients) {
        this.client = clients.build(OrganizationsClient.builder(), Region.AWS_GLOBAL, UnaryOperator.identity());
    }

    @Override
    public List<MemberAccount> accounts() {
        return client.listAccountsPaginator(r -> r.maxResults(MAX_PAGE)).stream()
                .flatMap(page -> page.accounts().stream())
                .map(a -> new MemberAccount(a.id(), a.name(), a.stateAsString()))
                .toList();
    }

    /** A few accounts are looked up one by one; Organizations' calls are few per second, and listing a large organization takes many. */
    @Override
    public List<MemberAccount> accounts(Collection<String> accountIds) {
        if (accountIds.size() > MAX_PAGE) {
            return accounts().stream().filter(a -> accountIds.contains(a.id())).toList();
        }
        List<MemberAccount> found = new ArrayList<>();
        for (String id : accountIds) {
            try {
                Account a = client.describeAccount(r -> r.accountId(id)).account();
                found.add(new MemberAccount(a.id(), a.name(), a.stateAsString()));
            } catch (AccountNotFoundException notAMember) {
                // not in the organization: simply not found
            }
        }
        return found;
    }

    @Override
    public List<MemberAccount> membersUnder(String ouId) {
        List<MemberAccount> accounts = new ArrayList<>();
        Deque<String> parents = new ArrayDeque<>(List.of(ouId));
        while (!parents.isEmpty()) {
            String parent = parents.pop();
            client.listAccountsForParentPaginator(r -> r.parentId(parent).maxResults(MAX_PAGE)).stream()
                    .flatMap(page -> page.accounts().stream())
                    .forEach(a -> accounts.add(new MemberAccount(a.id(), a.name(), a.stateAsString())));
            client.listOrganizationalUnitsForParentPaginator(r -> r.parentId(parent)).stream()
                    .flatMap(page -> page.organizationalUnits().stream())
                    .forEach(ou -> parents.push(ou.id()));
        }
        return accounts;
    }

    /** From the root's ARN ({@code arn:aws:organizations::<management>:root/<org>/<root>}): one ListRoots, no further permission. */
    @Override
    public String organizationalUnitArn(String ouId) {
        String rootArn = client.listRootsPaginator(r -> {}).stream()
                .flatMap(page -> page.roots().stream())
                .findFirst()
                .map(Root::arn)
                .orElseThrow(() -> new IllegalStateException("The organization has no root"));
        String[] parts = rootArn.split(":", 6);
        String organizationId = parts[5].split("/")[1];
        return "arn:aws:organizations::" + parts[4] + ":ou/" + organizationId + "/" + ouId;
    }

    @Override
    public Map<String, String> tagsOf(String accountId) {
        Map<String, String> tags = new LinkedHashMap<>();
        client.listTagsForResourcePaginator(r -> r.resourceId(accountId)).stream()
                .flatMap(page -> page.tags().stream())
                .forEach(t -> tags.put(t.key(), t.value()));
        return tags;
    }

    @Override
    public List<String> organizationalUnitIds() {
        List<String> ids = new ArrayList<>();
        Deque<String> parents = new ArrayDeque<>(client.listRootsPaginator(r -> {}).stream()
                .flatMap(page -> page.roots().stream())
                .map(Root::id)
                .toList());
        while (!parents.isEmpty()) {
            String parent = parents.pop();
            client.listOrganizationalUnitsForParentPaginator(r -> r.parentId(parent)).stream()
                    .flatMap(page -> page.organizationalUnits().stream())
                    .map(OrganizationalUnit::id)
                    .forEach(id -> {
                        ids.add(id);
                        parents.push(id);
                    });
        }
        return ids;
    }
}
