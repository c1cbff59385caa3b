package io.mpgov;

import io.mpgov.sandbox.DemoOrganization;
import io.mpgov.sandbox.Sandbox;
import io.mpgov.sandbox.SandboxState;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** license-distribution through the real SDK adapters against the sandbox, with the job executor running. */
@SpringBootTest
@ActiveProfiles({"demo", "it"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LicenseDistributionIT {

    static final String PRODUCT = "prod-snwflkdata001";

    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    Sandbox sandbox;


    void distribute() {
        String id = runtime.startProcessInstanceByKey("license-distribution",
                Map.of("productId", PRODUCT, "targetOuId", DemoOrganization.OU_TECHNOLOGY)).getId();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            assertThat(runtime.createIncidentQuery().processInstanceId(id).list()).extracting(i -> i.getIncidentMessage()).isEmpty();
            return history.createHistoricProcessInstanceQuery().processInstanceId(id).finished().count() == 1;
        });
    }

    List<String> liveGrantees() {
        String license = sandbox.read(s -> s.licenses.stream().filter(l -> l.productSku().equals(PRODUCT)).findFirst().orElseThrow().arn());
        return sandbox.<List<String>>read(s -> s.grants.stream()
                .filter(g -> g.licenseArn.equals(license) && List.of("ACTIVE", "PENDING_WORKFLOW").contains(g.status))
                .map(g -> g.principal.replaceAll("\\D", "")).sorted().toList());
    }

    long writes() {
        return sandbox.calls("CreateGrant") + sandbox.calls("CreateGrantVersion") + sandbox.calls("DeleteGrant");
    }

    @Test
    void grantsAnOuRevokesASuspendedAccountAndThenHasNothingToDo() throws Exception {
        distribute();
        assertThat(liveGrantees()).containsExactly("410987654321", "410987654322", "410987654323", "410987654324", "410987654325");

        sandbox.setAccountState("410987654325", "SUSPENDED");
        distribute();
        assertThat(liveGrantees()).containsExactly("410987654321", "410987654322", "410987654323", "410987654324");

        long before = writes();
        distribute();
        assertThat(writes()).as("a consistent organization needs no write call").isEqualTo(before);
        assertThat(sandbox.<Long>read(s -> s.grants.stream().filter(g -> g.status.equals("ACTIVE") || g.status.equals("PENDING_WORKFLOW"))
                .map(g -> g.licenseArn + g.principal).distinct().count()))
                .as("never two live grants of one license to one account")
                .isEqualTo(sandbox.<Long>read(s -> s.grants.stream().filter(g -> List.of("ACTIVE", "PENDING_WORKFLOW").contains(g.status)).count()));
    }
}
