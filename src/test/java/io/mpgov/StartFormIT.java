package io.mpgov;

import static org.assertj.core.api.Assertions.assertThat;

import io.mpgov.request.ProcurementRequestProcess;
import io.mpgov.support.RequiresChromium;
import io.mpgov.support.Tasklist;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * A new requester in Tasklist, in headless Chromium: a request with mistakes is refused in the form's words
 * before anything starts, what was typed stays, and once fixed it starts and says where to follow it.
 * Screenshots in target/browser/start-form/.
 */
@RequiresChromium
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "mpgov.test.context=browser-start-form")
@ActiveProfiles({"demo", "it"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class StartFormIT {

    static final String PRODUCT = "prod-grafnaentp001";

    @LocalServerPort
    int port;

    @Autowired
    HistoryService history;

    @Test
    void aMistakeIsShownBeforeAnythingStartsAndTheFixedRequestStartsWithTheTitleFromTheCatalog() {
        try (Tasklist tasklist = new Tasklist(port, "start-form")) {
            tasklist.onFailureScreenshot(() -> {
                tasklist.loginAs("requester").startProcess("Procurement request");
                tasklist.text("Field_ProductId", PRODUCT)
                        .radio("Field_OfferType", 0)
                        .text("Field_EstimatedAnnualCost", "9000")
                        .select("Field_DataClassification", "Internal")
                        .text("Field_BusinessJustification", "Dashboards for <b>every</b> platform team")
                        .text("Field_TargetAccountIds", "310987654321, 999999999999")
                        .screenshot("start-form-with-mistakes");

                String refusal = tasklist.submitStartFormRefused("Please correct the request");
                tasklist.screenshot("start-form-refused");
                assertThat(refusal)
                        .contains("Business justification: must not contain markup")
                        .contains("Target account ids: not active accounts of the organization: 999999999999")
                        .doesNotContain(
                                "businessJustification",
                                "targetAccountIds",
                                "Cannot instantiate",
                                "procurement-request:");
                assertThat(history.createHistoricProcessInstanceQuery()
                                .processDefinitionKey(ProcurementRequestProcess.KEY)
                                .count())
                        .as("nothing started")
                        .isZero();
                assertThat(tasklist.valueOf("Field_ProductId"))
                        .as("what was typed stays")
                        .isEqualTo(PRODUCT);
                assertThat(tasklist.valueOf("Field_TargetAccountIds")).isEqualTo("310987654321, 999999999999");

                tasklist.text("Field_BusinessJustification", "Dashboards for every platform team on one screen")
                        .text("Field_TargetAccountIds", "310987654321")
                        .submitStartForm();
                String link = tasklist.requestStartedLink();
                tasklist.screenshot("request-submitted");
                assertThat(link).as("where to follow it").matches(".*/requests/PR-[A-Z0-9]+");
            });
        }
        HistoricProcessInstance started = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(ProcurementRequestProcess.KEY)
                .singleResult();
        assertThat(started.getStartUserId()).isEqualTo("requester");
        assertThat(history.createHistoricVariableInstanceQuery()
                        .processInstanceId(started.getId())
                        .variableName(ProcurementRequestProcess.PRODUCT_TITLE)
                        .singleResult()
                        .getValue())
                .as("the title the requester left out, from the catalog")
                .isEqualTo("Grafana Enterprise");
    }
}
