package io.mpgov.organization;

import java.util.List;

/** The AWS Organization: who its member accounts are and how they are grouped. */
public interface OrganizationPort {

    /** Every account of the organization, whatever its state. */
    List<MemberAccount> accounts();

    /** Ids of every organizational unit, at any depth. */
    List<String> organizationalUnitIds();
}
