package io.mpgov.review;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

class VariableSnapshotTest {

    @Test
    void readsValuesAsAFormShowsThem() {
        assertThat(VariableSnapshot.text(60000.0)).isEqualTo(VariableSnapshot.text(60000));
        assertThat(VariableSnapshot.text(null)).isEqualTo(VariableSnapshot.text(""));
        assertThat(VariableSnapshot.text(Date.from(Instant.parse("2027-11-23T13:24:18.512Z")))).isEqualTo("2027-11-23T13:24:18");
        assertThat(VariableSnapshot.text(60001)).isNotEqualTo(VariableSnapshot.text(60000.0));
    }
}
