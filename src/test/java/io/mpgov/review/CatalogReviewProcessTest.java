package io.mpgov.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.mpgov.agreement.Agreement;
import io.mpgov.agreement.AgreementPort;
import io.mpgov.catalog.CatalogPort;
import io.mpgov.catalog.CatalogTestDelegates;
import io.mpgov.catalog.ChangeSetStatus;
import io.mpgov.catalog.InMemoryPmpInventory;
import io.mpgov.catalog.PmpProduct;
import io.mpgov.catalog.ProductChange;
import io.mpgov.usage.UsagePort;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * catalog-review with time travel (the engine clock): a PMP with private-offer products whose agreements
 * end in 1, 2.9, 3.1 and 14 months and public products last used 1 and 7 months ago. The real DMN
 * review-policy decides; the AWS ports are test doubles that keep a PMP of their own.
 */
class CatalogReviewProcessTest {

    @RegisterExtension
    ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("process-test.cfg.xml")
            .build();

    static final ZonedDateTime T0 = ZonedDateTime.of(2026, 11, 23, 4, 0, 0, 0, ZoneOffset.UTC);

    final CatalogPort catalog = mock(CatalogPort.class);
    final AgreementPort agreements = mock(AgreementPort.class);
    final UsagePort usage = mock(UsagePort.class);
    /** What AWS shows of each product's use (the UsagePort's answer); absent: nothing seen. */
    final Map<String, java.util.function.Function<Instant, UsagePort.Usage>> use = new HashMap<>();

    final InMemoryPmpInventory inventory = new InMemoryPmpInventory();
    /** The Private Marketplace as the catalog double keeps it. */
    final Set<String> pmp = new TreeSet<>();

    final List<ProductChange> changes = new ArrayList<>();
    final Map<String, List<Agreement>> agreementsOf = new HashMap<>();
    final List<String> mails = new ArrayList<>();
    final List<String> renewals = new ArrayList<>();
    ManagementService management;
    String deployment;

    @BeforeEach
    void fixture() {
        management = engine.getProcessEngine().getManagementService();
        ClockUtil.setCurrentTime(Date.from(T0.toInstant()));
        Mocks.register("reviewSettings", ReviewSettings.defaults());
        Mocks.register("catalogSettings", CatalogTestDelegates.settings(5));
        CatalogReviewer reviewer = new CatalogReviewer(
                catalog,
                CatalogTestDelegates.settings(5),
                agreements,
                usage,
                inventory,
                engine.getProcessEngine().getDecisionService());
        Mocks.register("reviewCatalog", new ReviewCatalogDelegate(reviewer));
        Mocks.register("recordRemovals", new RecordRemovalsDelegate(reviewer));
        Mocks.register("openRenewals", new OpenRenewalsDelegate((original, product, reason) -> {
            renewals.add(original + " " + product + " (" + reason + ")");
            return java.util.Optional.of("PR-RENEW" + renewals.size());
        }));
        CatalogTestDelegates.register(catalog, CatalogTestDelegates.settings(5));
        Mocks.register("notify", (JavaDelegate) (DelegateExecution e) ->
                mails.add(e.getVariableLocal("mailTemplate") + " → " + e.getVariableLocal("recipients")));
        // Deployed here, not by annotation: the review timer reads reviewSettings when it is deployed.
        deployment = engine.getRepositoryService()
                .createDeployment()
                .addClasspathResource("processes/catalog-review.bpmn")
                .addClasspathResource("processes/catalog-change.bpmn")
                .addClasspathResource("processes/review-policy.dmn")
                .deploy()
                .getId();

        when(catalog.allowedProducts("exp-test")).thenAnswer(call -> List.copyOf(pmp));
        when(catalog.startProductChange(any())).thenAnswer(call -> {
            ProductChange change = call.getArgument(0);
            changes.add(change);
            if (change.type() == ProductChange.Type.DENY) {
                change.productIds().forEach(pmp::remove);
            }
            return "cs-" + changes.size();
        });
        when(catalog.describeChangeSet(anyString()))
                .thenAnswer(call -> new ChangeSetStatus(call.getArgument(0), "SUCCEEDED", null, List.of()));
        when(agreements.forProduct(anyString()))
                .thenAnswer(call -> agreementsOf.getOrDefault((String) call.getArgument(0), List.of()));
        when(usage.usage(anyString(), any()))
                .thenAnswer(call -> use.getOrDefault(
                                (String) call.getArgument(0),
                                now -> new UsagePort.Usage(call.getArgument(0), null, null, false, "none seen", null))
                        .apply(call.getArgument(1)));

        privateOffer("prod-ends1month", T0.plusMonths(1), false, "alice");
        privateOffer("prod-ends2p9month", T0.plusDays(87), true, "bob");
        privateOffer("prod-ends3p1month", T0.plusDays(94), false, "carol");
        privateOffer("prod-ends14month", T0.plusMonths(14), false, "alice");
        publicOffer("prod-used1monthago", T0.minusMonths(1));
        publicOffer("prod-used7monthago", T0.minusMonths(7));
        // In the PMP before mpgov: no record, no agreement.
        pmp.add("prod-washerebefore");
    }

    @AfterEach
    void reset() {
        engine.getRepositoryService().deleteDeployment(deployment, true);
        Mocks.reset();
        ClockUtil.reset();
    }

    void privateOffer(String product, ZonedDateTime end, boolean autoRenew, String requester) {
        pmp.add(product);
        agreementsOf.put(
                product,
                List.of(new Agreement(
                        "agmt-" + product,
                        "ACTIVE",
                        "offer-" + product,
                        List.of(product),
                        end.toInstant(),
                        autoRenew)));
        inventory.save(new PmpProduct(
                product,
                "PRIVATE",
                PmpProduct.MPGOV,
                "PR-" + product,
                requester,
                T0.minusYears(1).toInstant(),
                null,
                null,
                null));
    }

    void publicOffer(String product, ZonedDateTime lastUsed) {
        pmp.add(product);
        inventory.save(new PmpProduct(
                product,
                "PUBLIC",
                PmpProduct.MPGOV,
                "PR-" + product,
                "dave",
                T0.minusYears(2).toInstant(),
                lastUsed.toInstant(),
                null,
                null));
    }

    ProcessInstance review(boolean dryRun) {
        ProcessInstance pi = engine.getRuntimeService()
                .startProcessInstanceByMessage(CatalogReviewProcess.MESSAGE_REVIEW_REQUESTED, Map.of("dryRun", dryRun));
        for (int round = 0; round < 50; round++) {
            List<Job> jobs =
                    management.createJobQuery().processInstanceId(pi.getId()).list();
            List<Job> called = management.createJobQuery().list().stream()
                    .filter(j -> j.getProcessDefinitionKey().equals("catalog-change"))
                    .toList();
            if (jobs.isEmpty() && called.isEmpty()) {
                break;
            }
            jobs.forEach(j -> management.executeJob(j.getId()));
            called.forEach(j -> management.executeJob(j.getId()));
        }
        return pi;
    }

    Object variable(ProcessInstance pi, String name) {
        return engine.getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId())
                .variableName(name)
                .singleResult()
                .getValue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void removesWhatThePolicyNamesInOneChangeSetAndTellsProcurementAdminsAndRequesters() {
        ProcessInstance pi = review(false);

        assertThat(pi)
                .isEnded()
                .hasPassed("CallActivity_RemoveProducts", "Task_RecordRemovals", "EndEvent_ProductsRemoved");
        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.type()).isEqualTo(ProductChange.Type.DENY);
            assertThat(change.productIds())
                    .containsExactly("prod-ends1month", "prod-ends2p9month", "prod-used7monthago");
        });
        assertThat(pmp)
                .containsExactly("prod-ends14month", "prod-ends3p1month", "prod-used1monthago", "prod-washerebefore");
        assertThat(inventory.find("prod-ends1month").orElseThrow().removalReason())
                .isEqualTo("agreement ends within 3 months");
        assertThat(inventory.find("prod-used7monthago").orElseThrow().removalReason())
                .isEqualTo("unused for 6 months");
        assertThat(inventory.find("prod-ends3p1month").orElseThrow().removedAt())
                .isNull();
        assertThat(inventory.find("prod-washerebefore")).get().satisfies(p -> {
            assertThat(p.origin()).isEqualTo("BASELINE");
            assertThat(p.offerType()).isEqualTo("PUBLIC");
        });
        assertThat(mails)
                .containsExactly("catalog-review-removed → group:procurement-manager,group:pmp-admin,alice,bob,dave");
        assertThat(renewals)
                .as("a renewal for each removed private offer, none for the unused public product")
                .containsExactly(
                        "PR-prod-ends1month prod-ends1month (agreement ends within 3 months)",
                        "PR-prod-ends2p9month prod-ends2p9month (agreement ends within 3 months)");
        assertThat((List<String>) variable(pi, "renewalRequests"))
                .containsExactly("prod-ends1month → PR-RENEW1", "prod-ends2p9month → PR-RENEW2");
        assertThat((String) variable(pi, "reviewReport"))
                .contains(
                        "prod-ends2p9month PRIVATE, agreement ends 2027-02-18 (auto-renews!)",
                        "→ REMOVE: agreement ends within 3 months")
                .contains(
                        "prod-ends3p1month PRIVATE, agreement ends 2027-02-25, last used 2025-11-23 → KEEP: within policy");
        assertThat(engine.getHistoryService()
                        .createHistoricDecisionInstanceQuery()
                        .decisionDefinitionKey("review-policy")
                        .count())
                .as("every decision is in the history, with the DMN version that made it")
                .isEqualTo(7);
    }

    @Test
    void everyGovernedExperienceIsReviewedAndEachLosesItsProductsInAChangeSetOfItsOwn() {
        var settings = CatalogTestDelegates.settings(5).withExperienceIds(List.of("exp-shared"));
        Mocks.register("catalogSettings", settings);
        Mocks.register(
                "reviewCatalog",
                new ReviewCatalogDelegate(new CatalogReviewer(
                        catalog,
                        settings,
                        agreements,
                        usage,
                        inventory,
                        engine.getProcessEngine().getDecisionService())));
        CatalogTestDelegates.register(catalog, settings);
        Set<String> shared = new TreeSet<>(List.of("prod-used7monthago", "prod-used1monthago"));
        when(catalog.allowedProducts("exp-shared")).thenAnswer(call -> List.copyOf(shared));

        ProcessInstance pi = review(false);

        assertThat(pi).isEnded().hasPassed("EndEvent_ProductsRemoved");
        assertThat(changes)
                .extracting(c -> c.experienceId() + " " + c.productIds())
                .containsExactly(
                        "exp-test [prod-ends1month, prod-ends2p9month, prod-used7monthago]",
                        "exp-shared [prod-used7monthago]");
        assertThat(changes.get(1).clientToken()).endsWith("-deny-0-exp-shared");
        assertThat(engine.getHistoryService()
                        .createHistoricDecisionInstanceQuery()
                        .decisionDefinitionKey("review-policy")
                        .count())
                .as("seven products, two of them in both experiences: each decided once")
                .isEqualTo(7);
        assertThat((String) variable(pi, "reviewReport"))
                .contains(
                        "prod-used7monthago PUBLIC, last used 2026-04-23 → REMOVE: "
                                + "unused for 6 months (usage: none seen) (in exp-shared)",
                        "prod-used1monthago PUBLIC, last used 2026-10-23 → KEEP: within policy (usage: none seen) (in exp-shared)");
        assertThat(mails)
                .as("one mail, each requester once")
                .containsExactly("catalog-review-removed → group:procurement-manager,group:pmp-admin,alice,bob,dave");
    }

    @Test
    void aSecondRunTheSameDayChangesNothing() {
        review(false);
        mails.clear();

        ProcessInstance again = review(false);

        assertThat(again).isEnded().hasPassed("EndEvent_NothingRemoved").hasNotPassed("CallActivity_RemoveProducts");
        assertThat(changes).hasSize(1);
        assertThat(mails).isEmpty();
    }

    @Test
    void aDryRunReportsWhatItWouldRemoveAndChangesNothing() {
        List<PmpProduct> before = inventory.all();

        ProcessInstance dry = review(true);

        assertThat(dry).isEnded().hasPassed("EndEvent_NothingRemoved");
        assertThat(variable(dry, "removedCount")).isEqualTo(3);
        assertThat((String) variable(dry, "reviewReport"))
                .contains("prod-used7monthago PUBLIC, last used 2026-04-23 → REMOVE");
        assertThat(changes).isEmpty();
        assertThat(renewals).isEmpty();
        assertThat(inventory.all()).as("not even the baseline is imported").isEqualTo(before);
        assertThat(mails).isEmpty();
    }

    @Test
    void timeMovesOnTheNextProductsFallDueAndARenewedProductStays() {
        review(false);

        // Ten days later the 3.1-month agreement is within 3 months of its end; the 14-month one is not.
        ClockUtil.setCurrentTime(Date.from(T0.plusDays(10).toInstant()));
        ProcessInstance later = review(false);

        assertThat(changes).hasSize(2);
        assertThat(changes.get(1).productIds()).containsExactly("prod-ends3p1month");
        assertThat(later).isEnded().hasPassed("EndEvent_ProductsRemoved");

        // The renewal was approved: a new agreement, and the request added the product again.
        pmp.add("prod-ends3p1month");
        agreementsOf.put(
                "prod-ends3p1month",
                List.of(new Agreement(
                        "agmt-renewed",
                        "ACTIVE",
                        "offer-renewal",
                        List.of("prod-ends3p1month"),
                        T0.plusMonths(13).toInstant(),
                        false)));
        inventory.save(new PmpProduct(
                "prod-ends3p1month",
                "PRIVATE",
                PmpProduct.MPGOV,
                "PR-renewal",
                "carol",
                T0.plusDays(20).toInstant(),
                null,
                null,
                null));
        ClockUtil.setCurrentTime(Date.from(T0.plusDays(21).toInstant()));
        review(false);

        assertThat(changes).hasSize(2);
        assertThat(pmp).contains("prod-ends3p1month");
    }

    @Test
    void anAmiContractProductWithCheckOutsStaysAndItsUseIsRemembered() {
        use.put("prod-used7monthago", checkedOut("prod-used7monthago"));

        review(false);

        assertThat(pmp).contains("prod-used7monthago");
        assertThat(inventory.find("prod-used7monthago").orElseThrow().lastUsedAt())
                .isEqualTo(T0.toInstant());

        // Unused from now on: removed once six months have passed, not before.
        use.remove("prod-used7monthago");
        ClockUtil.setCurrentTime(Date.from(T0.plusMonths(6).minusDays(1).toInstant()));
        review(false);
        assertThat(pmp).contains("prod-used7monthago");
        ClockUtil.setCurrentTime(
                Date.from(T0.plusMonths(6).plus(Duration.ofDays(2)).toInstant()));
        review(false);
        assertThat(pmp).doesNotContain("prod-used7monthago");
    }

    @Test
    void aSaasProductWithSpendAndNoCheckOutsStaysAsLongAsItIsCharged() {
        // Charged every month (Cost Explorer), never checked out: SaaS has no License Manager check-outs.
        use.put("prod-used7monthago", now -> spentLastMonth("prod-used7monthago", now));

        review(false);
        ClockUtil.setCurrentTime(Date.from(T0.plusMonths(7).toInstant()));
        ProcessInstance later = review(false);

        assertThat(pmp).contains("prod-used7monthago");
        assertThat(inventory.find("prod-used7monthago").orElseThrow().lastUsedAt())
                .isEqualTo(T0.plusMonths(7)
                        .toLocalDate()
                        .withDayOfMonth(1)
                        .minusDays(1)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant());
        assertThat((String) variable(later, "reviewReport"))
                .contains(
                        "prod-used7monthago PUBLIC, last used 2027-05-31 (in use) → KEEP",
                        "(usage: Cost Explorer: 410.00 USD in 2027-05)");
    }

    @Test
    void aProductWithNeitherSpendNorCheckOutsLeavesSixMonthsAfterItsLastUse() {
        use.put(
                "prod-used1monthago",
                now -> new UsagePort.Usage(
                        "prod-used1monthago",
                        "SaaSProduct@1.0",
                        null,
                        false,
                        "none seen: no Cost Explorer spend (SaaSProduct@1.0)",
                        null));

        review(false);
        assertThat(pmp).contains("prod-used1monthago");
        ClockUtil.setCurrentTime(Date.from(T0.plusMonths(5).plusDays(2).toInstant()));
        review(false);

        assertThat(pmp).doesNotContain("prod-used1monthago");
        assertThat(inventory.find("prod-used1monthago").orElseThrow().removalReason())
                .isEqualTo("unused for 6 months");
    }

    @Test
    void spendBeforeAProductEnteredTheCatalogDoesNotStartItsClockEarlier() {
        // Found in the PMP today (baseline); its last charge was 5 months ago: its clock starts today.
        use.put(
                "prod-washerebefore",
                now -> new UsagePort.Usage(
                        "prod-washerebefore",
                        "SaaSProduct@1.0",
                        T0.minusMonths(5).toLocalDate(),
                        false,
                        "Cost Explorer: 10.00 USD in 2026-06",
                        null));

        review(false);
        ClockUtil.setCurrentTime(Date.from(T0.plusMonths(5).toInstant()));
        review(false);

        assertThat(pmp).contains("prod-washerebefore");
        assertThat(inventory.find("prod-washerebefore").orElseThrow().lastUsedAt())
                .isNull();
    }

    @Test
    void withoutUsageDataTheReviewFailsAndRemovesNothing() {
        Set<String> before = Set.copyOf(pmp);
        use.put("prod-used1monthago", now -> {
            throw new io.mpgov.usage.UsageUnavailableException("Cost Explorer has no data", null);
        });

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> review(false))
                .isInstanceOf(io.mpgov.usage.UsageUnavailableException.class);

        assertThat(changes).isEmpty();
        assertThat(pmp).isEqualTo(before);
        assertThat(management
                        .createJobQuery()
                        .activityId("Task_ReviewCatalog")
                        .singleResult()
                        .getRetries())
                .as("retried (R5/PT1M), then an incident")
                .isEqualTo(4);
    }

    static java.util.function.Function<Instant, UsagePort.Usage> checkedOut(String product) {
        return now -> new UsagePort.Usage(
                product,
                "AmiProduct@1.0",
                now.atZone(ZoneOffset.UTC).toLocalDate(),
                true,
                "License Manager: checked out now",
                null);
    }

    static UsagePort.Usage spentLastMonth(String product, Instant now) {
        java.time.LocalDate lastMonth =
                now.atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1).minusMonths(1);
        return new UsagePort.Usage(
                product,
                "SaaSProduct@1.0",
                lastMonth.plusMonths(1).minusDays(1),
                true,
                "Cost Explorer: 410.00 USD in " + lastMonth.toString().substring(0, 7),
                null);
    }
}
