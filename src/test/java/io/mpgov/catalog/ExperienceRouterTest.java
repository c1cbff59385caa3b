package io.mpgov.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.mpgov.organization.OrganizationPort;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The enabled experience closest to an account governs it: account, nearest OU, then root or organization. */
class ExperienceRouterTest {

    final CatalogPort catalog = mock(CatalogPort.class);
    final OrganizationPort organization = mock(OrganizationPort.class);
    final List<PmpExperience> experiences = new ArrayList<>();
    /** The experiences governed beside exp-org, the primary one. */
    final List<String> governed = new ArrayList<>();

    ExperienceRouter router = router();

    ExperienceRouter router() {
        return new ExperienceRouter(
                catalog,
                organization,
                CatalogSettings.defaults().withExperienceId("exp-org").withExperienceIds(governed));
    }

    @BeforeEach
    void organization() {
        // r-root ─ ou-tech (t1, t2, and ou-ml below it: m1) ─ ou-retail (r1)
        when(organization.accountsUnder("ou-tech")).thenReturn(List.of("111100000001", "111100000002", "111100000009"));
        when(organization.accountsUnder("ou-ml")).thenReturn(List.of("111100000009"));
        when(organization.accountsUnder("ou-retail")).thenReturn(List.of("222200000001"));
        when(catalog.experiences()).thenAnswer(call -> List.copyOf(experiences));
    }

    void experience(String id, String status, String... audience) {
        experiences.add(new PmpExperience(id, id, status, List.of(audience)));
        if (!id.equals("exp-org")) {
            governed.add(id);
            router = router();
        }
    }

    @Test
    void withOneExperienceEverythingGoesThereAndNothingIsRead() {
        assertThat(router.governing("111100000001", "ou-retail", "team=x")).containsExactly("exp-org");
        verifyNoInteractions(catalog, organization);
    }

    @Test
    void theNearestOuBeatsTheRootAndTheAccountItselfBeatsEveryOu() {
        experience("exp-org", "Enabled", "r-root");
        experience("exp-tech", "Enabled", "ou-tech");
        experience("exp-ml", "Enabled", "ou-ml");
        experience("exp-one", "Enabled", "111100000002");

        assertThat(router.governing(List.of("111100000001"))).containsExactly("exp-tech");
        assertThat(router.governing(List.of("111100000009")))
                .as("ou-ml is below ou-tech")
                .containsExactly("exp-ml");
        assertThat(router.governing(List.of("111100000002"))).containsExactly("exp-one");
        assertThat(router.governing(List.of("222200000001"))).containsExactly("exp-org");
        assertThat(router.governing(List.of("222200000001", "111100000009", "111100000001")))
                .as("each once, in the order mpgov governs them")
                .containsExactly("exp-org", "exp-tech", "exp-ml");
    }

    @Test
    void aDisabledExperienceGovernsNobodyTheNextNearestDoes() {
        experience("exp-org", "Enabled", "o-organization");
        experience("exp-tech", "Disabled", "ou-tech");

        assertThat(router.governing(List.of("111100000001"))).containsExactly("exp-org");
    }

    @Test
    void accountsNoGovernedExperienceReachesGoToThePrimary() {
        experience("exp-org", "Enabled");
        experience("exp-retail", "Enabled", "ou-retail");

        assertThat(router.governing(List.of("111100000001", "222200000001"))).containsExactly("exp-org", "exp-retail");
        assertThat(router.governing(List.of())).containsExactly("exp-org");
    }

    @Test
    void anAccountUnderAnExperienceMpgovDoesNotGovernIsReportedNotGivenToAnother() {
        experience("exp-org", "Enabled", "r-root");
        experience("exp-retail", "Enabled", "ou-retail");
        // Someone else's experience, closer to ou-ml's account than the organization's: AWS applies it there.
        experiences.add(new PmpExperience("exp-theirs", "theirs", "Enabled", List.of("ou-ml")));

        ExperienceRouter.Routing routing = router.route("111100000009,222200000001", null, null);

        assertThat(routing.experiences()).containsExactly("exp-retail");
        assertThat(routing.outside()).containsExactly(java.util.Map.entry("111100000009", "exp-theirs"));
        assertThat(router.governing(List.of("111100000001")))
                .as("its neighbour is still the organization's")
                .containsExactly("exp-org");
    }

    @Test
    void audiencesMayNamePrincipalsByTheirArns() {
        experience("exp-org", "Enabled", "arn:aws:organizations::111111111111:root/o-abc123/r-root");
        experience("exp-tech", "Enabled", "arn:aws:organizations::111111111111:ou/o-abc123/ou-tech");
        experience("exp-one", "Enabled", "arn:aws:iam::111100000002:root");

        assertThat(router.governing(List.of("111100000001"))).containsExactly("exp-tech");
        assertThat(router.governing(List.of("111100000002"))).containsExactly("exp-one");
        assertThat(router.governing(List.of("222200000001"))).containsExactly("exp-org");
    }

    @Test
    void anOuTargetIsEveryAccountUnderIt() {
        experience("exp-org", "Enabled", "r-root");
        experience("exp-ml", "Enabled", "ou-ml");

        assertThat(router.governing(null, "ou-tech", null)).containsExactly("exp-org", "exp-ml");
        verify(organization, org.mockito.Mockito.atLeastOnce()).accountsUnder(anyString());
    }
}
