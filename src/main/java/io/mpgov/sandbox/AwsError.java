package io.mpgov.sandbox;

/**
 * An AWS error as the service would send it: the exception shape name ({@code x-amzn-ErrorType},
 * {@code __type}), the HTTP status and a message.
 */
final class AwsError extends RuntimeException {

    final String type;
    final int status;

    AwsError(String type, int status, String message) {
        super(message);
        this.type = type;
        this.status = status;
    }

    /** The status for awsJson services is 400 for client errors whatever the exception. */
    static AwsError client(String type, String message) {
        return new AwsError(type, 400, message);
    }

    static AwsError validation(Service service, String message) {
        return switch (service) {
            case MARKETPLACE_CATALOG -> new AwsError("ValidationException", 422, message);
            case ORGANIZATIONS -> client("InvalidInputException", message);
            case SES -> client("BadRequestException", message);
            default -> client("ValidationException", message);
        };
    }
}
