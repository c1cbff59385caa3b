package io.mpgov.catalog;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;

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

    public static JavaDelegate startChangeSet(CatalogPort port, CatalogSettings settings) {
        return new StartChangeSetDelegate(port, settings);
    }

    public static JavaDelegate describeChangeSet(CatalogPort port) {
        return new DescribeChangeSetDelegate(port);
    }

    public static ExecutionListener recordPmpAddition(PmpInventory inventory) {
        return new RecordPmpAdditionListener(inventory);
    }
}
