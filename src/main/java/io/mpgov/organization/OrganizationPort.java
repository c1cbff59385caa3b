package io.mpgov.organization;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The AWS Organization: who its member accounts are and how they are grouped. */
public interface OrganizationPort {

    /** Every account of the organization, whatever its state. */
    List<MemberAccount> accounts();

    /** Those of the named accounts that belong to the organization, whatever their state. */
    List<MemberAccount> accounts(Collection<String> accountIds);

    /** Ids of every organizational unit, at any depth. */
    List<String> organizationalUnitIds();

    /** Ids of the accounts in the OU and in every OU below it. */
    default List<String> accountsUnder(String ouId) {
        return membersUnder(ouId).stream().map(MemberAccount::id).toList();
    }

    /** The accounts in the OU and in every OU below it, whatever their state. */
    List<MemberAccount> membersUnder(String ouId);

    /**
     * The OU's ARN ({@code arn:aws:organizations::<management account>:ou/<organization id>/<ou id>}), as License
     * Manager takes it as a grant principal.
     */
    String organizationalUnitArn(String ouId);

    /** The account's tags. */
    Map<String, String> tagsOf(String accountId);
}
