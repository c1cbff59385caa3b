package io.mpgov.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mpgov.support.SandboxServerExtension;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.licensemanager.LicenseManagerClient;
import software.amazon.awssdk.services.licensemanager.model.GrantedLicense;
import software.amazon.awssdk.services.licensemanager.model.ListReceivedLicensesResponse;
import software.amazon.awssdk.services.marketplaceagreement.MarketplaceAgreementClient;
import software.amazon.awssdk.services.marketplaceagreement.model.AgreementViewSummary;
import software.amazon.awssdk.services.marketplaceagreement.model.GetAgreementTermsResponse;
import software.amazon.awssdk.services.marketplacecatalog.MarketplaceCatalogClient;
import software.amazon.awssdk.services.marketplacecatalog.model.Change;
import software.amazon.awssdk.services.marketplacecatalog.model.ChangeStatus;
import software.amazon.awssdk.services.marketplacecatalog.model.DescribeChangeSetResponse;
import software.amazon.awssdk.services.marketplacecatalog.model.DescribeEntityResponse;
import software.amazon.awssdk.services.marketplacecatalog.model.EntitySummary;
import software.amazon.awssdk.services.marketplacecatalog.model.ResourceInUseException;
import software.amazon.awssdk.services.marketplacecatalog.model.ResourceNotFoundException;
import software.amazon.awssdk.services.marketplacecatalog.model.StartChangeSetResponse;
import software.amazon.awssdk.services.marketplacecatalog.model.ThrottlingException;
import software.amazon.awssdk.services.marketplacecatalog.model.ValidationException;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.ParentNotFoundException;
import software.amazon.awssdk.services.organizations.model.TargetNotFoundException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;

/** Every sandbox operation, answered to the real AWS SDK v2 clients as AWS would. */
class SandboxWireTest {

    static final String EXPERIENCE = DemoOrganization.EXPERIENCE_ID;
    static MutableClock clock = new MutableClock();
    static Sandbox sandbox = new Sandbox(clock);

    @RegisterExtension
    static final SandboxServerExtension aws = new SandboxServerExtension(sandbox);

    static MarketplaceCatalogClient catalog;
    static LicenseManagerClient licenses;
    static OrganizationsClient organizations;
    static MarketplaceAgreementClient agreements;
    static SesV2Client ses;

    @BeforeAll
    static void start() {
        catalog = client(MarketplaceCatalogClient.builder(), 1);
        licenses = client(LicenseManagerClient.builder(), 1);
        organizations = client(OrganizationsClient.builder().region(Region.AWS_GLOBAL), 1);
        agreements = client(MarketplaceAgreementClient.builder(), 1);
        ses = client(SesV2Client.builder(), 1);
    }

    static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder, int attempts) {
        return builder.endpointOverride(aws.baseUri())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(
                        c -> c.retryStrategy(RetryMode.STANDARD).retryStrategy(b -> b.maxAttempts(attempts)))
                .build();
    }

    @BeforeEach
    void seed() {
        sandbox.knobs().changeSetPreparingMillis = 2_000;
        sandbox.knobs().changeSetApplyingMillis = 3_000;
    }

    static StartChangeSetResponse allow(String token, String... productIds) {
        return catalog.startChangeSet(r -> r.catalog("AWSMarketplace")
                .clientRequestToken(token)
                .changeSet(productChange("AllowProductProcurement", productIds)));
    }

    static Change productChange(String type, String... productIds) {
        Document.ListBuilder ids = Document.listBuilder();
        for (String id : productIds) {
            ids.addString(id);
        }
        return Change.builder()
                .changeType(type)
                .entity(e -> e.type("Experience@1.0").identifier(EXPERIENCE))
                .detailsDocument(Document.mapBuilder()
                        .putList("Products", p -> p.addMap(m -> m.putDocument("Ids", ids.build())))
                        .build())
                .build();
    }

    static List<String> allowed() {
        return sandbox.read(s -> List.copyOf(s.experiences.get(0).allowedProducts));
    }

    @Nested
    class MarketplaceCatalog {

        @Test
        void changeSetMovesFromPreparingThroughApplyingToSucceededAndAllowsTheProduct() {
            String id = allow("t-1", DemoOrganization.PRODUCT_NOT_YET_ALLOWED).changeSetId();

            assertThat(describe(id).status()).isEqualTo(ChangeStatus.PREPARING);
            clock.advance(Duration.ofSeconds(2));
            assertThat(describe(id).status()).isEqualTo(ChangeStatus.APPLYING);
            assertThat(allowed()).doesNotContain(DemoOrganization.PRODUCT_NOT_YET_ALLOWED);
            clock.advance(Duration.ofSeconds(3));

            DescribeChangeSetResponse done = describe(id);
            assertThat(done.status()).isEqualTo(ChangeStatus.SUCCEEDED);
            assertThat(done.endTime()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
            assertThat(done.changeSet().get(0).errorDetailList()).isEmpty();
            assertThat(allowed()).contains(DemoOrganization.PRODUCT_NOT_YET_ALLOWED);
        }

        @Test
        void denyRemovesTheProduct() {
            String id = catalog.startChangeSet(r -> r.catalog("AWSMarketplace")
                            .changeSet(productChange("DenyProductProcurement", "prod-dtdgobserv001")))
                    .changeSetId();
            clock.advance(Duration.ofSeconds(5));

            assertThat(describe(id).status()).isEqualTo(ChangeStatus.SUCCEEDED);
            assertThat(allowed()).doesNotContain("prod-dtdgobserv001");
        }

        @Test
        void sameClientRequestTokenReturnsTheSameChangeSet() {
            StartChangeSetResponse first = allow("same-token", DemoOrganization.PRODUCT_NOT_YET_ALLOWED);
            StartChangeSetResponse again = allow("same-token", DemoOrganization.PRODUCT_NOT_YET_ALLOWED);

            assertThat(again.changeSetId()).isEqualTo(first.changeSetId());
            assertThat(again.changeSetArn())
                    .isEqualTo(first.changeSetArn())
                    .startsWith("arn:aws:aws-marketplace:us-east-1:111111111111:AWSMarketplace/ChangeSet/");
            assertThat(sandbox.<Integer>read(s -> s.changeSets.size())).isEqualTo(1);
        }

        @Test
        void secondChangeSetOnALockedExperienceIsResourceInUseUntilTheFirstEnds() {
            allow("first", DemoOrganization.PRODUCT_NOT_YET_ALLOWED);

            assertThatThrownBy(() -> allow("second", "prod-tblaucloud001"))
                    .isInstanceOfSatisfying(ResourceInUseException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(423);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceInUseException");
                        assertThat(e.awsErrorDetails().errorMessage()).contains(EXPERIENCE);
                    });
            clock.advance(Duration.ofSeconds(5));
            assertThat(allow("second", "prod-tblaucloud001").changeSetId()).isNotBlank();
        }

        @Test
        void unknownProductFailsTheChangeSetWithEntityNotFoundAndChangesNothing() {
            String id = allow("t-unknown", "prod-doesnotexist1", DemoOrganization.PRODUCT_NOT_YET_ALLOWED)
                    .changeSetId();
            clock.advance(Duration.ofSeconds(5));

            DescribeChangeSetResponse failed = describe(id);
            assertThat(failed.status()).isEqualTo(ChangeStatus.FAILED);
            assertThat(failed.failureCodeAsString()).isEqualTo("CLIENT_ERROR");
            assertThat(failed.changeSet().get(0).errorDetailList())
                    .singleElement()
                    .satisfies(e -> assertThat(e.errorCode()).isEqualTo("ENTITY_NOT_FOUND"));
            assertThat(allowed()).doesNotContain(DemoOrganization.PRODUCT_NOT_YET_ALLOWED);
        }

        @Test
        void injectedChangeSetFailureIsReportedPerChangeOnce() {
            sandbox.knobs().changeSetFailures.put(DemoOrganization.PRODUCT_NOT_YET_ALLOWED, "CALLER_NOT_AUTHORIZED");
            String failed =
                    allow("t-a", DemoOrganization.PRODUCT_NOT_YET_ALLOWED).changeSetId();
            clock.advance(Duration.ofSeconds(5));
            String succeeded =
                    allow("t-b", DemoOrganization.PRODUCT_NOT_YET_ALLOWED).changeSetId();
            clock.advance(Duration.ofSeconds(5));

            assertThat(describe(failed)
                            .changeSet()
                            .get(0)
                            .errorDetailList()
                            .get(0)
                            .errorCode())
                    .isEqualTo("CALLER_NOT_AUTHORIZED");
            assertThat(describe(succeeded).status()).isEqualTo(ChangeStatus.SUCCEEDED);
        }

        @Test
        void moreThanFiftyProductIdsIsAValidationException() {
            String[] ids = IntStream.range(0, 51).mapToObj(i -> "prod-many" + i).toArray(String[]::new);

            assertThatThrownBy(() -> allow("t-51", ids))
                    .isInstanceOfSatisfying(
                            ValidationException.class,
                            e -> assertThat(e.statusCode()).isEqualTo(422));
        }

        @Test
        void unsupportedChangeTypeAndWrongCatalogAreValidationExceptions() {
            assertThatThrownBy(() -> catalog.startChangeSet(r -> r.catalog("AWSMarketplace")
                            .changeSet(productChange("DeleteEverything", "prod-dtdgobserv001"))))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("DeleteEverything");
            assertThatThrownBy(() -> catalog.startChangeSet(r -> r.catalog("Nope")
                            .changeSet(productChange("AllowProductProcurement", "prod-dtdgobserv001"))))
                    .isInstanceOf(ValidationException.class);
        }

        @Test
        void onlyPreparingChangeSetsCanBeCancelled() {
            String id =
                    allow("t-cancel", DemoOrganization.PRODUCT_NOT_YET_ALLOWED).changeSetId();
            catalog.cancelChangeSet(r -> r.catalog("AWSMarketplace").changeSetId(id));
            clock.advance(Duration.ofSeconds(5));

            assertThat(describe(id).status()).isEqualTo(ChangeStatus.CANCELLED);
            assertThat(allowed()).doesNotContain(DemoOrganization.PRODUCT_NOT_YET_ALLOWED);
            String applying = allow("t-applying", DemoOrganization.PRODUCT_NOT_YET_ALLOWED)
                    .changeSetId();
            clock.advance(Duration.ofSeconds(2));
            assertThatThrownBy(() -> catalog.cancelChangeSet(
                            r -> r.catalog("AWSMarketplace").changeSetId(applying)))
                    .isInstanceOf(ResourceInUseException.class);
        }

        @Test
        void unknownChangeSetIsResourceNotFound() {
            assertThatThrownBy(() -> describe("nope"))
                    .isInstanceOfSatisfying(
                            ResourceNotFoundException.class,
                            e -> assertThat(e.statusCode()).isEqualTo(404));
        }

        @Test
        void listChangeSetsPaginatesAndFilters() {
            for (int i = 0; i < 25; i++) {
                allow("t-list-" + i, DemoOrganization.PRODUCT_NOT_YET_ALLOWED);
                clock.advance(Duration.ofSeconds(5));
            }
            var all = catalog.listChangeSetsPaginator(r -> r.catalog("AWSMarketplace")).stream()
                    .toList();
            assertThat(all).hasSize(2);
            assertThat(all.get(0).changeSetSummaryList()).hasSize(20);
            assertThat(all.stream()
                            .mapToInt(p -> p.changeSetSummaryList().size())
                            .sum())
                    .isEqualTo(25);

            var succeeded = catalog.listChangeSets(r -> r.catalog("AWSMarketplace")
                            .filterList(f -> f.name("Status").valueList("SUCCEEDED")))
                    .changeSetSummaryList();
            assertThat(succeeded).allSatisfy(cs -> assertThat(cs.entityIdList()).containsExactly(EXPERIENCE));
        }

        @Test
        void listAndDescribeEntities() {
            List<EntitySummary> experiences = catalog.listEntities(
                            r -> r.catalog("AWSMarketplace").entityType("Experience"))
                    .entitySummaryList();
            assertThat(experiences)
                    .extracting(EntitySummary::entityId)
                    .containsExactly(EXPERIENCE, DemoOrganization.SHARED_SERVICES_EXPERIENCE_ID);

            DescribeEntityResponse pmp =
                    catalog.describeEntity(r -> r.catalog("AWSMarketplace").entityId(EXPERIENCE));
            assertThat(pmp.entityType()).isEqualTo("Experience@1.0");
            // As AWS: the Experience names its procurement policy and lists no product at all.
            assertThat(pmp.detailsDocument().asMap())
                    .containsKeys("Name", "Status", "ProcurementPolicies")
                    .doesNotContainKeys("AllowedProducts", "Products", "Statements", "Audiences", "Principals");
            assertThat(pmp.details()).doesNotContain("prod-");
            assertThatThrownBy(() -> catalog.describeEntity(
                            r -> r.catalog("AWSMarketplace").entityId("exp-none")))
                    .isInstanceOf(ResourceNotFoundException.class);
        }

        @Test
        void theProcurementPolicyHoldsTheProductsAsAllowAndDenyStatements() {
            String policyId = catalog.describeEntity(
                            r -> r.catalog("AWSMarketplace").entityId(EXPERIENCE))
                    .detailsDocument()
                    .asMap()
                    .get("ProcurementPolicies")
                    .asList()
                    .get(0)
                    .asString();
            assertThat(policyId).startsWith("procpolicy-");

            DescribeEntityResponse policy =
                    catalog.describeEntity(r -> r.catalog("AWSMarketplace").entityId(policyId));
            assertThat(policy.entityType()).isEqualTo("ProcurementPolicy@1.0");
            var statements = policy.detailsDocument().asMap().get("Statements").asList();
            assertThat(statements)
                    .extracting(st -> st.asMap().get("Effect").asString())
                    .containsExactly("Allow", "Deny");
            var allow =
                    statements.get(0).asMap().get("Resources").asList().get(0).asMap();
            assertThat(allow.get("Type").asString()).isEqualTo("Product");
            assertThat(allow.get("Ids").asList()).hasSize(6);

            // Deny moves a product from the Allow statement to the Deny statement; Allow moves it back.
            String denied = catalog.startChangeSet(r -> r.catalog("AWSMarketplace")
                            .changeSet(productChange("DenyProductProcurement", "prod-gitlabprem001")))
                    .changeSetId();
            clock.advance(Duration.ofSeconds(6));
            catalog.describeChangeSet(r -> r.catalog("AWSMarketplace").changeSetId(denied));
            var after = catalog.describeEntity(r -> r.catalog("AWSMarketplace").entityId(policyId))
                    .detailsDocument()
                    .asMap()
                    .get("Statements")
                    .asList();
            assertThat(after.get(1)
                            .asMap()
                            .get("Resources")
                            .asList()
                            .get(0)
                            .asMap()
                            .get("Ids")
                            .asList())
                    .extracting(Document::asString)
                    .contains("prod-gitlabprem001");
            assertThat(after.get(0)
                            .asMap()
                            .get("Resources")
                            .asList()
                            .get(0)
                            .asMap()
                            .get("Ids")
                            .asList())
                    .extracting(Document::asString)
                    .doesNotContain("prod-gitlabprem001");
        }

        @Test
        void audiencesAreEntitiesOfTheirOwnNamingTheirExperienceAndPrincipals() {
            List<EntitySummary> audiences = catalog.listEntities(
                            r -> r.catalog("AWSMarketplace").entityType("Audience"))
                    .entitySummaryList();
            assertThat(audiences)
                    .hasSize(2)
                    .allSatisfy(a -> assertThat(a.entityType()).isEqualTo("Audience@1.0"));
            var shared = audiences.stream()
                    .map(a -> catalog.describeEntity(
                                    r -> r.catalog("AWSMarketplace").entityId(a.entityId()))
                            .detailsDocument()
                            .asMap())
                    .filter(d ->
                            d.get("ExperienceId").asString().equals(DemoOrganization.SHARED_SERVICES_EXPERIENCE_ID))
                    .findFirst()
                    .orElseThrow();
            assertThat(shared.get("Principals").asList())
                    .extracting(Document::asString)
                    .containsExactly(DemoOrganization.OU_SHARED);
        }

        @Test
        void aChangeThatRepeatsAProductIdIsRefusedAsAwsDoes() {
            assertThatThrownBy(() -> allow("t-repeat", "prod-pagerduty0001", "prod-pagerduty0001"))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(422);
                        assertThat(e.getMessage()).contains("Values in Ids array must be unique");
                    });
            assertThat(sandbox.<Integer>read(s -> s.changeSets.size())).isZero();
        }

        @Test
        void unknownEntitiesAreNotFound() {
            assertThatThrownBy(() -> catalog.describeEntity(
                            r -> r.catalog("AWSMarketplace").entityId("exp-none")))
                    .isInstanceOf(ResourceNotFoundException.class);
        }

        @Test
        void throttlesAtThePublishedRateAndTheSdkRetriesThrottling() {
            sandbox.knobs().rateLimitsEnabled = true;
            sandbox.knobs().rateLimits.put("DescribeEntity", 2.0);
            try {
                assertThatThrownBy(() -> IntStream.range(0, 10)
                                .forEach(i -> catalog.describeEntity(
                                        r -> r.catalog("AWSMarketplace").entityId(EXPERIENCE))))
                        .isInstanceOfSatisfying(
                                ThrottlingException.class,
                                e -> assertThat(e.statusCode()).isEqualTo(429));
                MarketplaceCatalogClient patient = client(MarketplaceCatalogClient.builder(), 8);
                IntStream.range(0, 4)
                        .forEach(i -> patient.describeEntity(
                                r -> r.catalog("AWSMarketplace").entityId(EXPERIENCE)));
            } finally {
                sandbox.knobs().rateLimits.put("DescribeEntity", 20.0);
            }
        }

        @Test
        void injectedFaultsAnswerWithTheGivenErrorAsOftenAsAsked() {
            Knobs.Fault fault = new Knobs.Fault();
            fault.operation = "ListEntities";
            fault.errorCode = "InternalServiceException";
            fault.setTimes(1);
            sandbox.knobs().faults.add(fault);

            assertThatThrownBy(() -> catalog.listEntities(
                            r -> r.catalog("AWSMarketplace").entityType("Experience")))
                    .satisfies(e -> assertThat(
                                    ((software.amazon.awssdk.awscore.exception.AwsServiceException) e).statusCode())
                            .isEqualTo(500));
            assertThat(catalog.listEntities(r -> r.catalog("AWSMarketplace").entityType("Experience"))
                            .entitySummaryList())
                    .hasSize(2);
        }

        private DescribeChangeSetResponse describe(String id) {
            return catalog.describeChangeSet(r -> r.catalog("AWSMarketplace").changeSetId(id));
        }
    }

    @Nested
    class LicenseManager {

        @Test
        void listsReceivedLicensesPageByPage() {
            ListReceivedLicensesResponse first = licenses.listReceivedLicenses(r -> r.maxResults(4));
            ListReceivedLicensesResponse second =
                    licenses.listReceivedLicenses(r -> r.maxResults(4).nextToken(first.nextToken()));

            assertThat(first.licenses()).hasSize(4);
            assertThat(second.licenses()).hasSize(3);
            assertThat(second.nextToken()).isNull();
            GrantedLicense crowdstrike = first.licenses().stream()
                    .filter(l -> l.productSKU().equals("prod-crwdfalcon001"))
                    .findFirst()
                    .orElseThrow();
            assertThat(crowdstrike.licenseArn()).startsWith("arn:aws:license-manager::");
            assertThat(crowdstrike.issuer().name()).isEqualTo("AWS/Marketplace");
            assertThat(Instant.parse(crowdstrike.validity().end())).isAfter(clock.instant());
        }

        @Test
        void filtersByProductSku() {
            assertThat(licenses.listReceivedLicenses(
                                    r -> r.filters(f -> f.name("ProductSKU").values("prod-splkenterp001")))
                            .licenses())
                    .extracting(GrantedLicense::productName)
                    .containsExactly("Splunk Enterprise");
        }
    }

    @Nested
    class LicenseGrants {

        String license() {
            // NGINX Plus: an AMI product, whose license can be shared (Datadog, a SaaS product, cannot).
            return licenses.listReceivedLicenses(
                            r -> r.filters(f -> f.name("ProductSKU").values("prod-ngnxplusami01")))
                    .licenses()
                    .get(0)
                    .licenseArn();
        }

        software.amazon.awssdk.services.licensemanager.model.CreateGrantResponse grant(String token, String account) {
            return licenses.createGrant(r -> r.clientToken(token)
                    .grantName("mpgov")
                    .licenseArn(license())
                    .principals("arn:aws:iam::" + account + ":root")
                    .homeRegion("us-east-1")
                    .allowedOperationsWithStrings("CheckoutLicense", "CheckInLicense", "ListPurchasedLicenses"));
        }

        String status(String grantArn) {
            return licenses.getGrant(r -> r.grantArn(grantArn)).grant().grantStatusAsString();
        }

        @Test
        void aGrantIsCreatedPendingAndBecomesActiveSomeTimeAfterActivation() {
            var created = grant("tok-1", "310987654321");
            assertThat(created.statusAsString()).isEqualTo("PENDING_WORKFLOW");
            assertThat(created.version()).isEqualTo("1");

            var activated = licenses.createGrantVersion(r ->
                    r.clientToken("tok-1-activate").grantArn(created.grantArn()).status("ACTIVE"));
            assertThat(activated.version()).isEqualTo("2");
            assertThat(status(created.grantArn())).isEqualTo("PENDING_WORKFLOW");
            clock.advance(Duration.ofSeconds(2));

            assertThat(status(created.grantArn())).isEqualTo("ACTIVE");
            assertThat(licenses.getGrant(r -> r.grantArn(created.grantArn()))
                            .grant()
                            .granteePrincipalArn())
                    .isEqualTo("arn:aws:iam::310987654321:root");
        }

        @Test
        void clientTokensMakeCreateAndActivateIdempotent() {
            var first = grant("tok-same", "310987654321");
            var again = grant("tok-same", "310987654321");
            licenses.createGrantVersion(
                    r -> r.clientToken("act-same").grantArn(first.grantArn()).status("ACTIVE"));
            var activatedAgain = licenses.createGrantVersion(
                    r -> r.clientToken("act-same").grantArn(first.grantArn()).status("ACTIVE"));

            assertThat(again.grantArn()).isEqualTo(first.grantArn());
            assertThat(activatedAgain.version()).isEqualTo("2");
            assertThat(sandbox.<Integer>read(s -> s.grants.size())).isEqualTo(1);
        }

        @Test
        void aSecondGrantOfTheSameLicenseToTheSameAccountIsAValidationException() {
            grant("tok-a", "310987654321");

            assertThatThrownBy(() -> grant("tok-b", "310987654321"))
                    .isInstanceOfSatisfying(
                            software.amazon.awssdk.services.licensemanager.model.ValidationException.class,
                            e -> assertThat(e.getMessage()).contains("exists already"));
            assertThatThrownBy(() -> grant("tok-c", "not-an-account"))
                    .isInstanceOf(software.amazon.awssdk.services.licensemanager.model.ValidationException.class);
        }

        @Test
        void deletingNeedsTheCurrentVersionAndTakesEffectLater() {
            var created = grant("tok-del", "310987654322");

            assertThatThrownBy(() -> licenses.deleteGrant(
                            r -> r.grantArn(created.grantArn()).version("7")))
                    .isInstanceOf(software.amazon.awssdk.services.licensemanager.model.ValidationException.class);
            assertThat(licenses.deleteGrant(r -> r.grantArn(created.grantArn()).version("1"))
                            .statusAsString())
                    .isEqualTo("PENDING_DELETE");
            assertThatThrownBy(() -> grant("tok-del-2", "310987654322"))
                    .as("still there until deleted")
                    .isInstanceOf(software.amazon.awssdk.services.licensemanager.model.ValidationException.class);
            clock.advance(Duration.ofSeconds(2));

            assertThat(status(created.grantArn())).isEqualTo("DELETED");
            assertThat(grant("tok-del-2", "310987654322").statusAsString()).isEqualTo("PENDING_WORKFLOW");
        }

        @Test
        void listsDistributedGrantsByFilterAndPage() {
            grant("tok-l1", "310987654321");
            grant("tok-l2", "310987654322");
            grant("tok-l3", "410987654321");

            var page = licenses.listDistributedGrants(
                    r -> r.maxResults(2).filters(f -> f.name("LicenseArn").values(license())));
            assertThat(page.grants()).hasSize(2);
            assertThat(licenses.listDistributedGrants(r -> r.maxResults(2).nextToken(page.nextToken()))
                            .grants())
                    .hasSize(1);
            assertThat(licenses.listDistributedGrants(r -> r.filters(
                                    f -> f.name("GranteePrincipalARN").values("arn:aws:iam::410987654321:root")))
                            .grants())
                    .hasSize(1);
            assertThat(licenses.listDistributedGrants(
                                    r -> r.filters(f -> f.name("GrantStatus").values("ACTIVE")))
                            .grants())
                    .isEmpty();
            assertThat(licenses.listReceivedGrantsForOrganization(r -> r.licenseArn(license()))
                            .grants())
                    .hasSize(3);
            assertThat(licenses.listReceivedGrants(r -> {}).grants())
                    .as("none granted to the management account")
                    .isEmpty();
        }

        @Test
        void throttlesWritesAndAClientThatRetriesRateLimitsGetsThrough() {
            sandbox.knobs().rateLimitsEnabled = true;
            sandbox.knobs().rateLimits.put("CreateGrant", 2.0);
            try {
                assertThatThrownBy(() ->
                                IntStream.range(0, 6).forEach(i -> grant("tok-rl-" + i, "3109876543" + (10 + i))))
                        .isInstanceOfSatisfying(
                                software.amazon.awssdk.services.licensemanager.model.RateLimitExceededException.class,
                                e -> assertThat(e.statusCode()).isEqualTo(400));
                LicenseManagerClient patient = LicenseManagerClient.builder()
                        .endpointOverride(aws.baseUri())
                        .region(Region.US_EAST_1)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                        .overrideConfiguration(c -> c.retryStrategy(
                                software.amazon.awssdk.awscore.retry.AwsRetryStrategy.standardRetryStrategy()
                                        .toBuilder()
                                        .maxAttempts(10)
                                        .retryOnExceptionInstanceOf(
                                                software.amazon.awssdk.services.licensemanager.model
                                                        .RateLimitExceededException.class)
                                        .build()))
                        .build();
                IntStream.range(0, 4)
                        .forEach(i -> patient.createGrant(r -> r.clientToken("tok-patient-" + i)
                                .grantName("mpgov")
                                .licenseArn(license())
                                .principals("arn:aws:iam::4109876543" + (10 + i) + ":root")
                                .homeRegion("us-east-1")
                                .allowedOperationsWithStrings("CheckoutLicense")));
            } finally {
                sandbox.knobs().rateLimits.put("CreateGrant", 20.0);
            }
        }

        @Test
        void aFaultThatHoldsTheAnswerIsATimeoutForTheClient() {
            Knobs.Fault slow = new Knobs.Fault();
            slow.operation = "GetGrant";
            slow.delayMillis = 800;
            slow.setTimes(1);
            sandbox.knobs().faults.add(slow);
            var created = grant("tok-slow", "310987654321");
            LicenseManagerClient impatient = LicenseManagerClient.builder()
                    .endpointOverride(aws.baseUri())
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                    .overrideConfiguration(
                            c -> c.apiCallAttemptTimeout(Duration.ofMillis(300)).retryStrategy(b -> b.maxAttempts(1)))
                    .build();

            assertThatThrownBy(() -> impatient.getGrant(r -> r.grantArn(created.grantArn())))
                    .isInstanceOf(software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException.class);
        }

        @Test
        void aHoldLetsTheFirstGrantWritesThroughAndAnswersTheOthersOnlyOnceItIsReleased() throws Exception {
            Knobs.Hold hold = sandbox.knobs().hold;
            hold.engage(Set.of("CreateGrant", "CreateGrantVersion"), 1, 30_000);
            grant("tok-hold-0", "410987654320");
            // three writers at once: the common pool may have a single thread on a small machine
            ExecutorService writers = Executors.newFixedThreadPool(3);
            List<CompletableFuture<software.amazon.awssdk.services.licensemanager.model.CreateGrantResponse>> held =
                    IntStream.rangeClosed(1, 3)
                            .mapToObj(i -> CompletableFuture.supplyAsync(
                                    () -> grant("tok-hold-" + i, "41098765432" + i), writers))
                            .toList();
            writers.shutdown();

            await().atMost(Duration.ofSeconds(10)).until(() -> hold.getWaiting() == 3);
            assertThat(held).noneMatch(CompletableFuture::isDone);
            assertThat(grantsWithTokenPrefix("tok-hold-"))
                    .as("held writes are not applied yet")
                    .isEqualTo(1);
            assertThat(licenses.listDistributedGrants(r -> {}).grants())
                    .as("reads are not held")
                    .isNotEmpty();

            hold.release();
            for (var call : held) {
                assertThat(call.get(10, TimeUnit.SECONDS).statusAsString()).isEqualTo("PENDING_WORKFLOW");
            }
            assertThat(grantsWithTokenPrefix("tok-hold-")).isEqualTo(4);
            assertThat(hold.getWaiting()).isZero();
            assertThat(hold.getPassed()).isEqualTo(1);
        }

        @Test
        void aHeldCallThatIsNeverReleasedIsAnsweredAfterItsTimeout() {
            Knobs.Hold hold = sandbox.knobs().hold;
            hold.engage(Set.of("CreateGrant"), 0, 300);
            long start = System.nanoTime();

            var created = grant("tok-hold-timeout", "410987654329");

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            assertThat(created.statusAsString()).isEqualTo("PENDING_WORKFLOW");
            assertThat(hold.getWaiting()).isZero();
        }

        private long grantsWithTokenPrefix(String prefix) {
            return sandbox.read(s -> s.grants.stream()
                    .filter(g -> g.clientTokens.stream().anyMatch(t -> t.startsWith(prefix)))
                    .count());
        }
    }

    @Nested
    class OrganizationsAdmin {

        @Test
        void accountsCanBeAddedSuspendedAndRetaggedAndOrganizationsSaysSo() throws Exception {
            var added = sandbox.addAccount(new Sandbox.NewAccount(
                    null,
                    "tech-new-team",
                    DemoOrganization.OU_TECHNOLOGY,
                    java.util.Map.of("licence-group", "platform")));
            sandbox.setAccountState("310987654322", "SUSPENDED");
            sandbox.setTags("310987654321", java.util.Map.of("licence-group", "data"));

            assertThat(organizations
                            .listAccountsForParent(r -> r.parentId(DemoOrganization.OU_TECHNOLOGY))
                            .accounts())
                    .anySatisfy(a -> assertThat(a.id()).isEqualTo(added.id));
            assertThat(organizations.listAccountsPaginator(r -> {}).stream()
                            .flatMap(p -> p.accounts().stream())
                            .filter(a -> a.id().equals("310987654322"))
                            .findFirst()
                            .orElseThrow()
                            .stateAsString())
                    .isEqualTo("SUSPENDED");
            assertThat(organizations
                            .listTagsForResource(r -> r.resourceId("310987654321"))
                            .tags())
                    .singleElement()
                    .satisfies(t -> assertThat(t.value()).isEqualTo("data"));
        }
    }

    @Nested
    class Organizations {

        @Test
        void describesTheTreeOfRootsOusAndAccounts() {
            String root = organizations.listRoots(r -> {}).roots().get(0).id();
            var ous = organizations
                    .listOrganizationalUnitsForParent(r -> r.parentId(root))
                    .organizationalUnits();
            List<Account> accounts = organizations.listAccountsPaginator(r -> {}).stream()
                    .flatMap(p -> p.accounts().stream())
                    .toList();

            assertThat(organizations.describeOrganization().organization().masterAccountId())
                    .isEqualTo("111111111111");
            assertThat(ous).hasSizeGreaterThanOrEqualTo(3);
            assertThat(accounts)
                    .hasSizeGreaterThanOrEqualTo(13)
                    .anySatisfy(a -> assertThat(a.stateAsString()).isEqualTo("SUSPENDED"));
            assertThat(accounts.get(1).joinedTimestamp()).isBefore(clock.instant());
            assertThat(organizations
                            .listAccountsForParent(r -> r.parentId(DemoOrganization.OU_RETAIL))
                            .accounts())
                    .extracting(Account::id)
                    .allMatch(id -> id.startsWith("3"));
        }

        @Test
        void listsAccountTags() {
            assertThat(organizations
                            .listTagsForResource(r -> r.resourceId("310987654321"))
                            .tags())
                    .anySatisfy(t -> assertThat(t.key() + "=" + t.value()).isEqualTo("licence-group=observability"));
        }

        @Test
        void malformedIdsAreInvalidInputAndOusHaveTags() {
            assertThatThrownBy(() -> organizations.listAccountsForParent(r -> r.parentId("retail")))
                    .isInstanceOf(software.amazon.awssdk.services.organizations.model.InvalidInputException.class);
            assertThatThrownBy(() -> organizations.listTagsForResource(r -> r.resourceId("acct-310987654321")))
                    .isInstanceOf(software.amazon.awssdk.services.organizations.model.InvalidInputException.class);
            assertThat(organizations
                            .listTagsForResource(r -> r.resourceId(DemoOrganization.OU_RETAIL))
                            .tags())
                    .isEmpty();
            assertThatThrownBy(() -> organizations.listTagsForResource(r -> r.resourceId("ou-mp01-00000000")))
                    .isInstanceOf(TargetNotFoundException.class);
        }

        @Test
        void unknownParentsAndTargetsAreTheirOwnErrors() {
            assertThatThrownBy(() -> organizations.listAccountsForParent(r -> r.parentId("ou-none-00000000")))
                    .isInstanceOf(ParentNotFoundException.class);
            assertThatThrownBy(() -> organizations.listTagsForResource(r -> r.resourceId("999999999999")))
                    .isInstanceOf(TargetNotFoundException.class);
        }

        @Test
        void describesOneAccountAndNamesAStrangerAsNotFound() {
            Account suspended = organizations
                    .describeAccount(r -> r.accountId("510987654321"))
                    .account();
            assertThat(suspended.stateAsString()).isEqualTo("SUSPENDED");
            assertThat(suspended.arn()).endsWith("/510987654321");
            assertThatThrownBy(() -> organizations.describeAccount(r -> r.accountId("999999999999")))
                    .isInstanceOf(software.amazon.awssdk.services.organizations.model.AccountNotFoundException.class);
            assertThatThrownBy(() -> organizations.describeAccount(r -> r.accountId("12")))
                    .isInstanceOf(software.amazon.awssdk.services.organizations.model.InvalidInputException.class);
        }
    }

    @Nested
    class MarketplaceAgreement {

        @Test
        void searchesAgreementsAsAcceptorWithEndDatesOneToFourteenMonthsOut() {
            List<AgreementViewSummary> found = agreements
                    .searchAgreementsPaginator(r -> r.catalog("AWSMarketplace")
                            .filters(
                                    f -> f.name("PartyType").values("Acceptor"),
                                    f -> f.name("AgreementType").values("PurchaseAgreement")))
                    .stream()
                    .flatMap(p -> p.agreementViewSummaries().stream())
                    .toList();

            assertThat(found)
                    .extracting(a -> ChronoUnit.DAYS.between(clock.instant(), a.endTime()))
                    .anySatisfy(d -> assertThat(d).isBetween(28L, 31L))
                    .anySatisfy(d -> assertThat(d).isBetween(74L, 78L))
                    .anySatisfy(d -> assertThat(d).isBetween(150L, 153L))
                    .anySatisfy(d -> assertThat(d).isBetween(424L, 428L));
            assertThat(found.get(0).proposalSummary().offerId()).startsWith("offer-");
        }

        @Test
        void describesAnAgreementAndItsTerms() {
            String id = "agmt-crwdfalcon2025priv0001";
            GetAgreementTermsResponse terms = agreements.getAgreementTerms(r -> r.agreementId(id));

            assertThat(agreements
                            .describeAgreement(r -> r.agreementId(id))
                            .proposalSummary()
                            .resources()
                            .get(0)
                            .id())
                    .isEqualTo("prod-crwdfalcon001");
            assertThat(terms.acceptedTerms())
                    .filteredOn(t -> t.validityTerm() != null)
                    .singleElement()
                    .satisfies(
                            t -> assertThat(t.validityTerm().agreementEndDate()).isAfter(clock.instant()));
            assertThat(terms.acceptedTerms())
                    .filteredOn(t -> t.renewalTerm() != null)
                    .singleElement()
                    .satisfies(t -> assertThat(t.renewalTerm().configuration().enableAutoRenew())
                            .isFalse());
            assertThatThrownBy(() -> agreements.describeAgreement(r -> r.agreementId("agmt-none")))
                    .isInstanceOf(
                            software.amazon.awssdk.services.marketplaceagreement.model.ResourceNotFoundException.class);
        }

        @Test
        void refusesWhatTheModelRefusesAFilterWithTwoValuesAndAMalformedId() {
            assertThatThrownBy(() -> agreements.searchAgreements(r -> r.catalog("AWSMarketplace")
                            .filters(f -> f.name("Status").values("ACTIVE", "EXPIRED"))))
                    .isInstanceOf(software.amazon.awssdk.services.marketplaceagreement.model.ValidationException.class);
            assertThatThrownBy(() -> agreements.describeAgreement(r -> r.agreementId("agmt 1")))
                    .isInstanceOf(software.amazon.awssdk.services.marketplaceagreement.model.ValidationException.class);
        }
    }

    @Nested
    class Ses {

        @Test
        void keepsSentMailAndRejectsUnverifiedSenders() {
            String id = ses.sendEmail(r -> r.fromEmailAddress("mpgov@demo.mpgov.example")
                            .destination(d -> d.toAddresses("requester@demo.mpgov.example"))
                            .content(c -> c.simple(
                                    m -> m.subject(s -> s.data("Hello")).body(b -> b.text(t -> t.data("Body"))))))
                    .messageId();

            assertThat(id).isNotBlank();
            assertThat(sandbox.<List<SandboxState.Email>>read(s -> List.copyOf(s.emails)))
                    .singleElement()
                    .satisfies(mail -> {
                        assertThat(mail.to()).containsExactly("requester@demo.mpgov.example");
                        assertThat(mail.subject()).isEqualTo("Hello");
                    });
            assertThatThrownBy(() -> ses.sendEmail(r -> r.fromEmailAddress("boss@elsewhere.example")
                            .destination(d -> d.toAddresses("x@demo.mpgov.example"))
                            .content(c ->
                                    c.simple(m -> m.subject(s -> s.data("s")).body(b -> b.text(t -> t.data("b")))))))
                    .isInstanceOf(MessageRejectedException.class);
        }
    }

    @Nested
    class Admin {

        final HttpClient http = HttpClient.newHttpClient();

        @Test
        void unsignedAwsCallsAreRefusedAndTheStateIsDumpedAsJson() throws Exception {
            HttpResponse<String> unsigned = http.send(
                    HttpRequest.newBuilder(aws.baseUri().resolve("/ListEntities"))
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> state = http.send(
                    HttpRequest.newBuilder(aws.baseUri().resolve("/_sandbox/state"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(unsigned.statusCode()).isEqualTo(403);
            assertThat(unsigned.headers().firstValue("x-amzn-ErrorType"))
                    .hasValue("MissingAuthenticationTokenException");
            assertThat(state.statusCode()).isEqualTo(200);
            assertThat(state.body())
                    .contains(
                            "\"experiences\"",
                            "\"allowedProducts\"",
                            "\"changeSets\"",
                            "\"grants\"",
                            "\"accounts\"",
                            "\"agreements\"",
                            "\"emails\"");
        }

        @Test
        void resetEmptiesAndSeedRestoresTheDemoOrganization() throws Exception {
            post("/_sandbox/reset");
            assertThat(sandbox.<List<SandboxState.Account>>read(s -> List.copyOf(s.accounts)))
                    .isEmpty();
            post("/_sandbox/seed");
            assertThat(sandbox.<List<SandboxState.Account>>read(s -> List.copyOf(s.accounts)))
                    .hasSizeGreaterThanOrEqualTo(13);
        }

        @Test
        void knobsChangeTheChangeSetLifecycle() throws Exception {
            http.send(
                    HttpRequest.newBuilder(aws.baseUri().resolve("/_sandbox/knobs"))
                            .header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString(
                                    "{\"changeSetPreparingMillis\":0,\"changeSetApplyingMillis\":0}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String id =
                    allow("t-knobs", DemoOrganization.PRODUCT_NOT_YET_ALLOWED).changeSetId();

            assertThat(catalog.describeChangeSet(
                                    r -> r.catalog("AWSMarketplace").changeSetId(id))
                            .status())
                    .isEqualTo(ChangeStatus.SUCCEEDED);
        }

        @Test
        void holdsAreEngagedAndReleasedOverHttp() throws Exception {
            HttpResponse<String> engaged = http.send(
                    HttpRequest.newBuilder(aws.baseUri().resolve("/_sandbox/holds"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"operations\":[\"CreateGrant\"],\"after\":5,\"timeoutMillis\":1000}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(engaged.statusCode()).isEqualTo(201);
            assertThat(engaged.body()).contains("\"operations\":[\"CreateGrant\"]", "\"after\":5", "\"waiting\":0");

            HttpResponse<String> released = http.send(
                    HttpRequest.newBuilder(aws.baseUri().resolve("/_sandbox/holds"))
                            .DELETE()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(released.statusCode()).isEqualTo(200);
            assertThat(sandbox.knobs().hold.getOperations()).isEmpty();

            HttpResponse<String> unbounded = http.send(
                    HttpRequest.newBuilder(aws.baseUri().resolve("/_sandbox/holds"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"operations\":[\"CreateGrant\"],\"timeoutMillis\":0}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(unbounded.statusCode())
                    .as("a hold without a timeout is refused")
                    .isEqualTo(400);
        }

        @Test
        void stateSurvivesASaveAndLoad(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
            allow("t-saved", DemoOrganization.PRODUCT_NOT_YET_ALLOWED);
            java.nio.file.Path file = dir.resolve("state.json");
            sandbox.save(file);
            Sandbox restarted = new Sandbox(clock);
            restarted.load(file);

            assertThat(restarted.<List<String>>read(s -> s.changeSets.stream()
                            .map(cs -> cs.clientRequestToken)
                            .toList()))
                    .containsExactly("t-saved");
            clock.advance(Duration.ofSeconds(5));
            assertThat(restarted.<List<String>>read(s -> List.copyOf(s.experiences.get(0).allowedProducts)))
                    .contains(DemoOrganization.PRODUCT_NOT_YET_ALLOWED);
        }

        @Test
        void aRequestForAnotherHostIsRefusedAsDnsRebindingWouldSendIt() throws Exception {
            String refused = raw("GET /_sandbox/state HTTP/1.1\r\nHost: rebind.evil.example:"
                    + aws.baseUri().getPort() + "\r\n\r\n");

            assertThat(refused)
                    .startsWith("HTTP/1.1 403")
                    .containsIgnoringCase("x-amzn-ErrorType: AccessDeniedException")
                    .contains("\"__type\":\"AccessDeniedException\"", "not for Host rebind.evil.example")
                    .doesNotContain("\"experiences\"");
            assertThat(raw("GET /_sandbox/calls HTTP/1.1\r\n\r\n"))
                    .as("no Host at all")
                    .startsWith("HTTP/1.1 403");
            for (String loopback : new String[] {"localhost", "LOCALHOST:4566", "127.0.0.1:1", "[::1]", "[::1]:4566"}) {
                assertThat(raw("GET /_sandbox/calls HTTP/1.1\r\nHost: " + loopback + "\r\n\r\n"))
                        .as(loopback)
                        .startsWith("HTTP/1.1 200");
            }
        }

        @Test
        void aCrossSiteFormOrTextPostIsRefusedAndChangesNothing() throws Exception {
            long knobsBefore = sandbox.knobs().changeSetPreparingMillis;
            String[][] simpleRequests = {
                {"/_sandbox/reset", "text/plain", "{}"},
                {"/_sandbox/reset", "application/x-www-form-urlencoded", "a=b"},
                {"/_sandbox/reset", "multipart/form-data; boundary=x", "--x--"},
                {"/_sandbox/reset", null, "{}"},
                {"/_sandbox/knobs", "text/plain;charset=UTF-8", "{\"changeSetPreparingMillis\":1}"}
            };

            for (String[] request : simpleRequests) {
                HttpRequest.Builder builder = HttpRequest.newBuilder(
                                aws.baseUri().resolve(request[0]))
                        .method(
                                request[0].endsWith("knobs") ? "PUT" : "POST",
                                HttpRequest.BodyPublishers.ofString(request[2]));
                if (request[1] != null) {
                    builder.header("Content-Type", request[1]);
                }
                HttpResponse<String> refused = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
                assertThat(refused.statusCode()).as(request[1]).isEqualTo(415);
                assertThat(refused.body()).contains("UnsupportedMediaTypeException", "JSON bodies only");
            }
            HttpResponse<String> fromAPage = http.send(
                    HttpRequest.newBuilder(aws.baseUri().resolve("/_sandbox/reset"))
                            .header("Origin", "https://evil.example")
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(fromAPage.statusCode())
                    .as("a no-cors fetch without a body")
                    .isEqualTo(403);

            assertThat(sandbox.<List<SandboxState.Account>>read(s -> List.copyOf(s.accounts)))
                    .hasSizeGreaterThanOrEqualTo(13);
            assertThat(sandbox.knobs().changeSetPreparingMillis).isEqualTo(knobsBefore);
            assertThat(http.send(
                                    HttpRequest.newBuilder(aws.baseUri().resolve("/_sandbox/reset"))
                                            .header("Content-Type", "application/json")
                                            .header("Origin", "http://localhost:8080")
                                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .as("JSON from a page on this machine")
                    .isEqualTo(200);
        }

        /** One HTTP exchange as written, for headers the JDK client will not send (Host). */
        private String raw(String request) throws Exception {
            try (java.net.Socket socket =
                    new java.net.Socket(aws.baseUri().getHost(), aws.baseUri().getPort())) {
                socket.getOutputStream()
                        .write(request.replace("\r\n\r\n", "\r\nConnection: close\r\n\r\n")
                                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        }

        private void post(String path) throws Exception {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(aws.baseUri().resolve(path))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
        }
    }
}
