package io.mpgov.catalog;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.mpgov.organization.OrganizationPort;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A PMP product request changes the experience it was made in, when mpgov governs that one, and its targets' experiences. */
class FindGoverningExperiencesDelegateTest {

    final CatalogPort catalog = mock(CatalogPort.class);
    final OrganizationPort organization = mock(OrganizationPort.class);
    final CatalogSettings settings =
            CatalogSettings.defaults().withExperienceId("exp-org").withExperienceIds(List.of("exp-retail"));
    final DelegateExecution execution = mock(DelegateExecution.class);
    FindGoverningExperiencesDelegate delegate;

    @BeforeEach
    void twoExperiences() {
        when(catalog.experiences())
                .thenReturn(List.of(
                        new PmpExperience("exp-org", "org", "Enabled", List.of("r-root")),
                        new PmpExperience("exp-retail", "retail", "Enabled", List.of("ou-retail"))));
        when(organization.accountsUnder("ou-retail")).thenReturn(List.of("222200000001"));
        when(execution.getVariable("targetAccountIds")).thenReturn("222200000001");
        delegate = new FindGoverningExperiencesDelegate(new ExperienceRouter(catalog, organization, settings));
    }

    @Test
    void aGovernedExperienceTheRequestNamesIsChangedAndSoAreThoseOfItsTargets() {
        when(execution.getVariable("pmpExperienceId")).thenReturn("exp-org");
        delegate.execute(execution);
        verify(execution).setVariable("pmpExperienceIds", new java.util.ArrayList<>(List.of("exp-org", "exp-retail")));
    }

    @Test
    void anExperienceMpgovDoesNotGovernIsLeftToItsOwnerAndTheTargetsDecide() {
        when(execution.getVariable("pmpExperienceId")).thenReturn("exp-someone-elses");
        delegate.execute(execution);
        verify(execution).setVariable("pmpExperienceIds", new java.util.ArrayList<>(List.of("exp-retail")));
    }

    @Test
    void withoutOneTheTargetsDecide() {
        delegate.execute(execution);
        verify(execution).setVariable("pmpExperienceIds", new java.util.ArrayList<>(List.of("exp-retail")));
    }
}
