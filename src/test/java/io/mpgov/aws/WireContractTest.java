package io.mpgov.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mpgov.agreement.AgreementPort;
import io.mpgov.catalog.CatalogPort;
import io.mpgov.catalog.CatalogSettings;
import io.mpgov.catalog.ProductChange;
import io.mpgov.license.LicensePort;
import io.mpgov.license.LicenseSettings;
import io.mpgov.notification.Mail;
import io.mpgov.notification.NotificationPort;
import io.mpgov.notification.NotificationSettings;
import io.mpgov.organization.OrganizationPort;
import io.mpgov.sandbox.DemoOrganization;
import io.mpgov.sandbox.Sandbox;
import io.mpgov.sandbox.SandboxServer;
import io.mpgov.tools.PolicyPack;
import io.mpgov.usage.UsagePort;
import io.mpgov.usage.UsageSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.AnnotationConfigUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.licensemanager.LicenseManagerClient;
import software.amazon.awssdk.services.marketplacecatalog.MarketplaceCatalogClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;

/**
 * The wire contract, with an oracle nobody here wrote: mpgov's real adapters, through the real SDK clients,
 * against the sandbox, behind a recording proxy; every request the SDK sent and every answer the sandbox gave
 * is checked against the AWS service models that ship with the AWS CLI's botocore ({@link WireContract}), and
 * botocore's own parsers read every answer ({@code botocore_check.py}). Every operation the main code calls
 * ({@link SdkCalls}) must be driven by a scenario below: a new operation is covered by adding a scenario.
 * Without the models (or botocore's python) it fails under {@code CI=true} and is skipped elsewhere.
 */
@RequiresBotocore
class WireContractTest {

    private static final Logger log = LoggerFactory.getLogger(WireContractTest.class);
    static final boolean CI = "true".equalsIgnoreCase(System.getenv("CI"));
    static final String FROM = "mpgov@" + DemoOrganization.MAIL_DOMAIN;
    static final Sandbox sandbox = new Sandbox(Clock.systemUTC());
    /** What the adapters are built with: every client through the recording proxy. */
    static AwsClients clients;

    /** What each scenario does through the ports; those that provoke an AWS error say so with {@link #refused}. */
    record Scenario(String name, Step step) {}

    interface Step {
        void run(BeanFactory adapters) throws Exception;
    }

    interface Call {
        void run() throws Exception;
    }

    static final List<Scenario> SCENARIOS = List.of(
            new Scenario("catalog: allow a product, follow its change set, read the PMP", a -> {
                CatalogPort catalog = a.getBean(CatalogPort.class);
                String id = catalog.startProductChange(new ProductChange(
                        ProductChange.Type.ALLOW,
                        List.of(DemoOrganization.PRODUCT_NOT_YET_ALLOWED),
                        "wire contract",
                        "wire-contract-allow"));
                catalog.describeChangeSet(id);
                catalog.allowedProducts();
            }),
            new Scenario(
                    "catalog: deny a product while another change set holds the PMP (ResourceInUseException)", a -> {
                        CatalogPort catalog = a.getBean(CatalogPort.class);
                        sandbox.knobs().changeSetPreparingMillis = 60_000;
                        try {
                            catalog.startProductChange(new ProductChange(
                                    ProductChange.Type.DENY,
                                    List.of("prod-dtdgobserv001"),
                                    null,
                                    "wire-contract-deny"));
                            refused(() -> catalog.startProductChange(new ProductChange(
                                    ProductChange.Type.DENY,
                                    List.of("prod-dtdgobserv001"),
                                    "second",
                                    "wire-contract-deny-2")));
                        } finally {
                            sandbox.knobs().changeSetPreparingMillis = 0;
                        }
                    }),
            new Scenario(
                    "catalog: a change set that does not exist",
                    a -> refused(() -> a.getBean(CatalogPort.class).describeChangeSet("cs-doesnotexist0000000000"))),
            new Scenario("license: read licenses and usage, grant, grant again, revoke, revoke again", a -> {
                LicensePort licenses = a.getBean(LicensePort.class);
                LicensePort.ReceivedLicense license =
                        licenses.licensesOf("prod-ngnxplusami01").get(0);
                licenses.license(license.arn());
                licenses.consumed(license.arn());
                licenses.grantsOf(license.arn());
                LicensePort.Grant grant =
                        licenses.grant(license.arn(), license.homeRegion(), "410987654325", "wire-contract-grant");
                licenses.grant(license.arn(), license.homeRegion(), "410987654325", "wire-contract-grant-again");
                LicensePort.Grant revoked = licenses.revoke(grant, "wire contract");
                licenses.revoke(
                        new LicensePort.Grant(
                                grant.arn(), grant.licenseArn(), grant.accountId(), grant.status(), grant.version()),
                        "wire contract again");
                assertThat(revoked).isNotNull();
                // A SaaS product's license cannot be shared: AWS refuses the grant.
                LicensePort.ReceivedLicense saas =
                        licenses.licensesOf("prod-dtdgobserv001").get(0);
                refused(() -> licenses.grant(saas.arn(), saas.homeRegion(), "410987654325", "wire-contract-saas"));
            }),
            new Scenario(
                    "usage: Cost Explorer's Marketplace spend and License Manager's check-outs, per product type",
                    a -> {
                        UsagePort usage = a.getBean(UsagePort.class);
                        usage.usage("prod-dtdgobserv001", java.time.Instant.now());
                        usage.usage("prod-ngnxplusami01", java.time.Instant.now());
                    }),
            new Scenario(
                    "organization: accounts, one by one (one not a member), OUs, accounts under an OU, tags", a -> {
                        OrganizationPort organization = a.getBean(OrganizationPort.class);
                        organization.accounts();
                        organization.accounts(List.of("310987654321", "999999999999"));
                        organization.organizationalUnitIds();
                        organization.accountsUnder(DemoOrganization.OU_RETAIL);
                        organization.tagsOf("310987654321");
                    }),
            new Scenario(
                    "agreement: a product's agreements, one agreement and its terms, one that does not exist", a -> {
                        AgreementPort agreements = a.getBean(AgreementPort.class);
                        agreements.forProduct("prod-crwdfalcon001");
                        agreements.find("agmt-crwdfalcon2025priv0001");
                        agreements.find("agmt-doesnotexist0000000000");
                    }),
            new Scenario("notification: a mail, and one from a sender SES has not verified (MessageRejected)", a -> {
                NotificationPort mail = a.getBean(NotificationPort.class);
                mail.send(new Mail(
                        List.of("someone@" + DemoOrganization.MAIL_DOMAIN), "Wire contract", "Hello", "<p>Hello</p>"));
                sandbox.read(s -> s.verifiedIdentities.remove(DemoOrganization.MAIL_DOMAIN));
                try {
                    refused(() -> mail.send(new Mail(
                            List.of("someone@" + DemoOrganization.MAIL_DOMAIN),
                            "Wire contract",
                            "Hello",
                            "<p>Hello</p>")));
                } finally {
                    sandbox.read(s -> s.verifiedIdentities.add(DemoOrganization.MAIL_DOMAIN));
                }
            }),
            new Scenario("paged: a large organization, and a license granted to many accounts", a -> {
                sandbox.addBenchmarkLoad(1, 30);
                OrganizationPort organization = a.getBean(OrganizationPort.class);
                List<String> accounts = organization.accountsUnder(DemoOrganization.OU_BENCHMARK);
                organization.accounts(accounts);
                LicensePort licenses = a.getBean(LicensePort.class);
                LicensePort.ReceivedLicense license =
                        licenses.licensesOf("prod-bench00000001").get(0);
                for (String account : accounts.subList(0, 12)) {
                    licenses.grant(license.arn(), license.homeRegion(), account, "wire-contract-" + account);
                }
                assertThat(licenses.grantsOf(license.arn())).hasSize(12);
            }),
            new Scenario(
                    "the sandbox's other operations, through bare SDK clients (the AWS CLI's and tomorrow's adapters')",
                    a -> {
                        MarketplaceCatalogClient catalog = clients.build(MarketplaceCatalogClient.builder());
                        catalog.listEntities(r -> r.catalog("AWSMarketplace").entityType("Experience"));
                        catalog.describeEntity(r -> r.catalog("AWSMarketplace").entityId("prod-dtdgobserv001"));
                        // The change set the lock scenario left preparing: cancel it, as a PMP administrator would.
                        catalog.listChangeSets(r -> r.catalog("AWSMarketplace")).changeSetSummaryList().stream()
                                .filter(c -> c.statusAsString().equals("PREPARING"))
                                .forEach(c -> catalog.cancelChangeSet(
                                        r -> r.catalog("AWSMarketplace").changeSetId(c.changeSetId())));
                        LicenseManagerClient licenses = clients.build(LicenseManagerClient.builder());
                        licenses.listReceivedGrants(r -> r.maxResults(10));
                        licenses.listReceivedGrantsForOrganization(r -> r.licenseArn(a.getBean(LicensePort.class)
                                .licensesOf("prod-dtdgobserv001")
                                .get(0)
                                .arn()));
                        clients.build(
                                        OrganizationsClient.builder(),
                                        Region.AWS_GLOBAL,
                                        java.util.function.UnaryOperator.identity())
                                .describeOrganization();
                    }),
            new Scenario("throttled: every service answers its own throttling error", a -> {
                Map<String, Call> calls = new LinkedHashMap<>();
                calls.put(
                        "DescribeChangeSet",
                        () -> a.getBean(CatalogPort.class).describeChangeSet("cs-doesnotexist0000000000"));
                calls.put(
                        "GetLicenseUsage",
                        () -> a.getBean(LicensePort.class)
                                .consumed(a.getBean(LicensePort.class)
                                        .licensesOf("prod-dtdgobserv001")
                                        .get(0)
                                        .arn()));
                calls.put(
                        "ListTagsForResource",
                        () -> a.getBean(OrganizationPort.class).tagsOf("310987654321"));
                calls.put(
                        "DescribeAgreement",
                        () -> a.getBean(AgreementPort.class).find("agmt-crwdfalcon2025priv0001"));
                calls.put(
                        "GetCostAndUsage",
                        () -> clients.costExplorer(java.util.function.UnaryOperator.identity())
                                .getCostAndUsage(r -> r.timePeriod(t -> t.start(java.time.LocalDate.now()
                                                        .minusMonths(1)
                                                        .toString())
                                                .end(java.time.LocalDate.now().toString()))
                                        .granularity("MONTHLY")
                                        .metrics("UnblendedCost")));
                calls.put(
                        "SendEmail",
                        () -> a.getBean(NotificationPort.class)
                                .send(new Mail(
                                        List.of("someone@" + DemoOrganization.MAIL_DOMAIN),
                                        "Wire contract",
                                        "Hello",
                                        "<p>Hello</p>")));
                sandbox.knobs().rateLimitsEnabled = true;
                try {
                    for (Map.Entry<String, Call> call : calls.entrySet()) {
                        Double before = sandbox.knobs().rateLimits.put(call.getKey(), 0.01);
                        try {
                            call.getValue().run();
                        } catch (RuntimeException firstMayBeRefusedToo) {
                            // the catalog's unknown change set: its 404 is the first answer
                        }
                        refused(call.getValue());
                        if (before == null) {
                            sandbox.knobs().rateLimits.remove(call.getKey());
                        } else {
                            sandbox.knobs().rateLimits.put(call.getKey(), before);
                        }
                    }
                } finally {
                    sandbox.knobs().rateLimitsEnabled = false;
                }
            }));

    /** A step whose AWS call is meant to be refused: the error's wire is what is checked. */
    static void refused(Call call) {
        try {
            call.run();
        } catch (RuntimeException expected) {
            return;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("expected AWS to refuse this call");
    }

    static SandboxServer server;
    static WireRecorder recorder;
    static GenericApplicationContext adapters;
    static SortedMap<SdkCalls.Operation, Set<String>> calledByMainCode;
    static final Map<String, Throwable> scenarioFailures = new LinkedHashMap<>();
    static final List<WireContract.Checked> checked = new ArrayList<>();
    static final List<String> botocoreProblems = new ArrayList<>();
    static String botocoreUnavailable;
    static String botocoreVersion;

    @BeforeAll
    static void driveEveryScenarioThroughARecordingProxy() throws Exception {
        if (Botocore.data().isEmpty()) {
            fail(
                    "CI=true: the wire-contract test must run, but no botocore service models were found ("
                            + Botocore.whereLooked()
                            + "). Install the AWS CLI (pip install awscli) or set MPGOV_BOTOCORE_DATA to a botocore data folder");
        }
        WireContract contract = WireContract.ofBotocore();
        calledByMainCode = SdkCalls.inMainCode();

        sandbox.seedDemo();
        sandbox.knobs().rateLimitsEnabled = false;
        sandbox.knobs().changeSetPreparingMillis = 0;
        sandbox.knobs().changeSetApplyingMillis = 0;
        sandbox.knobs().grantTransitionMillis = 0;
        server = SandboxServer.start("127.0.0.1", 0, sandbox);
        recorder = new WireRecorder(server.baseUri());
        adapters = adapters(recorder);

        for (Scenario scenario : SCENARIOS) {
            try {
                scenario.step().run(adapters.getBeanFactory());
            } catch (Throwable e) {
                scenarioFailures.put(scenario.name(), e);
            }
        }
        for (WireContract.Exchange exchange : recorder.exchanges()) {
            checked.add(contract.check(exchange));
        }
        runBotocore();
        SortedMap<String, List<String>> summary = new TreeMap<>();
        checked.forEach(c -> summary.computeIfAbsent(c.name(), k -> new ArrayList<>())
                .add(c.exchange().status() + (c.errorCode() == null ? "" : " " + c.errorCode())));
        log.info(
                "Wire contract: {} exchanges checked against botocore's models at {} (botocore's parsers: {}): {}",
                checked.size(),
                Botocore.data().orElseThrow(),
                botocoreUnavailable == null ? botocoreVersion : botocoreUnavailable,
                summary);
    }

    /** Every adapter of the main code (the classes that call SDK clients), built by Spring as the application builds it. */
    static GenericApplicationContext adapters(WireRecorder recorder) throws ClassNotFoundException {
        DefaultListableBeanFactory endpoint = new DefaultListableBeanFactory();
        endpoint.registerSingleton("sandbox", new AwsEndpoint(recorder.uri()));
        clients = new AwsClients(
                new AwsProperties("us-east-1", null, Duration.ofSeconds(20), Duration.ofSeconds(10), 2),
                endpoint.getBeanProvider(AwsEndpoint.class));
        GenericApplicationContext context = new GenericApplicationContext();
        AnnotationConfigUtils.registerAnnotationConfigProcessors(context);
        // Spring Boot's conversions, so that settings such as "PT6H" reach a Duration as in the application.
        context.getBeanFactory()
                .setConversionService(new org.springframework.boot.convert.ApplicationConversionService());
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "wire-contract",
                        Map.of(
                                "mpgov.notification.from",
                                FROM,
                                "mpgov.license.calls-per-second",
                                "0",
                                "mpgov.catalog.experience-id",
                                DemoOrganization.EXPERIENCE_ID)));
        context.registerBean(AwsClients.class, () -> clients);
        context.registerBean(AdapterSettings.class);
        Set<String> callers = new TreeSet<>();
        calledByMainCode.values().forEach(callers::addAll);
        // The usage rule calls no SDK client itself but stands on two that do.
        callers.add("io.mpgov.usage.MarketplaceUsageAdapter");
        for (String caller : callers) {
            Class<?> type = Class.forName(caller);
            if (type.isAnnotationPresent(Component.class)) {
                // Lazy: an adapter that needs more than these beans fails only the scenarios that use it.
                context.registerBean(type, definition -> definition.setLazyInit(true));
            }
        }
        context.refresh();
        return context;
    }

    /** The settings records the adapters take, bound from the properties above as the application binds them. */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({
        CatalogSettings.class,
        LicenseSettings.class,
        NotificationSettings.class,
        UsageSettings.class
    })
    static class AdapterSettings {}

    static void runBotocore() throws Exception {
        if (!Botocore.pythonImportsBotocore()) {
            botocoreUnavailable = Botocore.python() + " cannot import botocore (" + Botocore.whereLooked() + ")";
            return;
        }
        JsonNode result = Botocore.parse(checked);
        botocoreVersion =
                result.path("botocore").asText() + " at " + result.path("data").asText();
        result.path("problems").forEach(p -> botocoreProblems.add(p.asText()));
    }

    @AfterAll
    static void stop() {
        if (adapters != null) {
            adapters.close();
        }
        if (recorder != null) {
            recorder.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyScenarioRuns() {
        return SCENARIOS.stream()
                .map(s -> DynamicTest.dynamicTest(s.name(), () -> {
                    if (scenarioFailures.containsKey(s.name())) {
                        throw new AssertionError("scenario failed: " + s.name(), scenarioFailures.get(s.name()));
                    }
                }));
    }

    /** One test per operation: what main code calls, and whatever else the scenarios made the adapters call. */
    @TestFactory
    Stream<DynamicTest> everyOperationKeepsTheWireContract() {
        SortedMap<String, String> operations = new TreeMap<>();
        calledByMainCode.forEach((op, callers) -> operations.put(
                AwsServices.ofSdkPackage(op.sdkPackage())
                                .map(AwsServices::botocoreName)
                                .orElse(op.sdkPackage()) + " " + op.name(),
                String.join(", ", callers)));
        checked.forEach(c -> operations.putIfAbsent(c.name(), "a scenario"));
        return operations.entrySet().stream()
                .map(op -> DynamicTest.dynamicTest(op.getKey(), () -> {
                    List<WireContract.Checked> exchanges = checked.stream()
                            .filter(c -> c.name().equals(op.getKey()))
                            .toList();
                    assertThat(exchanges)
                            .as(
                                    "%s is called by %s, but no scenario drives it: add one to WireContractTest.SCENARIOS"
                                            + " (and a row to AwsServices for a new service)",
                                    op.getKey(), op.getValue())
                            .isNotEmpty();
                    List<String> problems = new ArrayList<>();
                    for (WireContract.Checked c : exchanges) {
                        String call = c.exchange().status() + (c.errorCode() == null ? "" : " " + c.errorCode());
                        c.problems().forEach(p -> problems.add("[" + call + "] " + p));
                    }
                    botocoreProblems.stream()
                            .filter(p -> p.startsWith(op.getKey() + " "))
                            .forEach(problems::add);
                    assertThat(problems)
                            .as("%s against botocore's model (%d exchanges)", op.getKey(), exchanges.size())
                            .isEmpty();
                    assertThat(exchanges)
                            .as("%s answered at least once with success", op.getKey())
                            .anyMatch(c -> c.exchange().status() < 300);
                }));
    }

    /** StartChangeSet is allowed to mpgov's role only for some change types (catalog:ChangeType): those it sends. */
    @Test
    void mpgovsRoleAllowsEveryChangeTypeTheAdaptersSend() throws Exception {
        JsonNode role =
                Botocore.JSON.readTree(PolicyPack.render(Path.of("policies"), Map.of("MAIL_DOMAIN", "corp.example.com"))
                        .get("iam-mpgov-service.json"));
        Set<String> allowed = new TreeSet<>();
        for (JsonNode statement : role.path("Statement")) {
            if (statement.path("Effect").asText().equals("Allow")
                    && IamCoverageTest.strings(statement.path("Action")).stream()
                            .anyMatch(a -> IamCoverageTest.matches(a, "aws-marketplace:StartChangeSet"))) {
                JsonNode types =
                        statement.path("Condition").path("StringEquals").path("catalog:ChangeType");
                allowed.addAll(types.isMissingNode() ? List.of("*") : IamCoverageTest.strings(types));
            }
        }
        Set<String> sent = new TreeSet<>();
        checked.stream()
                .filter(c -> c.name().equals("marketplace-catalog StartChangeSet")
                        && c.exchange().status() < 300)
                .forEach(c -> c.params()
                        .path("ChangeSet")
                        .forEach(change -> sent.add(change.path("ChangeType").asText())));

        assertThat(sent).isNotEmpty();
        assertThat(sent)
                .allSatisfy(type -> assertThat(allowed)
                        .as("catalog:ChangeType values mpgov's role may start")
                        .anyMatch(pattern -> IamCoverageTest.matches(pattern, type)));
    }

    @Test
    void everyServiceTheMainCodeCallsHasItsBotocoreModel() {
        assertThat(calledByMainCode.keySet())
                .allSatisfy(op -> assertThat(AwsServices.ofSdkPackage(op.sdkPackage()))
                        .as("SDK module %s has no row in AwsServices", op.sdkPackage())
                        .isPresent());
    }

    @Test
    void botocoreItselfParsesEveryAnswer() {
        if (botocoreUnavailable != null) {
            if (CI) {
                fail("CI=true: " + botocoreUnavailable);
            }
            assumeTrue(false, "Skipped: " + botocoreUnavailable + "; CI=true makes this a failure.");
        }
        assertThat(checked).isNotEmpty();
        assertThat(botocoreProblems)
                .as("botocore %s", botocoreVersion)
                .filteredOn(p -> checked.stream().noneMatch(c -> p.startsWith(c.name() + " ")))
                .isEmpty();
    }
}
