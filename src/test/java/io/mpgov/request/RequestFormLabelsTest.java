package io.mpgov.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RequestFormLabelsTest {

    final RequestFormLabels labels = new RequestFormLabels();

    @Test
    void everyFieldTheValidatorReportsHasItsLabelInTheRequestForm() {
        assertThat(RequestValidator.FIELDS)
                .allSatisfy(field -> assertThat(labels.label(field)).as(field).isNotEqualTo(field));
        assertThat(labels.label("targetAccountIds")).isEqualTo("Target account ids");
    }

    @Test
    void errorsAreToldInTheFormsWordsOnePerLine() {
        assertThat(labels.describe(List.of(
                        new FieldError("businessJustification", "must not contain markup"),
                        new FieldError("notAField", "is odd"))))
                .isEqualTo("Business justification: must not contain markup\nnotAField: is odd");
    }
}
