package io.mpgov.license;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mpgov.aws.AwsClients;
import io.mpgov.sandbox.Sandbox;
import io.mpgov.support.SandboxClients;
import io.mpgov.support.SandboxServerExtension;
import java.time.Clock;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.licensemanager.LicenseManagerClient;
import software.amazon.awssdk.services.licensemanager.model.AccessDeniedException;
import software.amazon.awssdk.services.licensemanager.model.ValidationException;

/** The License Manager adapter through the real SDK against the sandbox. */
class LicenseManagerAdapterTest {

    static Sandbox sandbox = new Sandbox(Clock.systemUTC());

    @RegisterExtension
    static final SandboxServerExtension aws = new SandboxServerExtension(sandbox);

    static LicensePort licenses;

    @BeforeAll
    static void start() {
        AwsClients clients = SandboxClients.at(aws.baseUri(), "us-east-1", 8);
        licenses = new LicenseManagerAdapter(clients, 0);
    }

    @BeforeEach
    void seed() {
        sandbox.knobs().grantTransitionMillis = 0;
        sandbox.knobs().organizationLinked = true;
    }

    /** NGINX Plus, an AMI product: its license can be shared. */
    static final String PRODUCT = "prod-ngnxplusami01";

    static final String TECHNOLOGY_OU_ARN = "arn:aws:organizations::111111111111:ou/o-mpgovdemo01/ou-mp01-technlgy";

    String license() {
        return licenses.licensesOf(PRODUCT).get(0).arn();
    }

    LicensePort.Grant onlyGrant(String licenseArn) {
        assertThat(licenses.grantsOf(licenseArn)).hasSize(1);
        return licenses.grantsOf(licenseArn).get(0);
    }

    @Test
    void grantsAndActivatesOnceWhateverTheRetries() {
        String token = GrantTokens.of(license(), "310987654321", 0);

        licenses.grant(license(), "us-east-1", "310987654321", token);
        licenses.grant(license(), "us-east-1", "310987654321", token);

        assertThat(licenses.grantsOf(license())).singleElement().satisfies(g -> {
            assertThat(g.accountId()).isEqualTo("310987654321");
            assertThat(g.status()).isEqualTo("ACTIVE");
        });
    }

    @Test
    void aGrantThatExistsAlreadyIsTakenAsItIs() {
        licenses.grant(license(), "us-east-1", "310987654321", "someone-elses-token");

        LicensePort.Grant ours =
                licenses.grant(license(), "us-east-1", "310987654321", GrantTokens.of(license(), "310987654321", 0));

        assertThat(ours.status()).isEqualTo("ACTIVE");
        assertThat(licenses.grantsOf(license())).hasSize(1);
    }

    @Test
    void revokingDeletesTheCurrentVersion() {
        licenses.grant(license(), "us-east-1", "310987654321", "t-1");
        LicensePort.Grant granted = licenses.grantsOf(license()).get(0);

        assertThat(licenses.revoke(granted, "account left").status()).isEqualTo("PENDING_DELETE");
        assertThat(licenses.grantsOf(license()))
                .singleElement()
                .satisfies(g -> assertThat(g.status()).isEqualTo("DELETED"));
    }

    @Test
    void revokingAGrantDeletedMeanwhileIsDoneAlready() {
        licenses.grant(license(), "us-east-1", "310987654321", "t-1");
        LicensePort.Grant granted = licenses.grantsOf(license()).get(0);
        licenses.revoke(granted, "account left");
        long deletes = sandbox.calls("DeleteGrant");

        // A second reconciliation with the same stale plan: DeleteGrant refuses, GetGrant shows it gone.
        assertThat(licenses.revoke(granted, "account left").live()).isFalse();
        assertThat(sandbox.calls("DeleteGrant")).isEqualTo(deletes + 1);
    }

    @Test
    void revokingAGrantChangedSinceThePlanDeletesItsCurrentVersion() {
        licenses.grant(license(), "us-east-1", "310987654321", "t-1");
        LicensePort.Grant current = licenses.grantsOf(license()).get(0);
        LicensePort.Grant stale = new LicensePort.Grant(
                current.arn(), current.licenseArn(), current.accountId(), "PENDING_WORKFLOW", "1");

        assertThat(licenses.revoke(stale, "no longer entitled").status()).isEqualTo("PENDING_DELETE");
        assertThat(licenses.grantsOf(license()))
                .singleElement()
                .satisfies(g -> assertThat(g.live()).isFalse());
    }

    @Test
    void aLicenseIsInUseWhileGetLicenseUsageReportsConsumption() {
        String rhel = licenses.licensesOf("prod-rdhtrhel90001").get(0).arn();
        assertThat(licenses.consumed(license()))
                .as("NGINX: 4 instances in the demo")
                .isTrue();
        assertThat(licenses.consumed(rhel)).isFalse();

        sandbox.setLicenseUsage("prod-rdhtrhel90001", 3);
        assertThat(licenses.consumed(rhel)).isTrue();
    }

    @Test
    void findsAReceivedLicenseByItsArn() {
        assertThat(licenses.license(license()))
                .get()
                .satisfies(l -> assertThat(l.productId()).isEqualTo(PRODUCT));
        assertThat(licenses.license(license() + "-unknown")).isEmpty();
    }

    @Test
    void listsEveryGrantPastOnePage() {
        IntStream.range(0, 120)
                .forEach(i -> licenses.grant(license(), "us-east-1", String.valueOf(700_000_000_000L + i), "t-" + i));

        List<LicensePort.Grant> grants = licenses.grantsOf(license());

        assertThat(grants).hasSize(120).allSatisfy(g -> assertThat(g.status()).isEqualTo("ACTIVE"));
    }

    @Test
    void inALinkedOrganizationANewGrantIsAutoAcceptedAndActivated() {
        LicensePort.Grant created = licenses.grant(license(), "us-east-1", "310987654321", "t-1");

        assertThat(created.status())
                .as("activation asked while the workflow runs")
                .isIn("PENDING_WORKFLOW", "DISABLED");
        assertThat(onlyGrant(license()).status()).isEqualTo("ACTIVE");
    }

    @Test
    void outsideALinkedOrganizationTheGrantWaitsForItsGranteeAndIsActivatedOnceAccepted() {
        sandbox.knobs().organizationLinked = false;

        licenses.grant(license(), "us-east-1", "310987654321", "t-1");
        LicensePort.Grant waiting = onlyGrant(license());
        assertThat(waiting.status()).isEqualTo("PENDING_ACCEPT");

        long writes = sandbox.calls("CreateGrantVersion") + sandbox.calls("CreateGrant");
        assertThat(licenses.grant(order(waiting, "t-1")).status())
                .as("nothing to do until the grantee accepts")
                .isEqualTo("PENDING_ACCEPT");
        assertThat(sandbox.calls("CreateGrantVersion") + sandbox.calls("CreateGrant"))
                .isEqualTo(writes);

        sandbox.acceptGrant(waiting.arn());
        LicensePort.Grant accepted = onlyGrant(license());
        assertThat(accepted.status()).as("accepted, not activated").isEqualTo("DISABLED");

        licenses.grant(order(accepted, "t-1"));
        assertThat(onlyGrant(license()).status()).isEqualTo("ACTIVE");
    }

    @Test
    void theGranteeAcceptsAndRejectsThroughLicenseManager() {
        sandbox.knobs().organizationLinked = false;
        licenses.grant(license(), "us-east-1", "310987654321", "t-1");
        licenses.grant(license(), "us-east-1", "310987654322", "t-2");
        List<LicensePort.Grant> waiting = licenses.grantsOf(license());

        try (LicenseManagerClient grantee = raw()) {
            assertThat(grantee.acceptGrant(r -> r.grantArn(waiting.get(0).arn()))
                            .statusAsString())
                    .isEqualTo("DISABLED");
            assertThat(grantee.rejectGrant(r -> r.grantArn(waiting.get(1).arn()))
                            .statusAsString())
                    .isEqualTo("REJECTED");
            assertThatThrownBy(() ->
                            grantee.acceptGrant(r -> r.grantArn(waiting.get(1).arn())))
                    .as("only a grant pending acceptance can be accepted")
                    .isInstanceOf(ValidationException.class);
        }
    }

    @Test
    void aGrantTheGranteeRejectedStaysRejected() {
        sandbox.knobs().organizationLinked = false;
        licenses.grant(license(), "us-east-1", "310987654321", "t-1");

        sandbox.rejectGrant(onlyGrant(license()).arn());

        assertThat(onlyGrant(license()).status()).isEqualTo("REJECTED");
        assertThat(onlyGrant(license()).live()).isFalse();
    }

    @Test
    void aDisabledGrantIsReactivatedNotGrantedTwice() {
        licenses.grant(license(), "us-east-1", "310987654321", "t-1");
        String arn = onlyGrant(license()).arn();
        sandboxDisables(arn);
        LicensePort.Grant disabled = onlyGrant(license());
        assertThat(disabled.status()).isEqualTo("DISABLED");

        // A grant with another token is refused by License Manager (ValidationException): the adapter takes the one
        // there.
        LicensePort.Grant again = licenses.grant(license(), "us-east-1", "310987654321", "someone-elses-token");

        assertThat(again.arn()).isEqualTo(arn);
        assertThat(licenses.grantsOf(license()))
                .singleElement()
                .satisfies(g -> assertThat(g.status()).isEqualTo("ACTIVE"));
    }

    @Test
    void aSecondGrantOfALicenseToTheSamePrincipalIsRefusedWhateverTheFirstOnesStatus() {
        sandbox.knobs().organizationLinked = false;
        licenses.grant(license(), "us-east-1", "310987654321", "t-1");
        assertThat(onlyGrant(license()).status()).isEqualTo("PENDING_ACCEPT");

        assertThatThrownBy(() -> raw().createGrant(r -> r.clientToken("t-2")
                        .grantName("second")
                        .licenseArn(license())
                        .principals("arn:aws:iam::310987654321:root")
                        .homeRegion("us-east-1")
                        .allowedOperationsWithStrings("CheckoutLicense")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("exists already");
    }

    @Test
    void aRenewalsLicenseReplacesTheActiveOneOnlyWithTheOverride() throws Exception {
        licenses.grant(license(), "us-east-1", "310987654321", "t-old");
        String renewal = sandbox.receiveLicense(PRODUCT).arn();

        assertThatThrownBy(() -> licenses.grant(renewal, "us-east-1", "310987654321", "t-new"))
                .as("an account cannot hold two active licenses of one product")
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("ALL_GRANTS_PERMITTED_BY_ISSUER");

        LicensePort.Grant waiting = onlyGrant(renewal);
        licenses.grant(new LicensePort.GrantOrder(
                renewal, "us-east-1", LicensePort.accountPrincipal("310987654321"), "t-new", waiting, true));

        assertThat(onlyGrant(renewal).status()).isEqualTo("ACTIVE");
        assertThat(onlyGrant(license()).status())
                .as("the old license's grant is disabled by the override")
                .isEqualTo("DISABLED");
        assertThat(sandbox.<String>read(s -> s.grants.stream()
                        .filter(g -> g.licenseArn.equals(renewal))
                        .findFirst()
                        .orElseThrow()
                        .activationOverrideBehavior))
                .isEqualTo("ALL_GRANTS_PERMITTED_BY_ISSUER");
    }

    @Test
    void saasLicensesAreNotShareableAndLicenseManagerRefusesToGrantThem() {
        LicensePort.ReceivedLicense datadog =
                licenses.licensesOf("prod-dtdgobserv001").get(0);
        assertThat(datadog.shareable()).as("Datadog Pro is a SaaS product").isFalse();
        assertThat(licenses.licensesOf(PRODUCT).get(0).shareable())
                .as("NGINX Plus is an AMI product")
                .isTrue();

        assertThatThrownBy(() -> licenses.grant(datadog.arn(), "us-east-1", "310987654321", "t-1"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(licenses.grantsOf(datadog.arn())).isEmpty();
    }

    @Test
    void aLicensesValidityIsRead() {
        LicensePort.ReceivedLicense splunk =
                licenses.licensesOf("prod-splkenterp001").get(0);

        assertThat(splunk.validFrom()).isBefore(java.time.Instant.now());
        assertThat(splunk.validUntil()).isAfter(java.time.Instant.now());
        assertThat(splunk.validAt(java.time.Instant.now())).isTrue();
    }

    @Test
    void oneGrantToAnOuCoversEveryAccountInIt() {
        long creates = sandbox.calls("CreateGrant");
        LicensePort.Grant granted = licenses.grant(
                new LicensePort.GrantOrder(license(), "us-east-1", TECHNOLOGY_OU_ARN, "t-ou", null, false));

        assertThat(granted.accountId()).isEqualTo("ou-mp01-technlgy");
        assertThat(onlyGrant(license())).satisfies(g -> {
            assertThat(g.accountId()).isEqualTo("ou-mp01-technlgy");
            assertThat(g.status()).as("distributed to the OU's accounts").isEqualTo("WORKFLOW_COMPLETED");
        });
        assertThat(sandbox.licenseHolders(license()))
                .containsExactly("410987654321", "410987654322", "410987654323", "410987654324", "410987654325");
        assertThat(sandbox.calls("CreateGrant")).isEqualTo(creates + 1);
    }

    @Test
    void anOuGrantNeedsTheOrganizationLinked() {
        sandbox.knobs().organizationLinked = false;

        assertThatThrownBy(() -> licenses.grant(
                        new LicensePort.GrantOrder(license(), "us-east-1", TECHNOLOGY_OU_ARN, "t-ou", null, false)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("linked");
    }

    LicensePort.GrantOrder order(LicensePort.Grant existing, String token) {
        return new LicensePort.GrantOrder(
                license(), "us-east-1", LicensePort.accountPrincipal(existing.accountId()), token, existing, false);
    }

    void sandboxDisables(String grantArn) {
        raw().createGrantVersion(r ->
                r.clientToken("disable-" + grantArn).grantArn(grantArn).status("DISABLED"));
    }

    /** The SDK client as another caller (the grantee, a person in the console) would use it. */
    static LicenseManagerClient raw() {
        return LicenseManagerClient.builder()
                .endpointOverride(aws.baseUri())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
                .build();
    }
}
