package io.mpgov.catalog;

import io.mpgov.organization.OrganizationPort;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.test.mock.Mocks;

/** The catalog delegates for process tests of other features, wired to a test double of the port. */
public final class CatalogTestDelegates {

    private CatalogTestDelegates() {}

    public static CatalogSettings settings(int maxLockAttempts) {
        return new CatalogSettings(
                "exp-test", List.of(), Duration.ofSeconds(10), Duration.ofSeconds(30), maxLockAttempts);
    }

    /**
     * Registers startChangeSet and describeChangeSet on one {@link PmpWriter} over the port and the
     * real queue on a database of its own (each statement commits: process tests run one job at a time).
     */
    public static void register(CatalogPort port, CatalogSettings settings) {
        register(port, settings, null);
    }

    /** As {@link #register(CatalogPort, CatalogSettings)}, with the organization that routes requests between experiences. */
    public static void register(CatalogPort port, CatalogSettings settings, OrganizationPort organization) {
        PmpWriter writer = new PmpWriter(port, new H2PmpChangeQueue().queue, settings);
        Mocks.register("startChangeSet", new StartChangeSetDelegate(writer, settings));
        Mocks.register("describeChangeSet", new DescribeChangeSetDelegate(writer));
        Mocks.register(
                "findGoverningExperiences",
                new FindGoverningExperiencesDelegate(new ExperienceRouter(port, organization, settings)));
    }

    public static ExecutionListener recordPmpAddition(PmpInventory inventory) {
        return new RecordPmpAdditionListener(inventory);
    }
}
