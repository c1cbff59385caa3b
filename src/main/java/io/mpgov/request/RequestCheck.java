package io.mpgov.request;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What every check of a request does, in the submitting transaction ({@link CheckSubmissionListener}) and
 * once the request is under way ({@link ValidateRequestDelegate}): the title and seller the catalog knows go
 * into the request, then every rule of {@link RequestValidator}, told in the form's words.
 */
@Component
class RequestCheck {

    private final RequestValidator validator;
    private final ProductDetails products;
    private final RequestFormLabels labels;

    RequestCheck(RequestValidator validator, ProductDetails products, RequestFormLabels labels) {
        this.validator = validator;
        this.products = products;
        this.labels = labels;
    }

    /** The request as it reads once what the catalog knows is filled in (the execution keeps it). */
    RequestForm completed(DelegateExecution execution) {
        execution.setVariables(products.missingFrom(execution.getVariables()));
        return RequestForm.fromVariables(execution.getVariables());
    }

    /**
     * What is wrong with the request of this execution; empty when nothing is. A request AWS's PMP request opened is
     * for AWS's product, whatever the form sends.
     */
    List<FieldError> errors(RequestForm form, DelegateExecution execution) {
        List<FieldError> errors = new ArrayList<>(validator.validate(form, execution.getProcessInstanceId()));
        Object asked = execution.getVariable(ProcurementRequestProcess.PMP_PRODUCT_ID);
        if (asked != null && !asked.equals(form.productId())) {
            errors.removeIf(error -> error.field().equals(ProcurementRequestProcess.PRODUCT_ID));
            errors.add(
                    0,
                    new FieldError(
                            ProcurementRequestProcess.PRODUCT_ID,
                            "the Private Marketplace request is for " + asked + ": keep that product"));
        }
        return errors;
    }

    /** The errors in the form's words, one per line. */
    String describe(List<FieldError> errors) {
        return labels.describe(errors);
    }
}
