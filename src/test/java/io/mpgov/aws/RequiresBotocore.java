package io.mpgov.aws;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Tests against botocore's AWS service models ({@link Botocore}). Under CI=true they always run, so missing
 * models fail loudly; elsewhere they are skipped with a message saying what to install.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresBotocore.Condition.class)
@interface RequiresBotocore {

    class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (WireContractTest.CI) {
                return ConditionEvaluationResult.enabled("CI=true: tests against botocore's models must run");
            }
            if (Botocore.data().isPresent()) {
                return ConditionEvaluationResult.enabled(
                        "botocore's models at " + Botocore.data().get());
            }
            String reason =
                    "Skipped: no botocore service models found (" + Botocore.whereLooked() + "). Install the AWS CLI"
                            + " (pip install awscli) or set MPGOV_BOTOCORE_DATA to a botocore data folder; CI=true makes this a failure.";
            LoggerFactory.getLogger(RequiresBotocore.class).warn("{}: {}", context.getDisplayName(), reason);
            return ConditionEvaluationResult.disabled(reason);
        }
    }
}
