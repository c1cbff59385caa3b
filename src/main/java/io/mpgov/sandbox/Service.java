package io.mpgov.sandbox;

/** The emulated services, with the wire protocol facts that shape their errors and timestamps. */
enum Service {
    MARKETPLACE_CATALOG(Protocol.REST_JSON, "Message", "ThrottlingException", 429),
    LICENSE_MANAGER(Protocol.AWS_JSON_1_1, "Message", "RateLimitExceededException", 400),
    ORGANIZATIONS(Protocol.AWS_JSON_1_1, "Message", "TooManyRequestsException", 400),
    MARKETPLACE_AGREEMENT(Protocol.AWS_JSON_1_0, "message", "ThrottlingException", 400),
    SES(Protocol.REST_JSON, "message", "TooManyRequestsException", 429),
    /** Cost Explorer names its throttling error LimitExceededException. */
    COST_EXPLORER(Protocol.AWS_JSON_1_1, "Message", "LimitExceededException", 400);

    enum Protocol {
        REST_JSON,
        AWS_JSON_1_0,
        AWS_JSON_1_1
    }

    final Protocol protocol;
    /** Member name of the error message in this service's model ("Message" or "message"). */
    final String messageMember;

    final String throttlingError;
    final int throttlingStatus;

    Service(Protocol protocol, String messageMember, String throttlingError, int throttlingStatus) {
        this.protocol = protocol;
        this.messageMember = messageMember;
        this.throttlingError = throttlingError;
        this.throttlingStatus = throttlingStatus;
    }

    String contentType() {
        return switch (protocol) {
            case REST_JSON -> "application/json";
            case AWS_JSON_1_0 -> "application/x-amz-json-1.0";
            case AWS_JSON_1_1 -> "application/x-amz-json-1.1";
        };
    }
}
