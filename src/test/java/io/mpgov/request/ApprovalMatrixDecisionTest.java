package io.mpgov.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of processes/approval-matrix.dmn, alone and combined. */
class ApprovalMatrixDecisionTest {

    static DmnEngine engine =
            DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    static DmnDecision decision;

    @BeforeAll
    static void parse() throws Exception {
        try (InputStream dmn = ApprovalMatrixDecisionTest.class
                .getClassLoader()
                .getResourceAsStream("processes/approval-matrix.dmn")) {
            decision = engine.parseDecision("approval-matrix", dmn);
        }
    }

    static Set<String> approvals(
            double cost, int months, String classification, boolean newVendor, boolean customEula) {
        return approvals(cost, months, classification, newVendor, customEula, "");
    }

    static Set<String> approvals(
            double cost, int months, String classification, boolean newVendor, boolean customEula, String objected) {
        List<String> result = engine.evaluateDecisionTable(
                        decision,
                        Variables.createVariables()
                                .putValue("estimatedAnnualCost", cost)
                                .putValue("contractMonths", months)
                                .putValue("dataClassification", classification)
                                .putValue("newVendor", newVendor)
                                .putValue("customEula", customEula)
                                .putValue("objectedApprovals", objected))
                .collectEntries("approval");
        return new TreeSet<>(result);
    }

    @ParameterizedTest(name = "{0} USD, {1} months, {2}, new vendor {3}, custom EULA {4} → {5}")
    @CsvSource(
            delimiter = '|',
            value = {
                "9999.99 | 12 | INTERNAL     | false | false | procurement",
                "10000   | 12 | INTERNAL     | false | false | finance procurement",
                "0       | 13 | PUBLIC       | false | false | finance procurement",
                "500     | 12 | CONFIDENTIAL | false | false | procurement security",
                "500     | 12 | RESTRICTED   | false | false | procurement security",
                "500     | 12 | PUBLIC       | true  | false | legal procurement",
                "500     | 12 | INTERNAL     | false | true  | legal procurement",
                "250000  | 12 | INTERNAL     | false | false | finance legal procurement",
                "50000   | 36 | RESTRICTED   | true  | true  | finance legal procurement security"
            })
    void requiresTheApprovalsOfEveryMatchingRule(
            double cost, int months, String classification, boolean newVendor, boolean customEula, String expected) {
        assertThat(approvals(cost, months, classification, newVendor, customEula))
                .containsExactlyElementsOf(new TreeSet<>(Arrays.asList(expected.split(" "))));
    }

    @ParameterizedTest(name = "{0} USD, {1}, objected before: {2} → {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "500   | INTERNAL     | security        | procurement security",
                "500   | PUBLIC       | finance,legal   | finance legal procurement",
                "500   | CONFIDENTIAL | security        | procurement security",
                "20000 | INTERNAL     | procurement     | finance procurement",
                "500   | INTERNAL     | ''              | procurement"
            })
    void anApprovalThatObjectedBeforeIsRequiredWhateverTheRequestSaysNow(
            double cost, String classification, String objected, String expected) {
        assertThat(approvals(cost, 12, classification, false, false, objected))
                .containsExactlyElementsOf(new TreeSet<>(Arrays.asList(expected.split(" "))));
    }

    @Test
    void theTableHasExactlyTheRulesTestedAbove() {
        assertThat(((DmnDecisionTableImpl) decision.getDecisionLogic()).getRules())
                .hasSize(10);
    }
}
