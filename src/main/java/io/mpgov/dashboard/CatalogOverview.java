package io.mpgov.dashboard;

import io.mpgov.catalog.CatalogPort;
import io.mpgov.catalog.CatalogSettings;
import io.mpgov.catalog.PmpProduct;
import io.mpgov.license.LicensePort;
import io.mpgov.request.ProcurementRequestProcess;
import io.mpgov.review.CatalogReviewer;
import io.mpgov.security.AsSystem;
import io.mpgov.usage.UsagePort;
import io.mpgov.usage.UsageUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * What the catalog dashboard shows: every product of every governed Private Marketplace experience (read
 * from its procurement policy), the experiences it is in, its offer type, agreement end, when AWS last saw
 * it in use and by which signal, the day the review policy will remove it, its grants per account and open requests.
 * The removal day is asked of the deployed DMN review-policy (not re-coded here), evaluated on a DMN
 * engine of its own so that looking at the dashboard leaves no decisions in the audit history.
 */
@Service
public class CatalogOverview {

    /** How far ahead a removal is looked for when no agreement end bounds it. */
    static final int HORIZON_DAYS = 3 * 365;

    private final CatalogPort catalog;
    private final CatalogSettings settings;
    private final CatalogReviewer reviewer;
    private final LicensePort licenses;
    private final UsagePort usage;
    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final DmnEngine dmn =
            DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    CatalogOverview(
            CatalogPort catalog,
            CatalogSettings settings,
            CatalogReviewer reviewer,
            LicensePort licenses,
            UsagePort usage,
            RepositoryService repository,
            RuntimeService runtime,
            IdentityService identity) {
        this.catalog = catalog;
        this.settings = settings;
        this.reviewer = reviewer;
        this.licenses = licenses;
        this.usage = usage;
        this.repository = repository;
        this.runtime = runtime;
        this.identity = identity;
    }

    /**
     * @param title           the catalog's title, else the one on its licenses (null: nothing names it)
     * @param seller          the catalog's seller (null: not known)
     * @param lastUsed        the last day use was seen, by AWS now or by a review before (null: none seen, or unknown)
     * @param noUseSeenSince  when no use is seen: the first day AWS and mpgov's reviews cover (null: use was seen, or
     *                        whether it was cannot be told — then {@code usageSignal} says why)
     * @param plannedRemoval the first day the review policy says REMOVE (null: not within the horizon)
     * @param grantsByAccount live grants of the product's licenses per account
     * @param usageSignal     what AWS shows of its use now (UsagePort), or why nothing
     * @param experiences     the governed experiences that allow the product
     */
    public record Product(
            String productId,
            String title,
            String seller,
            String offerType,
            String origin,
            String requestId,
            String requester,
            LocalDate agreementEnd,
            boolean autoRenew,
            Long daysLeft,
            LocalDate lastUsed,
            LocalDate noUseSeenSince,
            LocalDate plannedRemoval,
            String removalReason,
            Map<String, Integer> grantsByAccount,
            List<String> openRequests,
            String usageSignal,
            List<String> experiences) {}

    /** @param experiences every experience mpgov governs, the primary first */
    public record Overview(LocalDate today, String policyVersion, List<Product> products, List<String> experiences) {}

    public Overview overview() {
        LocalDate today =
                ClockUtil.getCurrentTime().toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        // Who may read the dashboard was decided by the caller; the policy model is read as mpgov itself.
        DecisionDefinition policy = AsSystem.run(
                identity,
                () -> repository
                        .createDecisionDefinitionQuery()
                        .decisionDefinitionKey("review-policy")
                        .latestVersion()
                        .singleResult());
        DmnDecision decision = AsSystem.run(identity, () -> parse(policy));
        List<Product> products = new ArrayList<>();
        Instant now = ClockUtil.getCurrentTime().toInstant();
        Map<String, List<String>> experiencesOf = new java.util.LinkedHashMap<>();
        for (String experienceId : settings.governedExperienceIds()) {
            catalog.allowedProducts(experienceId)
                    .forEach(p -> experiencesOf
                            .computeIfAbsent(p, k -> new ArrayList<>())
                            .add(experienceId));
        }
        for (Map.Entry<String, List<String>> allowed : experiencesOf.entrySet()) {
            String productId = allowed.getKey();
            CatalogReviewer.Standing standing = reviewer.standing(productId, now);
            AwsUse use = use(productId, now);
            PmpProduct record = use.usage()
                    .map(u -> CatalogReviewer.seenInUse(standing.record(), u, now))
                    .orElse(standing.record());
            // The policy's clock: from the last use, or from the day the product entered the catalog.
            LocalDate clock =
                    new CatalogReviewer.Standing(record, standing.baseline(), standing.agreement()).lastUsed();
            LocalDate end = standing.agreementEnd();
            String[] removal = plannedRemoval(decision, today, record.offerType(), end, clock);
            List<LicensePort.ReceivedLicense> received = licenses.licensesOf(productId);
            Optional<CatalogPort.Listing> listing = catalog.listing(productId);
            LastUse lastUse = LastUse.of(standing, use.usage());
            products.add(new Product(
                    productId,
                    title(listing, received),
                    listing.map(CatalogPort.Listing::seller).orElse(null),
                    record.offerType(),
                    standing.baseline() ? "NOT YET REVIEWED" : record.origin(),
                    record.requestId(),
                    record.requester(),
                    end,
                    standing.autoRenew(),
                    end == null ? null : ChronoUnit.DAYS.between(today, end),
                    lastUse.day(),
                    lastUse.noneSince(),
                    removal[0] == null ? null : LocalDate.parse(removal[0]),
                    removal[1],
                    grants(received),
                    openRequests(productId),
                    use.signal(),
                    List.copyOf(allowed.getValue())));
        }
        products.sort(
                Comparator.comparing((Product p) -> p.plannedRemoval() == null ? LocalDate.MAX : p.plannedRemoval()));
        return new Overview(today, "review-policy v" + policy.getVersion(), products, settings.governedExperienceIds());
    }

    /** The first day from today on which the policy says REMOVE, by bisection (the policy only tightens with time). */
    private String[] plannedRemoval(
            DmnDecision decision, LocalDate today, String offerType, LocalDate end, LocalDate lastUsed) {
        String reason = removalReason(decision, today, offerType, end, lastUsed);
        if (reason != null) {
            return new String[] {today.toString(), reason};
        }
        LocalDate low = today;
        LocalDate high = end != null ? end : today.plusDays(HORIZON_DAYS);
        if (removalReason(decision, high, offerType, end, lastUsed) == null) {
            return new String[] {null, null};
        }
        while (ChronoUnit.DAYS.between(low, high) > 1) {
            LocalDate middle = low.plusDays(ChronoUnit.DAYS.between(low, high) / 2);
            if (removalReason(decision, middle, offerType, end, lastUsed) == null) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return new String[] {high.toString(), removalReason(decision, high, offerType, end, lastUsed)};
    }

    private String removalReason(
            DmnDecision decision, LocalDate day, String offerType, LocalDate end, LocalDate lastUsed) {
        var result = dmn.evaluateDecisionTable(
                        decision,
                        Variables.createVariables()
                                .putValue("offerType", offerType)
                                .putValue("today", date(day))
                                .putValue("agreementEnd", end == null ? null : date(end))
                                .putValue("lastUsed", date(lastUsed)))
                .getSingleResult();
        return "REMOVE".equals(result.getEntry("action")) ? result.getEntry("reason") : null;
    }

    /** The catalog's title, else the one on the product's licenses (what Cost Explorer is asked by, too). */
    private static String title(Optional<CatalogPort.Listing> listing, List<LicensePort.ReceivedLicense> received) {
        return listing.map(CatalogPort.Listing::title)
                .or(() -> received.stream()
                        .map(LicensePort.ReceivedLicense::productName)
                        .filter(n -> n != null && !n.isBlank())
                        .findFirst())
                .orElse(null);
    }

    /** @param usage what AWS shows of the product's use now; empty when AWS cannot say now ({@code signal} says why) */
    private record AwsUse(Optional<UsagePort.Usage> usage, String signal) {}

    private AwsUse use(String productId, Instant now) {
        try {
            UsagePort.Usage use = usage.usage(productId, now);
            return new AwsUse(Optional.of(use), use.signal());
        } catch (UsageUnavailableException e) {
            return new AwsUse(Optional.empty(), "unavailable now: " + e.getMessage());
        }
    }

    /**
     * What is true of a product's last use: the day it was last seen in use (AWS now, or a review before), or — none
     * seen — the first day AWS's signals and mpgov's reviews cover; neither when that cannot be told.
     */
    record LastUse(LocalDate day, LocalDate noneSince) {

        static LastUse of(CatalogReviewer.Standing standing, Optional<UsagePort.Usage> use) {
            PmpProduct record = standing.record();
            LocalDate remembered = record.lastUsedAt() == null ? null : utcDay(record.lastUsedAt());
            if (use.isEmpty()) {
                return new LastUse(remembered, null);
            }
            UsagePort.Usage now = use.get();
            if (now.seenSince() == null) {
                // Nothing names it to AWS: "in use" is the review's safe assumption, not a fact to show.
                return new LastUse(null, null);
            }
            Optional<LocalDate> last = Stream.of(now.lastUsed(), remembered)
                    .filter(Objects::nonNull)
                    .max(Comparator.naturalOrder());
            if (last.isPresent()) {
                return new LastUse(last.get(), null);
            }
            // A recorded product was watched by every review since it entered (a baseline record is new: not yet).
            LocalDate entered = utcDay(record.addedAt());
            return new LastUse(
                    null, !standing.baseline() && entered.isBefore(now.seenSince()) ? entered : now.seenSince());
        }
    }

    private Map<String, Integer> grants(List<LicensePort.ReceivedLicense> received) {
        Map<String, Integer> byAccount = new TreeMap<>();
        for (LicensePort.ReceivedLicense license : received) {
            licenses.grantsOf(license.arn()).stream()
                    .filter(LicensePort.Grant::live)
                    .forEach(g -> byAccount.merge(g.accountId(), 1, Integer::sum));
        }
        return byAccount;
    }

    private List<String> openRequests(String productId) {
        return AsSystem.run(
                identity,
                () -> runtime
                        .createProcessInstanceQuery()
                        .processDefinitionKey(ProcurementRequestProcess.KEY)
                        .variableValueEquals(ProcurementRequestProcess.PRODUCT_ID, productId)
                        .list()
                        .stream()
                        .map(p -> p.getBusinessKey())
                        .sorted()
                        .toList());
    }

    private DmnDecision parse(DecisionDefinition policy) {
        try (InputStream model = repository.getResourceAsStream(policy.getDeploymentId(), policy.getResourceName())) {
            return dmn.parseDecision(policy.getKey(), model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LocalDate utcDay(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static Date date(LocalDate day) {
        return Date.from(day.atStartOfDay().toInstant(ZoneOffset.UTC));
    }
}
