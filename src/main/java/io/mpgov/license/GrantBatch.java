package io.mpgov.license;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The writes one multi-instance element of {@code license-distribution} makes ({@link LicenseDistributionProcess#BATCH}),
 * at most {@code mpgov.license.batch-size} of them, run in parallel by {@link GrantWorkRunner}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GrantBatch(List<GrantWork> items) {

    public GrantBatch {
        items = List.copyOf(items);
    }
}
