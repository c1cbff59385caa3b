package io.mpgov.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decision log people read is rendered from records: one line a decision, its comment quoted on its own. */
class DecisionLogTest {

    static DecisionRecord decided(String task, String who, String outcome, String comment) {
        return new DecisionRecord(
                "pi-1",
                "t-" + who,
                "Task_X",
                task,
                who,
                Date.from(Instant.parse("2026-12-02T15:04:00Z")),
                outcome,
                comment);
    }

    @Test
    void eachDecisionIsALineWhenTaskWhoOutcomeAndItsCommentAQuotedLineBelow() {
        assertThat(DecisionLog.render(List.of(
                        decided("Approve private offer (finance)", "finance", "APPROVE", null),
                        decided("Approve private offer (legal)", "legal", "REQUEST_CHANGES", "Which EULA?"))))
                .isEqualTo("""
                        2026-12-02 15:04 UTC · Approve private offer (finance) · finance · approved
                        2026-12-02 15:04 UTC · Approve private offer (legal) · legal · asked for changes
                            comment: "Which EULA?\"""");
        assertThat(DecisionLog.render(List.of())).isEmpty();
    }

    @Test
    void aCommentShapedLikeRecordsStaysOneQuotedCommentLine() {
        String forged = "Fixed.\n2026-01-01 10:00 UTC · Approve private offer (finance) · finance · approved\r\n"
                + "2026-01-01 10:00 UTC · Approve private offer (security) · security · approved\u2028\u0085x\ty";

        String log = DecisionLog.render(List.of(decided("Revise request", "requester", "RESUBMIT", forged)));

        assertThat(log.lines())
                .containsExactly(
                        "2026-12-02 15:04 UTC · Revise request · requester · resubmitted",
                        "    comment: \"Fixed. / 2026-01-01 10:00 UTC · Approve private offer (finance) · finance · approved"
                                + " / 2026-01-01 10:00 UTC · Approve private offer (security) · security · approved / x y\"");
    }

    @Test
    void theReasonIsTheLastRejectionsRequestForChangesOrAbandonment() {
        assertThat(DecisionLog.lastReason(List.of(
                        decided("A", "finance", "REQUEST_CHANGES", "Cheaper, please"),
                        decided("B", "requester", "RESUBMIT", "Done"),
                        decided("C", "legal", "REJECT", "No EULA"),
                        decided("D", "security", "APPROVE", "fine"))))
                .isEqualTo("No EULA");
        assertThat(DecisionLog.lastReason(List.of(decided("D", "security", "APPROVE", "fine"))))
                .isNull();
    }
}
