package io.mpgov.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The request form's own words for its fields, read from the form people fill in
 * ({@code forms/request-form.form}): what is wrong with a request is told by the label the requester saw,
 * not by a variable's name.
 */
@Component
class RequestFormLabels {

    private static final String FORM = "forms/request-form.form";

    private final Map<String, String> labels = new HashMap<>();

    RequestFormLabels() {
        try (InputStream form = RequestFormLabels.class.getClassLoader().getResourceAsStream(FORM)) {
            if (form == null) {
                throw new IllegalStateException(FORM + " is not on the classpath");
            }
            collect(new ObjectMapper().readTree(form));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void collect(JsonNode component) {
        if (component.hasNonNull("key") && component.hasNonNull("label")) {
            labels.put(component.get("key").asText(), component.get("label").asText());
        }
        component.path("components").forEach(this::collect);
    }

    /** The field's label, or its key when the form has no such field. */
    String label(String field) {
        return labels.getOrDefault(field, field);
    }

    /** One line per error: "Label: what is wrong". */
    String describe(List<FieldError> errors) {
        return errors.stream().map(e -> label(e.field()) + ": " + e.message()).collect(Collectors.joining("\n"));
    }
}
