package io.mpgov.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of processes/offer-routing.dmn, evaluated by the DMN engine the process uses. */
class OfferRoutingDecisionTest {

    static DmnEngine engine =
            DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    static DmnDecision decision;

    @BeforeAll
    static void parse() throws Exception {
        try (InputStream dmn =
                OfferRoutingDecisionTest.class.getClassLoader().getResourceAsStream("processes/offer-routing.dmn")) {
            decision = engine.parseDecision("offer-routing", dmn);
        }
    }

    @ParameterizedTest(name = "{1} request for a {0} offer → {2}")
    @CsvSource({
        "PUBLIC, NEW, PUBLIC_SELF_SERVICE",
        "PRIVATE, NEW, SELLER_PRIVATE_OFFER",
        "PRIVATE, RENEWAL, SELLER_PRIVATE_OFFER",
        "PUBLIC, RENEWAL, SELLER_PRIVATE_OFFER"
    })
    void routesByOfferAndRequestType(String offerType, String requestType, String route) {
        DmnDecisionTableResult result = engine.evaluateDecisionTable(
                decision,
                Variables.createVariables().putValue("offerType", offerType).putValue("requestType", requestType));

        assertThat((String) result.getSingleEntry()).isEqualTo(route);
    }

    @Test
    void unknownOfferTypeMatchesNoRule() {
        assertThat(engine.evaluateDecisionTable(
                        decision,
                        Variables.createVariables()
                                .putValue("offerType", "BARTER")
                                .putValue("requestType", "NEW")))
                .isEmpty();
    }

    @Test
    void eachRuleIsExercisedAboveAndTheTableHasNoOthers() {
        assertThat(decision.getDecisionLogic())
                .isInstanceOf(org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl.class);
        assertThat(((org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl) decision.getDecisionLogic()).getRules())
                .hasSize(3);
    }
}
