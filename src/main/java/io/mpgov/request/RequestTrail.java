package io.mpgov.request;

import io.mpgov.agreement.AgreementAttempts;
import io.mpgov.agreement.AgreementVariables;
import io.mpgov.catalog.CatalogChangeProcess;
import io.mpgov.license.GrantOutcome;
import io.mpgov.license.LicenseDistributionProcess;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

/**
 * What a request did outside the engine, read from history (so finished requests show it too): the agreement it was
 * verified against and every agreement id entered before it (mpgov's attempt records), its Private Marketplace change sets and license grants (the processes it called), and the mails
 * its notify steps sent — which and to whom, never their text.
 */
@Component
class RequestTrail {

    /** The notify steps' inputs (notification's NotifyDelegate): the template, and the recipients when not the requester. */
    static final String MAIL_TEMPLATE = "mailTemplate";

    static final String MAIL_RECIPIENTS = "recipients";

    private final HistoryService history;
    private final AgreementAttempts attempts;

    RequestTrail(HistoryService history, AgreementAttempts attempts) {
        this.history = history;
        this.attempts = attempts;
    }

    /** @param details the request's own variables */
    RequestView.AwsChanges awsChanges(HistoricProcessInstance request, Map<String, Object> details) {
        List<RequestView.ChangeSet> changeSets = new ArrayList<>();
        List<RequestView.Grant> grants = new ArrayList<>();
        for (HistoricProcessInstance called : history.createHistoricProcessInstanceQuery()
                .superProcessInstanceId(request.getId())
                .orderByProcessInstanceStartTime()
                .asc()
                .list()) {
            Map<String, Object> v = variables(called.getId());
            if (CatalogChangeProcess.KEY.equals(called.getProcessDefinitionKey())) {
                changeSets.add(new RequestView.ChangeSet(
                        (String) v.get(CatalogChangeProcess.EXPERIENCE_ID),
                        (String) v.get(CatalogChangeProcess.CHANGE_SET_ID),
                        (String) v.get(CatalogChangeProcess.CHANGE_SET_STATUS),
                        v.get(CatalogChangeProcess.CHANGE_SET_ERRORS) == null
                                ? null
                                : String.valueOf(v.get(CatalogChangeProcess.CHANGE_SET_ERRORS)),
                        called.getState(),
                        called.getStartTime(),
                        called.getEndTime()));
            } else if (LicenseDistributionProcess.KEY.equals(called.getProcessDefinitionKey())) {
                var report = LicenseDistributionProcess.report(v.get(LicenseDistributionProcess.OUTCOMES));
                Date at = called.getEndTime();
                Stream.concat(report.writes().stream(), report.notices().stream())
                        .sorted(Comparator.comparing(GrantOutcome::kind))
                        .map(g -> new RequestView.Grant(
                                g.kind().label(), g.accountId(), g.licenseArn(), g.grantArn(), g.reason(), at))
                        .forEach(grants::add);
            }
        }
        Object agreementId = details.get(AgreementVariables.AGREEMENT_ID);
        RequestView.Agreement agreement = agreementId == null
                ? null
                : new RequestView.Agreement(
                        agreementId.toString(),
                        // of the types mpgov writes; anything else (a form that once sent one back as text, before
                        // the engine gate dropped such echoes) is not shown, and never fails the view
                        details.get(AgreementVariables.VERIFIED) instanceof Boolean verified ? verified : null,
                        details.get(AgreementVariables.END_DATE) instanceof Date end ? end : null,
                        details.get(AgreementVariables.AUTO_RENEW) instanceof Boolean renews ? renews : null,
                        (String) details.get(AgreementVariables.PROBLEM));
        return new RequestView.AwsChanges(agreement, changeSets, grants, attempts.of(request.getId()));
    }

    /**
     * The notify steps that completed (a step that failed and was retried counts once, when it got through).
     *
     * @param requester who a step without recipients wrote to
     */
    List<RequestView.MailSent> mails(HistoricProcessInstance request, Object requester) {
        Map<String, Map<String, Object>> inputs = new HashMap<>();
        history.createHistoricVariableInstanceQuery()
                .processInstanceId(request.getId())
                .variableNameIn(MAIL_TEMPLATE, MAIL_RECIPIENTS)
                .list()
                .forEach(v -> inputs.computeIfAbsent(v.getActivityInstanceId(), k -> new HashMap<>())
                        .put(v.getName(), v.getValue()));
        if (inputs.isEmpty()) {
            return List.of();
        }
        return history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(request.getId())
                .finished()
                .orderByHistoricActivityInstanceEndTime()
                .asc()
                .list()
                .stream()
                .filter(step -> !step.isCanceled() && inputs.containsKey(step.getId()))
                .filter(step -> inputs.get(step.getId()).get(MAIL_TEMPLATE) != null)
                .map(step -> mail(step, inputs.get(step.getId()), requester))
                .toList();
    }

    private static RequestView.MailSent mail(
            HistoricActivityInstance step, Map<String, Object> input, Object requester) {
        Object named = input.get(MAIL_RECIPIENTS);
        List<String> recipients = Arrays.stream(
                        Objects.toString(named == null ? requester : named, "").split(","))
                .map(String::trim)
                .filter(r -> !r.isEmpty() && !r.equals("null"))
                .distinct()
                .toList();
        return new RequestView.MailSent(
                input.get(MAIL_TEMPLATE).toString(), step.getActivityName(), recipients, step.getEndTime());
    }

    private Map<String, Object> variables(String processInstanceId) {
        Map<String, Object> values = new HashMap<>();
        history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).list().stream()
                .filter(v -> v.getTaskId() == null && v.getValue() != null)
                .forEach(v -> values.putIfAbsent(v.getName(), v.getValue()));
        return values;
    }
}
