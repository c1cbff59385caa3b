package io.mpgov.request;

import static io.mpgov.request.ProcurementRequestProcess.KEY;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * {@code mpgov.requests} by state: open, completed, with an incident. Counted when scraped, from the
 * engine, so every node reports the same cluster-wide figures.
 */
@Component
class RequestMetrics implements MeterBinder {

    private final RuntimeService runtime;
    private final HistoryService history;

    RequestMetrics(RuntimeService runtime, HistoryService history) {
        this.runtime = runtime;
        this.history = history;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(
                        "mpgov.requests",
                        () -> runtime.createProcessInstanceQuery()
                                .processDefinitionKey(KEY)
                                .count())
                .tag("state", "open")
                .description("procurement requests")
                .register(registry);
        Gauge.builder(
                        "mpgov.requests",
                        () -> history.createHistoricProcessInstanceQuery()
                                .processDefinitionKey(KEY)
                                .completed()
                                .count())
                .tag("state", "completed")
                .register(registry);
        Gauge.builder(
                        "mpgov.requests",
                        () -> runtime.createIncidentQuery()
                                .processDefinitionKeyIn(KEY)
                                .count())
                .tag("state", "incident")
                .register(registry);
    }
}
