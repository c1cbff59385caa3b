package io.mpgov.review;

import static io.mpgov.review.CatalogReviewProcess.RENEWALS;
import static io.mpgov.review.CatalogReviewProcess.RENEWAL_REQUESTS;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_OpenRenewals: a RENEWAL request per removed private-offer product, prefilled, for its requester to complete. */
@Component("openRenewals")
class OpenRenewalsDelegate implements JavaDelegate {

    private final Renewals renewals;

    OpenRenewalsDelegate(Renewals renewals) {
        this.renewals = renewals;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void execute(DelegateExecution execution) {
        List<String> opened = new ArrayList<>();
        for (Map<String, String> renewal : (List<Map<String, String>>) execution.getVariable(RENEWALS)) {
            renewals.open(renewal.get("requestId"), renewal.get("productId"), renewal.get("reason"))
                    .ifPresent(id -> opened.add(renewal.get("productId") + " → " + id));
        }
        execution.setVariable(RENEWAL_REQUESTS, opened);
    }
}
