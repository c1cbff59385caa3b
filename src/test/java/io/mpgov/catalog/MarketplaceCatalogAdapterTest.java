package io.mpgov.catalog;

import static io.mpgov.sandbox.DemoOrganization.EXPERIENCE_ID;
import static io.mpgov.sandbox.DemoOrganization.SHARED_SERVICES_EXPERIENCE_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.mpgov.aws.AwsClients;
import io.mpgov.sandbox.DemoOrganization;
import io.mpgov.sandbox.Sandbox;
import io.mpgov.support.SandboxClients;
import io.mpgov.support.SandboxServerExtension;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.marketplacecatalog.MarketplaceCatalogClient;
import software.amazon.awssdk.services.marketplacecatalog.model.DescribeEntityRequest;
import software.amazon.awssdk.services.marketplacecatalog.model.DescribeEntityResponse;

/** The Marketplace Catalog adapter through the real SDK against the sandbox, which answers AWS's shapes. */
class MarketplaceCatalogAdapterTest {

    static Sandbox sandbox = new Sandbox(Clock.systemUTC());

    @RegisterExtension
    static final SandboxServerExtension aws = new SandboxServerExtension(sandbox);

    static CatalogSettings settings = CatalogSettings.defaults()
            .withExperienceId(EXPERIENCE_ID)
            .withExperienceIds(List.of(SHARED_SERVICES_EXPERIENCE_ID));
    static MarketplaceCatalogAdapter catalog;

    @BeforeAll
    static void start() {
        // The platform says eu-west-1 (as an AWS_REGION injected by ECS/EKS would): the catalog stays in us-east-1.
        catalog = new MarketplaceCatalogAdapter(clients("eu-west-1"), settings);
    }

    static AwsClients clients(String region) {
        return SandboxClients.at(aws.baseUri(), region, 3);
    }

    @Test
    void readsTheProductsFromTheProcurementPolicysAllowStatementsLessItsDenyStatements() {
        assertThat(catalog.allowedProducts())
                .containsExactlyElementsOf(sandbox.read(
                        s -> s.allowed(EXPERIENCE_ID).stream().sorted().toList()));
        assertThat(catalog.allowedProducts()).hasSize(6).doesNotContain("prod-tblaucloud001");
        assertThat(catalog.allowedProducts(SHARED_SERVICES_EXPERIENCE_ID))
                .containsExactly("prod-dtdgobserv001", "prod-trndmicro0001");
    }

    @Test
    void followsThePolicyWhereverItChanges() {
        sandbox.read(s -> {
            s.experience(EXPERIENCE_ID).allowedProducts.add("prod-pagerduty0001");
            s.experience(EXPERIENCE_ID).deniedProducts.add("prod-dtdgobserv001");
            return null;
        });
        assertThat(catalog.allowedProducts()).contains("prod-pagerduty0001").doesNotContain("prod-dtdgobserv001");
    }

    @Test
    void anExperienceWithoutProductsIsAnEmptyListNotAnError() {
        sandbox.read(s -> {
            s.experience(EXPERIENCE_ID).allowedProducts.clear();
            return null;
        });
        assertThat(catalog.allowedProducts()).isEmpty();
    }

    @Test
    void readsEveryGovernedExperienceWithItsAudience() {
        assertThat(catalog.experiences())
                .containsExactly(
                        new PmpExperience(
                                EXPERIENCE_ID,
                                "mpgov demo Private Marketplace",
                                "Enabled",
                                List.of(DemoOrganization.ROOT_ID)),
                        new PmpExperience(
                                SHARED_SERVICES_EXPERIENCE_ID,
                                "Shared Services Private Marketplace",
                                "Enabled",
                                List.of(DemoOrganization.OU_SHARED)));
    }

    @Test
    void changesTheExperienceTheChangeNames() {
        String id = catalog.startProductChange(new ProductChange(
                SHARED_SERVICES_EXPERIENCE_ID,
                ProductChange.Type.ALLOW,
                List.of("prod-pagerduty0001"),
                "test",
                "t-shared"));
        assertThat(sandbox.<String>read(s -> s.changeSets.get(0).changes.get(0).entityId))
                .isEqualTo(SHARED_SERVICES_EXPERIENCE_ID);
        assertThat(catalog.describeChangeSet(id).changeSetId()).isEqualTo(id);
    }

    @Test
    void neverSendsAProductTwiceInOneChange() {
        catalog.startProductChange(new ProductChange(
                ProductChange.Type.ALLOW,
                List.of(
                        new ProductChange.Products(List.of("prod-pagerduty0001", "prod-pagerduty0001"), "first"),
                        new ProductChange.Products(List.of("prod-pagerduty0001", "prod-grafnaentp001"), "second")),
                "t-twice"));
        assertThat(sandbox.<String>read(s -> String.valueOf(
                        s.changeSets.get(0).changes.get(0).details.get("Products"))))
                .isEqualTo("[{Ids=[prod-pagerduty0001], Notes=first}, {Ids=[prod-grafnaentp001], Notes=second}]");
    }

    @Test
    void theCatalogClientIsInUsEast1WhateverTheConfiguredRegion() {
        assertThat(catalog.client.serviceClientConfiguration().region()).isEqualTo(Region.US_EAST_1);
        assertThat(clients("eu-west-1")
                        .build(MarketplaceCatalogClient.builder())
                        .serviceClientConfiguration()
                        .region())
                .as("without the pin a client follows the configured region")
                .isEqualTo(Region.EU_WEST_1);
    }

    @Test
    void requestsAreSignedForUsEast1WhateverTheConfiguredRegion() {
        java.util.List<String> scopes = new java.util.concurrent.CopyOnWriteArrayList<>();
        software.amazon.awssdk.core.interceptor.ExecutionInterceptor seen =
                new software.amazon.awssdk.core.interceptor.ExecutionInterceptor() {
                    @Override
                    public void beforeTransmission(
                            software.amazon.awssdk.core.interceptor.Context.BeforeTransmission context,
                            software.amazon.awssdk.core.interceptor.ExecutionAttributes attributes) {
                        context.httpRequest()
                                .firstMatchingHeader("Authorization")
                                .ifPresent(scopes::add);
                    }
                };
        MarketplaceCatalogClient client = clients("eu-west-1")
                .buildInMarketplaceRegion(
                        MarketplaceCatalogClient.builder().overrideConfiguration(c -> c.addExecutionInterceptor(seen)));

        new MarketplaceCatalogAdapter(client, settings).allowedProducts();

        assertThat(scopes)
                .isNotEmpty()
                .allSatisfy(header -> assertThat(header).contains("/us-east-1/aws-marketplace/aws4_request"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"Name\":\"x\",\"Status\":\"Enabled\"}",
                "{\"Name\":\"x\",\"AllowedProducts\":[{\"ProductId\":\"prod-a\"}]}",
                "{\"ProcurementPolicies\":\"procpolicy-1\"}",
                "{\"ProcurementPolicies\":[]}",
                "[]"
            })
    void anExperienceOfAnotherShapeFailsLoudlyInsteadOfLookingEmpty(String details) {
        MarketplaceCatalogClient client = mock(MarketplaceCatalogClient.class);
        when(client.describeEntity(any(Consumer.class)))
                .thenReturn(DescribeEntityResponse.builder()
                        .entityType("Experience@1.0")
                        .details(details)
                        .build());
        assertThatThrownBy(() -> new MarketplaceCatalogAdapter(client, settings).allowedProducts())
                .isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"Name\":\"p\"}",
                "{\"Statements\":{}}",
                "{\"Statements\":[{\"Effect\":\"Maybe\",\"Resources\":[]}]}",
                "{\"Statements\":[{\"Effect\":\"Allow\"}]}",
                "{\"Statements\":[{\"Effect\":\"Allow\",\"Resources\":[{\"Type\":\"Product\"}]}]}",
                "{\"Statements\":[{\"Effect\":\"Allow\",\"Resources\":[{\"Type\":\"Product\",\"Ids\":[7]}]}]}",
                "{\"Statements\":[{\"Effect\":\"Allow\",\"Resources\":[{\"Ids\":[\"prod-a\"]}]}]}"
            })
    void aProcurementPolicyOfAnotherShapeFailsLoudly(String details) {
        MarketplaceCatalogClient client = mock(MarketplaceCatalogClient.class);
        when(client.describeEntity(any(Consumer.class))).thenAnswer(call -> {
            DescribeEntityRequest.Builder request = DescribeEntityRequest.builder();
            ((Consumer<DescribeEntityRequest.Builder>) call.getArgument(0)).accept(request);
            return request.build().entityId().startsWith("exp-")
                    ? DescribeEntityResponse.builder()
                            .entityType("Experience@1.0")
                            .details("{\"ProcurementPolicies\":[\"procpolicy-1\"]}")
                            .build()
                    : DescribeEntityResponse.builder()
                            .entityType("ProcurementPolicy@1.0")
                            .details(details)
                            .build();
        });
        assertThatThrownBy(() -> new MarketplaceCatalogAdapter(client, settings).allowedProducts())
                .isInstanceOf(IllegalStateException.class);
    }
}
