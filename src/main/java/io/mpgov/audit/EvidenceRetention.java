package io.mpgov.audit;

import java.util.ArrayList;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRequirementsGraph;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableOutputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.dmn.engine.impl.spi.transform.DmnTransformListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Definitions;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One retention for all evidence ({@code mpgov.audit.retention}, 7 years by default): every process
 * and decision deployed gets it as its history time-to-live, whatever its model says, so the nightly
 * history cleanup removes evidence exactly when the retention ends — and nothing outlives it.
 */
@Component
class EvidenceRetention extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(EvidenceRetention.class);

    private final int days;

    EvidenceRetention(AuditSettings settings) {
        this.days = settings.retentionDays();
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                processDefinition.setHistoryTimeToLive(days);
            }
        });
        configuration.setHistoryTimeToLive("P" + days + "D");
        log.info("Evidence retention: {} days for every process and decision", days);
    }

    /** After init, when the DMN transformer the deployer uses exists. */
    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration
                .getDmnEngineConfiguration()
                .getTransformer()
                .getTransformListeners()
                .add(new DmnTransformListener() {
                    @Override
                    public void transformDecision(Decision decision, DmnDecision dmnDecision) {
                        if (dmnDecision instanceof DecisionDefinitionEntity definition) {
                            definition.setHistoryTimeToLive(days);
                        }
                    }

                    @Override
                    public void transformDecisionTableInput(Input input, DmnDecisionTableInputImpl dmnInput) {}

                    @Override
                    public void transformDecisionTableOutput(Output output, DmnDecisionTableOutputImpl dmnOutput) {}

                    @Override
                    public void transformDecisionTableRule(Rule rule, DmnDecisionTableRuleImpl dmnRule) {}

                    @Override
                    public void transformDecisionRequirementsGraph(
                            Definitions definitions, DmnDecisionRequirementsGraph graph) {}
                });
    }
}
