package io.mpgov.request;

/** One thing wrong with a submitted request, named by the form field it concerns. */
public record FieldError(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
