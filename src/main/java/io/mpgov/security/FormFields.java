package io.mpgov.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The fields of mpgov's Camunda Forms (forms/*.form, the files that are deployed), by form id: what a
 * person may fill in (editable) and what the form only shows (read-only or disabled). The forms are
 * the contract of what a start or a completion may send.
 */
final class FormFields {

    /** @param editable keys a person fills in; @param shown keys the form displays but does not let change */
    record Form(String id, Set<String> editable, Set<String> shown) {}

    private final Map<String, Form> forms;

    private FormFields(Map<String, Form> forms) {
        this.forms = forms;
    }

    static FormFields fromClasspath() {
        Map<String, Form> forms = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        try {
            for (Resource resource :
                    new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
                try (InputStream in = resource.getInputStream()) {
                    Form form = read(json.readTree(in));
                    forms.put(form.id(), form);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read mpgov's forms", e);
        }
        return new FormFields(forms);
    }

    Optional<Form> form(String id) {
        return Optional.ofNullable(id == null ? null : forms.get(id));
    }

    private static Form read(JsonNode form) {
        Set<String> editable = new LinkedHashSet<>();
        Set<String> shown = new LinkedHashSet<>();
        collect(form.path("components"), editable, shown);
        return new Form(form.path("id").asText(), Set.copyOf(editable), Set.copyOf(shown));
    }

    private static void collect(JsonNode components, Set<String> editable, Set<String> shown) {
        for (JsonNode component : components) {
            String key = component.path("key").asText(null);
            if (key != null) {
                boolean readOnly = isTrue(component.get("readonly")) || isTrue(component.get("disabled"));
                (readOnly ? shown : editable).add(key);
            }
            collect(component.path("components"), editable, shown);
        }
    }

    /** form-js writes read-only as true, or as an expression it evaluates: an expression counts as read-only. */
    private static boolean isTrue(JsonNode flag) {
        return flag != null
                && (flag.asBoolean(false) || flag.isTextual() && flag.asText().startsWith("="));
    }
}
