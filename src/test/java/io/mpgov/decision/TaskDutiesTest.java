package io.mpgov.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TaskDutiesTest {

    static final List<String> REQUESTERS = List.of("requester");

    @Test
    void aTaskTheModelAssignedToOnePersonIsTheirsAloneWhateverGroupsItNames() {
        TaskDuties.Duty renewal = new TaskDuties.Duty("t1", "Task_CompletePmpRequest", REQUESTERS, "requester", null);

        assertThat(renewal.mayDecide("requester", REQUESTERS)).isTrue();
        assertThat(renewal.mayDecide("requester2", REQUESTERS)).isFalse();
        assertThat(renewal.deciders()).isEqualTo("requester");
    }

    @Test
    void aClaimedTaskIsCompletedByWhoClaimedItOnly() {
        TaskDuties.Duty pmpRequest = new TaskDuties.Duty("t2", "Task_CompletePmpRequest", REQUESTERS, null, null);

        assertThat(pmpRequest.mayComplete("requester2", REQUESTERS, null)).isTrue();
        assertThat(pmpRequest.mayComplete("requester2", REQUESTERS, "requester"))
                .isFalse();
        assertThat(pmpRequest.mayComplete("requester", REQUESTERS, "requester")).isTrue();
        assertThat(pmpRequest.mayComplete("finance", List.of("finance"), "finance"))
                .as("claimed, yet not one of the task's deciders")
                .isFalse();
    }
}
