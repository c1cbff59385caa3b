package io.mpgov.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** Refusals and misses of mpgov's /api answer problem+json that names the reason. */
@RestControllerAdvice(basePackages = "io.mpgov")
class ApiProblems {

    private static final Logger LOG = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(ResponseStatusException.class)
    ProblemDetail refused(ResponseStatusException e) {
        return ProblemDetail.forStatusAndDetail(e.getStatusCode(), e.getReason());
    }

    /**
     * AWS answered a synchronous call (validating accounts against Organizations, say) with an error the
     * SDK's retries did not get past. Nothing was started: throttling and AWS's own failures are worth
     * trying again (503 with Retry-After), anything else is a gateway error naming AWS's code.
     */
    @ExceptionHandler(SdkException.class)
    ResponseEntity<ProblemDetail> awsFailed(SdkException e) {
        boolean transientFailure = e.retryable()
                || e instanceof AwsServiceException s && (s.isThrottlingException() || s.statusCode() >= 500);
        String code = e instanceof AwsServiceException s && s.awsErrorDetails() != null
                ? s.awsErrorDetails().errorCode()
                : "no answer";
        LOG.warn("AWS call failed while serving a request ({}): {}", code, e.getMessage());
        HttpStatus status = transientFailure ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.BAD_GATEWAY;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                status,
                transientFailure
                        ? "AWS is busy or failing (" + code
                                + "); nothing was started or changed. Try again in a few seconds."
                        : "AWS refused a call mpgov needs (" + code
                                + "); nothing was started or changed. An administrator should check mpgov's AWS permissions.");
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
        if (transientFailure) {
            response.header(HttpHeaders.RETRY_AFTER, "5");
        }
        return response.body(problem);
    }
}
