package io.mpgov.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The sandbox's rate limits are never more forgiving than AWS's token bucket of one second's burst. */
class RateLimitsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final RateLimits limits = new RateLimits(now::get);

    @Test
    void noStretchOfTimeAdmitsMoreCallsThanATokenBucketOfOneSecondsBurst() {
        Random random = new Random(42);
        for (double perSecond : new double[] {2, 2.5, 3, 5, 10, 14, 20, 100}) {
            List<Long> admitted = new ArrayList<>();
            String operation = "Op" + perSecond;
            for (int i = 0; i < 5_000; i++) {
                // bursts and pauses: from many calls in the same instant to gaps of several windows
                now.addAndGet(random.nextInt(4) == 0 ? 0 : (long) (random.nextDouble() * 3e9 / perSecond));
                if (limits.tryAcquire(operation, perSecond)) {
                    admitted.add(now.get());
                }
            }
            double burst = Math.max(1, perSecond);
            for (int i = 0; i < admitted.size(); i++) {
                for (int j = i; j < admitted.size() && admitted.get(j) - admitted.get(i) <= 3e9; j++) {
                    double seconds = (admitted.get(j) - admitted.get(i)) / 1e9;
                    assertThat(j - i + 1)
                            .as("calls admitted within %.3f s at %s/s", seconds, perSecond)
                            .isLessThanOrEqualTo((int) Math.floor(burst + perSecond * seconds + 1e-9));
                }
            }
            // and the sustained rate is the published one
            long span = admitted.get(admitted.size() - 1) - admitted.get(0);
            assertThat(admitted.size() / (span / 1e9))
                    .as("sustained rate at %s/s", perSecond)
                    .isLessThanOrEqualTo(perSecond * 1.01)
                    .isGreaterThan(perSecond * 0.3);
        }
    }

    @Test
    void callsAtThePublishedRateAreAllAnswered() {
        int admitted = 0;
        for (int i = 0; i < 200; i++) {
            now.addAndGet(50_000_000L);
            admitted += limits.tryAcquire("CreateGrant", 20) ? 1 : 0;
        }
        assertThat(admitted).isEqualTo(200);
    }

    @Test
    void aRefusedCallUsesUpNothingAndTheNextWindowAnswersAgain() {
        int first = 0;
        for (int i = 0; i < 30; i++) {
            first += limits.tryAcquire("CreateGrant", 20) ? 1 : 0;
        }
        assertThat(first).isEqualTo(10);
        now.addAndGet(500_000_000L);
        assertThat(limits.tryAcquire("CreateGrant", 20)).isTrue();
    }

    @Test
    void aChangedLimitAppliesAtOnceWithoutAFreshBurst() {
        while (limits.tryAcquire("DescribeEntity", 20)) {
            // use up the window
        }
        assertThat(limits.tryAcquire("DescribeEntity", 2))
                .as("no calls left: none at the new limit either")
                .isFalse();
        now.addAndGet(500_000_000L);
        assertThat(limits.tryAcquire("DescribeEntity", 2)).isTrue();
        assertThat(limits.tryAcquire("DescribeEntity", 2)).isFalse();
    }

    @Test
    void aLimitBelowOneCallASecondAnswersOneCallAndRefusesTheNext() {
        assertThat(limits.tryAcquire("GetLicenseUsage", 0.01)).isTrue();
        now.addAndGet(10_000_000_000L);
        assertThat(limits.tryAcquire("GetLicenseUsage", 0.01)).isFalse();
        assertThat(limits.tryAcquire("GetLicenseUsage", 0)).as("no rate at all").isFalse();
    }

    @Test
    void aResetStartsEveryLimitAfresh() {
        while (limits.tryAcquire("StartChangeSet", 5)) {
            // use up the window
        }
        limits.reset();
        assertThat(limits.tryAcquire("StartChangeSet", 5)).isTrue();
    }
}
