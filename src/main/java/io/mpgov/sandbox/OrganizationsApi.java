package io.mpgov.sandbox;

import static io.mpgov.sandbox.Json.epoch;
import static io.mpgov.sandbox.Json.obj;
import static io.mpgov.sandbox.Service.ORGANIZATIONS;

import io.mpgov.sandbox.SandboxState.Account;
import io.mpgov.sandbox.SandboxState.Organization;
import io.mpgov.sandbox.SandboxState.OrganizationalUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Organizations (awsJson1_1), read side: the tree of roots, OUs and accounts, and account tags. */
final class OrganizationsApi {

    private static final String TARGET = "AWSOrganizationsV20161128";
    private static final String TARGET_NOT_FOUND = "TargetNotFoundException";
    private static final int PAGE = 10;
    private static final int MAX_PAGE = 20;
    /** The model's ParentId and TaggableResourceId patterns (roots, OUs, accounts; policies and the rest have no tags here). */
    private static final Pattern PARENT_ID = Pattern.compile("r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}");

    private static final Pattern RESOURCE_ID =
            Pattern.compile("r-[0-9a-z]{4,32}|\\d{12}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}"
                    + "|p-[0-9a-zA-Z_]{8,128}|rp-[0-9a-zA-Z_]{4,128}|rt-[0-9a-zA-Z_]{8,32}");

    private final Sandbox sandbox;

    OrganizationsApi(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    void register(SandboxServer server) {
        server.target(ORGANIZATIONS, TARGET, "DescribeOrganization", this::describeOrganization);
        server.target(ORGANIZATIONS, TARGET, "ListRoots", this::listRoots);
        server.target(ORGANIZATIONS, TARGET, "ListOrganizationalUnitsForParent", this::listOusForParent);
        server.target(ORGANIZATIONS, TARGET, "ListAccounts", this::listAccounts);
        server.target(ORGANIZATIONS, TARGET, "DescribeAccount", this::describeAccount);
        server.target(ORGANIZATIONS, TARGET, "ListAccountsForParent", this::listAccountsForParent);
        server.target(ORGANIZATIONS, TARGET, "ListTagsForResource", this::listTagsForResource);
    }

    private Organization organization() {
        Organization org = sandbox.state().organization;
        if (org == null) {
            throw AwsError.client(
                    "AWSOrganizationsNotInUseException", "Your account is not a member of an organization.");
        }
        return org;
    }

    private Object describeOrganization(SandboxRequest r) {
        Organization org = organization();
        return obj(
                "Organization",
                obj(
                        "Id",
                        org.id(),
                        "Arn",
                        org.arn(),
                        "FeatureSet",
                        "ALL",
                        "MasterAccountArn",
                        accountArn(org, org.managementAccountId()),
                        "MasterAccountId",
                        org.managementAccountId(),
                        "MasterAccountEmail",
                        org.managementAccountEmail(),
                        "AvailablePolicyTypes",
                        List.of(obj("Type", "SERVICE_CONTROL_POLICY", "Status", "ENABLED"))));
    }

    private Object listRoots(SandboxRequest r) {
        Organization org = organization();
        Map<String, Object> root = obj(
                "Id",
                org.rootId(),
                "Arn",
                org.rootArn(),
                "Name",
                "Root",
                "PolicyTypes",
                List.of(obj("Type", "SERVICE_CONTROL_POLICY", "Status", "ENABLED")));
        Pages.Page<Map<String, Object>> page = Pages.of(List.of(root), r, "NextToken", "MaxResults", PAGE, MAX_PAGE);
        return obj("Roots", page.items(), "NextToken", page.nextToken());
    }

    private Object listOusForParent(SandboxRequest r) {
        String parent = existingParent(r.required("ParentId"));
        List<Map<String, Object>> ous = sandbox.state().organizationalUnits.stream()
                .filter(ou -> ou.parentId().equals(parent))
                .map(ou -> obj("Id", ou.id(), "Arn", ou.arn(), "Name", ou.name()))
                .toList();
        Pages.Page<Map<String, Object>> page = Pages.of(ous, r, "NextToken", "MaxResults", PAGE, MAX_PAGE);
        return obj("OrganizationalUnits", page.items(), "NextToken", page.nextToken());
    }

    private Object listAccounts(SandboxRequest r) {
        organization();
        return accounts(sandbox.state().accounts, r);
    }

    private Object listAccountsForParent(SandboxRequest r) {
        String parent = existingParent(r.required("ParentId"));
        return accounts(
                sandbox.state().accounts.stream()
                        .filter(a -> parent.equals(a.parentId))
                        .toList(),
                r);
    }

    private Object describeAccount(SandboxRequest r) {
        organization();
        String id = r.required("AccountId");
        if (!id.matches("\\d{12}")) {
            throw AwsError.client(
                    "InvalidInputException", "You provided a value that does not match the required pattern.");
        }
        return obj(
                "Account",
                sandbox.state().accounts.stream()
                        .filter(a -> a.id.equals(id))
                        .findFirst()
                        .map(OrganizationsApi::account)
                        .orElseThrow(() -> AwsError.client(
                                "AccountNotFoundException",
                                "You specified an account that doesn't exist in this organization.")));
    }

    private Object accounts(List<Account> accounts, SandboxRequest r) {
        Pages.Page<Account> page = Pages.of(accounts, r, "NextToken", "MaxResults", PAGE, MAX_PAGE);
        return obj(
                "Accounts",
                page.items().stream().map(OrganizationsApi::account).toList(),
                "NextToken",
                page.nextToken());
    }

    private static Map<String, Object> account(Account a) {
        return obj(
                "Id",
                a.id,
                "Arn",
                a.arn,
                "Email",
                a.email,
                "Name",
                a.name,
                "State",
                a.state,
                "Status",
                a.state.equals("SUSPENDED") ? "SUSPENDED" : "ACTIVE",
                "JoinedMethod",
                "CREATED",
                "JoinedTimestamp",
                epoch(a.joined));
    }

    private Object listTagsForResource(SandboxRequest r) {
        String id = r.required("ResourceId");
        if (!RESOURCE_ID.matcher(id).matches()) {
            throw invalidInput("ResourceId", id);
        }
        List<Map<String, Object>> tags;
        Account account = sandbox.state().accounts.stream()
                .filter(a -> a.id.equals(id))
                .findFirst()
                .orElse(null);
        if (account != null) {
            tags = account.tags.entrySet().stream()
                    .map(t -> obj("Key", t.getKey(), "Value", t.getValue()))
                    .toList();
        } else if (id.startsWith("r-") || id.startsWith("ou-")) {
            existingParent(id, TARGET_NOT_FOUND);
            tags = List.of(); // roots and OUs are taggable; the sandbox's carry no tags
        } else {
            throw AwsError.client(TARGET_NOT_FOUND, "We can't find a target with the specified ID.");
        }
        Pages.Page<Map<String, Object>> page = Pages.of(tags, r, "NextToken", "MaxResults", 20, 20);
        return obj("Tags", page.items(), "NextToken", page.nextToken());
    }

    private String existingParent(String id) {
        if (!PARENT_ID.matcher(id).matches()) {
            throw invalidInput("ParentId", id);
        }
        return existingParent(id, "ParentNotFoundException");
    }

    private String existingParent(String id, String notFound) {
        Organization org = organization();
        boolean known = id.equals(org.rootId())
                || sandbox.state().organizationalUnits.stream()
                        .map(OrganizationalUnit::id)
                        .anyMatch(id::equals);
        if (!known) {
            throw AwsError.client(
                    notFound,
                    notFound.equals(TARGET_NOT_FOUND)
                            ? "We can't find a target with the specified ID."
                            : "We can't find a root or OU with the ParentId that you specified.");
        }
        return id;
    }

    /** What Organizations answers for a malformed id (the SDK does not check patterns; AWS does). */
    private static AwsError invalidInput(String member, String value) {
        return AwsError.client(
                "InvalidInputException",
                "You provided a value that does not match the required pattern: " + member + " '" + value + "'.");
    }

    private static String accountArn(Organization org, String accountId) {
        return "arn:aws:organizations::" + org.managementAccountId() + ":account/" + org.id() + "/" + accountId;
    }
}
