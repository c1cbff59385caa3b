package io.mpgov.aws;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Every AWS call of every client, as metrics: {@code mpgov.aws.calls} (timer by service, operation and
 * outcome — {@code success} or the AWS error code), {@code mpgov.aws.attempts} (HTTP attempts, so
 * retries = attempts − calls) and {@code mpgov.aws.throttles} (attempts AWS refused for rate).
 * Also puts the AWS error code in front of every failure's message.
 */
final class AwsCallMetrics implements ExecutionInterceptor {

    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("mpgov.started");
    private static final List<String> THROTTLING = List.of(
            "Throttling",
            "ThrottlingException",
            "RateLimitExceededException",
            "TooManyRequestsException",
            "ThrottledException",
            "RequestLimitExceeded",
            // Cost Explorer's throttling error
            "LimitExceededException");

    private final MeterRegistry registry;

    AwsCallMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(STARTED, System.nanoTime());
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        counter("mpgov.aws.attempts", attributes).increment();
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        int status = context.httpResponse().statusCode();
        String errorType =
                context.httpResponse().firstMatchingHeader("x-amzn-ErrorType").orElse("");
        if (status == 429 || THROTTLING.stream().anyMatch(errorType::startsWith)) {
            counter("mpgov.aws.throttles", attributes).increment();
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        record(attributes, "success");
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        Throwable failure = context.exception();
        record(
                attributes,
                failure instanceof AwsServiceException aws
                                && aws.awsErrorDetails() != null
                                && aws.awsErrorDetails().errorCode() != null
                        ? aws.awsErrorDetails().errorCode()
                        : failure.getClass().getSimpleName());
    }

    /**
     * The AWS error code leads the message, so a job failure — and the incident it becomes — says what
     * AWS refused ("AccessDeniedException: …"), not only its text. The exception keeps its type.
     */
    @Override
    public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
        if (context.exception() instanceof AwsServiceException aws
                && aws.awsErrorDetails() != null
                && aws.awsErrorDetails().errorCode() != null
                && !String.valueOf(aws.awsErrorDetails().errorMessage())
                        .startsWith(aws.awsErrorDetails().errorCode())) {
            return aws.toBuilder()
                    .message(aws.awsErrorDetails().errorCode() + ": "
                            + aws.awsErrorDetails().errorMessage())
                    .build();
        }
        return context.exception();
    }

    private void record(ExecutionAttributes attributes, String outcome) {
        Long started = attributes.getAttribute(STARTED);
        Timer.builder("mpgov.aws.calls")
                .description("AWS API calls, retries included")
                .tag("service", String.valueOf(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME)))
                .tag("operation", String.valueOf(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)))
                .tag("outcome", outcome)
                .register(registry)
                .record(started == null ? 0 : System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    private Counter counter(String name, ExecutionAttributes attributes) {
        return Counter.builder(name)
                .tag("service", String.valueOf(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME)))
                .tag("operation", String.valueOf(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)))
                .register(registry);
    }
}
