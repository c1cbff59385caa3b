package io.mpgov.review;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** Named {@code reviewSettings} so that the review models' timers can read it. */
@Component("reviewSettings")
@ConfigurationProperties("mpgov.review")
public class ReviewSettings {

    /** When the catalog review runs (a Camunda timer cycle: cron or ISO 8601 repeat); daily at 03:00 by default. */
    private String catalogCycle = "0 0 3 * * ?";

    public String getCatalogCycle() {
        return catalogCycle;
    }

    public void setCatalogCycle(String catalogCycle) {
        this.catalogCycle = catalogCycle;
    }
}
