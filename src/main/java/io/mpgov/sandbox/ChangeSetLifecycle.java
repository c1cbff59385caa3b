package io.mpgov.sandbox;

import io.mpgov.sandbox.SandboxState.Change;
import io.mpgov.sandbox.SandboxState.ChangeSet;
import io.mpgov.sandbox.SandboxState.ErrorDetail;
import io.mpgov.sandbox.SandboxState.Experience;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * PREPARING → APPLYING → SUCCEEDED | FAILED. A change set is all or nothing: when any change has an
 * error, none is applied and the errors are reported per change in {@code ErrorDetailList}.
 */
final class ChangeSetLifecycle {

    static final Set<String> ACTIVE = Set.of("PREPARING", "APPLYING");

    private ChangeSetLifecycle() {}

    static void advance(SandboxState state, Knobs knobs, Instant now) {
        for (ChangeSet cs : state.changeSets) {
            if (cs.status.equals("PREPARING") && !now.isBefore(cs.applyingAt)) {
                cs.status = "APPLYING";
            }
            if (cs.status.equals("APPLYING") && !now.isBefore(cs.completesAt)) {
                complete(state, knobs, cs, now);
            }
        }
    }

    private static void complete(SandboxState state, Knobs knobs, ChangeSet cs, Instant now) {
        for (Change change : cs.changes) {
            validate(state, knobs, change);
        }
        cs.endTime = now;
        if (cs.changes.stream().anyMatch(c -> !c.errors.isEmpty())) {
            cs.status = "FAILED";
            cs.failureCode = "CLIENT_ERROR";
            cs.failureDescription = "One or more changes in the change set failed validation.";
            return;
        }
        cs.changes.forEach(change -> apply(state, change, now));
        cs.status = "SUCCEEDED";
    }

    private static void validate(SandboxState state, Knobs knobs, Change change) {
        if (experience(state, change.entityId) == null) {
            change.errors.add(new ErrorDetail(
                    "ENTITY_NOT_FOUND",
                    "The entity " + change.entityId + " of type " + change.entityType + " does not exist."));
            return;
        }
        for (String productId : productIds(change)) {
            String injected = knobs.changeSetFailures.remove(productId);
            if (injected != null) {
                change.errors.add(new ErrorDetail(injected, "Injected failure for product " + productId + "."));
            } else if (state.products.stream().noneMatch(p -> p.id().equals(productId))) {
                change.errors.add(new ErrorDetail(
                        "ENTITY_NOT_FOUND", "The product " + productId + " does not exist in AWS Marketplace."));
            }
        }
    }

    private static void apply(SandboxState state, Change change, Instant now) {
        Experience experience = experience(state, change.entityId);
        List<String> ids = productIds(change);
        // The experience's procurement policy: a product is on its Allow statement or on its Deny statement.
        if (change.changeType.equals("AllowProductProcurement")) {
            ids.forEach(experience.deniedProducts::remove);
            experience.allowedProducts.addAll(ids);
        } else {
            ids.forEach(experience.allowedProducts::remove);
            experience.deniedProducts.addAll(ids);
        }
        experience.lastModified = now;
    }

    static Experience experience(SandboxState state, String id) {
        return state.experiences.stream()
                .filter(e -> e.id.equals(id))
                .findFirst()
                .orElse(null);
    }

    static List<String> productIds(Change change) {
        return change.productIds();
    }
}
