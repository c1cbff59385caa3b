package io.mpgov.events;

import static io.mpgov.events.EventOutcome.Status.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mpgov.license.LicenseReconciliation;
import io.mpgov.request.PmpProductRequest;
import io.mpgov.request.RequestService;
import io.mpgov.review.Reviews;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * EventBridge envelopes in, once each: recorded in the inbox and acted on in one transaction, so an
 * event is either fully processed or not at all (a failure answers 5xx and EventBridge retries).
 */
@Service
class EventIntake {

    static final String PMP_SOURCE = "aws.private-marketplace";
    static final String ORGANIZATIONS_SOURCE = "aws.organizations";
    static final String LICENSE_MANAGER_SOURCE = "aws.license-manager";
    static final String AGREEMENT_SOURCE = "aws.agreement-marketplace";
    private static final java.util.regex.Pattern ACCOUNT_ID = java.util.regex.Pattern.compile("\\d{12}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventInbox inbox;
    private final RequestService requests;
    private final LicenseReconciliation reconciliation;
    private final Reviews reviews;

    EventIntake(EventInbox inbox, RequestService requests, LicenseReconciliation reconciliation, Reviews reviews) {
        this.inbox = inbox;
        this.requests = requests;
        this.reconciliation = reconciliation;
        this.reviews = reviews;
    }

    @Transactional
    public EventOutcome receive(String payload) {
        JsonNode event;
        try {
            event = JSON.readTree(payload);
        } catch (IOException e) {
            return reject("malformed-" + UUID.randomUUID(), null, null, "The body is not JSON", payload);
        }
        String id = text(event, "id");
        String source = text(event, "source");
        String detailType = text(event, "detail-type");
        JsonNode detail = event.path("detail");
        if (id == null || source == null || detailType == null || !detail.isObject()) {
            return reject(
                    id == null ? "malformed-" + UUID.randomUUID() : id,
                    source,
                    detailType,
                    "An EventBridge envelope needs id, source, detail-type and a detail object",
                    payload);
        }
        if (inbox.contains(id)) {
            return new EventOutcome(id, DUPLICATE, "Event " + id + " was received before");
        }
        EventOutcome outcome;
        try {
            outcome = switch (source) {
                case PMP_SOURCE -> privateMarketplace(id, detailType, detail);
                case ORGANIZATIONS_SOURCE -> organizations(id, detail);
                case LICENSE_MANAGER_SOURCE -> licenseManager(id, detailType, event, detail);
                case AGREEMENT_SOURCE -> agreement(id, detailType, detail);
                default -> new EventOutcome(id, REJECTED, "Events from " + source + " are not handled");
            };
        } catch (MalformedEventException e) {
            outcome = new EventOutcome(id, REJECTED, e.getMessage());
        }
        if (!inbox.record(id, source, detailType, outcome.status(), outcome.note(), payload)) {
            throw new IllegalStateException(
                    "Event " + id + " arrived twice at the same time; the other delivery handles it");
        }
        return outcome;
    }

    private EventOutcome privateMarketplace(String id, String detailType, JsonNode detail) {
        String pmpRequestId = required(detail, "requestId");
        return switch (detailType) {
            case "Product Request Created" ->
                requests.startFromPrivateMarketplace(new PmpProductRequest(
                                pmpRequestId,
                                required(detail.path("product"), "id"),
                                text(detail.path("product"), "title"),
                                text(detail.path("manufacturer"), "name"),
                                text(detail, "requesterArn"),
                                text(detail, "experienceId"),
                                instant(text(detail, "expirationDate"))))
                        .map(started -> new EventOutcome(id, ACCEPTED, "Started request " + started.requestId()))
                        .orElseGet(() -> new EventOutcome(
                                id, IGNORED, "A request for PMP request " + pmpRequestId + " exists already"));
            case "Product Request Approved", "Product Request Declined" -> {
                String status = detailType.endsWith("Approved") ? "APPROVED" : "DECLINED";
                int correlated = requests.recordPrivateMarketplaceDecision(pmpRequestId, status);
                yield correlated > 0
                        ? new EventOutcome(id, ACCEPTED, "Recorded " + status + " on " + correlated + " request(s)")
                        : new EventOutcome(id, IGNORED, "No open request for PMP request " + pmpRequestId);
            }
            case "Product Request Cancelled", "Product Request Expired" -> {
                String status = detailType.endsWith("Cancelled") ? "CANCELLED" : "EXPIRED";
                RequestService.PmpRequestClosing closing = requests.closeForPrivateMarketplace(pmpRequestId, status);
                String goingOn = closing.goingOn().isEmpty()
                        ? ""
                        : "; " + String.join(", ", closing.goingOn()) + " committed in AWS already and go"
                                + (closing.goingOn().size() == 1 ? "es" : "") + " on";
                yield closing.closed().isEmpty()
                        ? new EventOutcome(
                                id, IGNORED, "No open request to close for PMP request " + pmpRequestId + goingOn)
                        : new EventOutcome(
                                id,
                                ACCEPTED,
                                "Closed " + String.join(", ", closing.closed()) + " (" + status + ")" + goingOn);
            }
            default -> new EventOutcome(id, REJECTED, "Detail type '" + detailType + "' is not handled");
        };
    }

    /**
     * CloudTrail's record of an Organizations call that may change who is entitled: the account's
     * grants are reconciled. Suspension has no event of its own in AWS; it follows CloseAccount, and the
     * scheduled reconciliation catches the rest.
     */
    private EventOutcome organizations(String id, JsonNode detail) {
        String eventName = required(detail, "eventName");
        String account = switch (eventName) {
            case "CreateAccountResult" -> {
                JsonNode status = detail.path("serviceEventDetails").path("createAccountStatus");
                yield "SUCCEEDED".equals(text(status, "state"))
                        ? accountId(status, "accountId", "serviceEventDetails.createAccountStatus")
                        : null;
            }
            case "TagResource", "UntagResource" -> {
                String resource = required(detail.path("requestParameters"), "resourceId");
                // Tags on OUs, roots and policies do not entitle: only account tags do.
                yield ACCOUNT_ID.matcher(resource).matches() ? resource : null;
            }
            // Published when a closure completes (the account is SUSPENDED then); its detail is not documented,
            // so it is read like CreateAccountResult's.
            case "CloseAccountResult" ->
                accountId(
                        detail.path("serviceEventDetails").path("closeAccountStatus"),
                        "accountId",
                        "serviceEventDetails.closeAccountStatus");
            case "CloseAccount", "MoveAccount", "RemoveAccountFromOrganization" ->
                accountId(detail.path("requestParameters"), "accountId", "requestParameters");
            default -> throw new MalformedEventException("Organizations event '" + eventName + "' is not handled");
        };
        if (account == null) {
            return new EventOutcome(id, IGNORED, eventName + " changes no account's entitlement");
        }
        String instance = reconciliation.forAccount(account, eventName + " " + account);
        return new EventOutcome(id, ACCEPTED, "Reconciling the grants of account " + account + " (" + instance + ")");
    }

    /** A license received or changed: its grants are reconciled. Grant changes are mpgov's own doing or show in the next reconciliation. */
    private EventOutcome licenseManager(String id, String detailType, JsonNode event, JsonNode detail) {
        return switch (detailType) {
            case "License Change" -> {
                String license = text(detail, "LicenseArn") != null
                        ? text(detail, "LicenseArn")
                        : text(event.path("resources"), 0);
                if (license == null || !license.startsWith("arn:aws:license-manager:")) {
                    throw new MalformedEventException(
                            "detail.LicenseArn (or resources[0]) must be a License Manager license ARN");
                }
                String instance = reconciliation.forLicense(
                        license, "License Change " + license.substring(license.lastIndexOf(':') + 1));
                yield new EventOutcome(id, ACCEPTED, "Reconciling the grants of " + license + " (" + instance + ")");
            }
            case "Grant Change" ->
                new EventOutcome(id, IGNORED, "Grant changes need no action; reconciliation checks grants");
            // Known License Manager events (EventBridge reference) that change no entitlement: recorded, not refused,
            // since an API destination does not retry a 4xx and the record would be lost.
            case "License Consumption Change", "License Token Change", "AWS API Call via CloudTrail" ->
                new EventOutcome(id, IGNORED, "'" + detailType + "' needs no action");
            default -> new EventOutcome(id, REJECTED, "Detail type '" + detailType + "' is not handled");
        };
    }

    /**
     * AWS announces an agreement's end 180 to 30 days ahead: a catalog review runs at once, so a product
     * within the removal window leaves the PMP before the next scheduled review. Other agreement events need nothing.
     */
    private EventOutcome agreement(String id, String detailType, JsonNode detail) {
        if (!detailType.startsWith("Purchase Agreement Ending")) {
            return new EventOutcome(
                    id, IGNORED, "'" + detailType + "' needs no action; reviews read agreements themselves");
        }
        String agreementId = text(detail.path("agreement"), "id") != null
                ? text(detail.path("agreement"), "id")
                : text(detail, "agreementId");
        if (agreementId == null) {
            throw new MalformedEventException("detail.agreement.id is required");
        }
        String run = reviews.start(false, "Purchase Agreement Ending " + agreementId);
        return new EventOutcome(id, ACCEPTED, "Reviewing the catalog for agreement " + agreementId + " (" + run + ")");
    }

    private static String accountId(JsonNode node, String field, String where) {
        String value = text(node, field);
        if (value == null || !ACCOUNT_ID.matcher(value).matches()) {
            throw new MalformedEventException(where + "." + field + " must be a 12-digit account id");
        }
        return value;
    }

    /** The event's detail is not what its type promises: recorded and answered 400, never retried. */
    static final class MalformedEventException extends RuntimeException {
        MalformedEventException(String message) {
            super(message);
        }
    }

    private EventOutcome reject(String id, String source, String detailType, String note, String payload) {
        inbox.record(id, source, detailType, REJECTED, note, payload);
        return new EventOutcome(id, REJECTED, note);
    }

    private static String required(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            throw new MalformedEventException("detail." + field + " is required");
        }
        return value;
    }

    private static Instant instant(String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("detail.expirationDate is not an ISO-8601 time: " + value);
        }
    }

    private static String text(JsonNode node, int index) {
        JsonNode value = node.get(index);
        return value == null || !value.isTextual() || value.asText().isBlank() ? null : value.asText();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }
}
