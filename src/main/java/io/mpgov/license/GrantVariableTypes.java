package io.mpgov.license;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Adds the records {@code license-distribution} stores as JSON variables to the engine's deserialization allow-list
 * ({@code deserialization-type-validation-enabled}): by class name, one by one, nothing else of mpgov. The check applies
 * to a variable's type and its type parameters ({@code ArrayList<GrantBatch>}), not to the fields inside, so the
 * records and enums a stored record holds ({@link GrantWork}, {@link GrantOutcome.Kind}) need no entry of their own.
 * Also registered with the process tests' engine ({@code process-test.cfg.xml}).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class GrantVariableTypes extends AbstractProcessEnginePlugin {

    /** The types of the variables: {@link LicenseDistributionProcess#GRANT_BATCHES} and {@link LicenseDistributionProcess#BATCH},
     * {@link LicenseDistributionProcess#NOTICES}, {@link LicenseDistributionProcess#OUTCOMES}. */
    static final List<Class<? extends Record>> STORED =
            List.of(GrantBatch.class, GrantOutcome.class, DistributionReport.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        String allowed = configuration.getDeserializationAllowedClasses();
        configuration.setDeserializationAllowedClasses(Stream.concat(
                        allowed == null || allowed.isBlank() ? Stream.empty() : Stream.of(allowed),
                        STORED.stream().map(Class::getName))
                .collect(Collectors.joining(",")));
    }
}
