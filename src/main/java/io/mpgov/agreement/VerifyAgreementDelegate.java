package io.mpgov.agreement;

import static io.mpgov.agreement.AgreementVariables.*;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Task_VerifyAgreement: the agreement the procurement manager entered (the attempt mpgov recorded on completion)
 * must exist, be active, and be for this request's offer and product; the attempt keeps the outcome. The end date
 * is kept: it is when the product must leave the PMP.
 */
@Component("verifyAgreement")
class VerifyAgreementDelegate implements JavaDelegate {

    private final AgreementPort agreements;

    VerifyAgreementDelegate(AgreementPort agreements) {
        this.agreements = agreements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AgreementAttempts.Attempt attempt = AgreementAttempts.unchecked(execution.getProcessInstanceId())
                .orElseThrow(() -> new IllegalStateException("No agreement id entered for request "
                        + execution.getProcessBusinessKey() + " waits for its check"));
        String id = attempt.agreementId();
        String offerId = (String) execution.getVariable(OFFER_ID);
        String productId = (String) execution.getVariable(PRODUCT_ID);
        Optional<Agreement> found = agreements.find(id);
        List<String> problems = new ArrayList<>();
        if (found.isEmpty()) {
            problems.add("AWS Marketplace knows no agreement " + id + " for this account");
        } else {
            Agreement a = found.get();
            if (!"ACTIVE".equals(a.status())) {
                problems.add("agreement " + id + " is " + a.status() + ", not ACTIVE");
            }
            if (!Objects.equals(a.offerId(), offerId)) {
                problems.add("agreement " + id + " is for offer " + a.offerId() + ", not " + offerId);
            }
            if (!a.productIds().contains(productId)) {
                problems.add("agreement " + id + " covers " + String.join(", ", a.productIds()) + ", not " + productId);
            }
            execution.setVariable(END_DATE, a.endTime() == null ? null : Date.from(a.endTime()));
            execution.setVariable(AUTO_RENEW, a.autoRenew());
        }
        String problem = problems.isEmpty() ? null : String.join("; ", problems);
        AgreementAttempts.checked(attempt, problem, ClockUtil.getCurrentTime());
        // the request's agreement is the one checked, whatever the variable says meanwhile
        execution.setVariable(AGREEMENT_ID, id);
        execution.setVariable(VERIFIED, problem == null);
        execution.setVariable(PROBLEM, problem);
    }
}
