package io.mpgov.catalog;

import java.util.List;

/**
 * A Private Marketplace experience mpgov governs: its Experience entity's name and status, and its
 * Audience entity's principals (12-digit account ids, {@code ou-…}, the root {@code r-…} or the
 * organization {@code o-…}). AWS applies to an account the enabled experience closest to it.
 */
public record PmpExperience(String id, String name, String status, List<String> audience) {

    public PmpExperience {
        audience = List.copyOf(audience);
    }

    public boolean enabled() {
        return "Enabled".equals(status);
    }
}
