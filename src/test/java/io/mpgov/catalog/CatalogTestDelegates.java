package io.mpgov.catalog;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.test.mock.Mocks;

import java.time.Duration;

/** The catalog delegates for process tests of other features, wired to a test double of the port. */
public final class CatalogTestDelegates {

    private CatalogTestDelegates() {
    }

    public static CatalogSettings settings(int maxLockAttempts) {
        CatalogSettings settings = new CatalogSettings();
        settings.setExperienceId("exp-test");
        settings.setPollInterval(Duration.ofSeconds(10));
        settings.setLockBackoff(Duration.ofSeconds(30));
        settings.setMaxLockAttempts(maxLockAttempts);
        return settings;
    }

    /**
     * Registers startChangeSet and describeChangeSet on one {@link PmpWriter} over the port and the
     * real queue on a database of its own (each statement commits: process tests run one job at a time).
     */
    public static void register(CatalogPort port, CatalogSettings settings) {
        PmpWriter writer = new PmpWriter(port, new H2PmpChangeQueue().queue, settings);
        Mocks.register("startChangeSet", new StartChangeSetDelegate(writer, settings));
        Mocks.register("describeChangeSet", new DescribeChangeSetDelegate(writer));
    }

    public static ExecutionListener recordPmpAddition(PmpInventory inventory) {
        return new RecordPmpAdditionListener(inventory);
    }
}
