package io.mpgov.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mpgov.sandbox.Sandbox;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What the sandbox's License Manager holds after a distribution: the grants as AWS would list them. */
public final class GrantLedger {

    private GrantLedger() {}

    /** Waits until no grant is still moving between states (AWS applies grant changes asynchronously). */
    public static void awaitSettled(Sandbox sandbox) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> sandbox.read(s -> s.grants.stream()
                        .noneMatch(g -> g.status.equals("PENDING_WORKFLOW") || g.pendingStatus != null)));
    }

    /** Exactly one live grant per (license, account) for {@code pairs} pairs, every one ACTIVE. */
    public static void assertOneActiveGrantPerPair(Sandbox sandbox, int pairs) {
        Map<String, Long> livePerPair = sandbox.read(s -> s.grants.stream()
                .filter(g -> !List.of("DELETED", "PENDING_DELETE").contains(g.status))
                .collect(Collectors.groupingBy(g -> g.licenseArn + "|" + g.principal, Collectors.counting())));
        assertThat(livePerPair).hasSize(pairs);
        assertThat(livePerPair.values())
                .as("one live grant per (license, account)")
                .containsOnly(1L);
        assertThat(sandbox.<Long>read(s ->
                        s.grants.stream().filter(g -> g.status.equals("ACTIVE")).count()))
                .isEqualTo((long) pairs);
    }
}
