package io.mpgov.sandbox;

import io.mpgov.sandbox.SandboxState.Account;
import io.mpgov.sandbox.SandboxState.Agreement;
import io.mpgov.sandbox.SandboxState.Entitlement;
import io.mpgov.sandbox.SandboxState.Experience;
import io.mpgov.sandbox.SandboxState.License;
import io.mpgov.sandbox.SandboxState.Organization;
import io.mpgov.sandbox.SandboxState.OrganizationalUnit;
import io.mpgov.sandbox.SandboxState.Product;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * A believable organization to demo and test against: a management account, 13 members in four OUs
 * (one account suspended) with cost-centre and licence-group tags, a public catalog, two Private
 * Marketplaces (one for the whole organization, one for the Shared Services OU) with a few products
 * allowed, licenses from public and private offers, agreements ending 1, 2.5, 5 and 14 months from now,
 * and eight months of Cost Explorer charges. Products carry their Marketplace type: the licenses of the
 * SaaS product (Datadog) cannot be shared through grants, those of AMI, container and data products can.
 */
public final class DemoOrganization {

    public static final String MANAGEMENT_ACCOUNT = "111111111111";
    public static final String ORGANIZATION_ID = "o-mpgovdemo01";
    public static final String ROOT_ID = "r-mp01";
    /** The organization-wide Private Marketplace (audience: the root). */
    public static final String EXPERIENCE_ID = "exp-mpgovdemopmp01";
    /** A second Private Marketplace for the Shared Services OU, which governs its accounts instead of the first. */
    public static final String SHARED_SERVICES_EXPERIENCE_ID = "exp-mpgovsharedsv1";

    public static final String OU_SHARED = "ou-mp01-sharedsv";
    public static final String OU_RETAIL = "ou-mp01-retail01";
    public static final String OU_TECHNOLOGY = "ou-mp01-technlgy";
    public static final String OU_QUARANTINE = "ou-mp01-quaranti";
    public static final String OU_BENCHMARK = "ou-mp01-benchmrk";
    /** A public product that is not yet in the Private Marketplace: the natural first request. */
    public static final String PRODUCT_NOT_YET_ALLOWED = "prod-pagerduty0001";

    public static final String MAIL_DOMAIN = "demo.mpgov.example";
    private static final String MARKETPLACE_ISSUER_ACCOUNT = "294406891311";

    private DemoOrganization() {}

    static SandboxState create(Instant now) {
        SandboxState s = new SandboxState();
        ZonedDateTime today =
                now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).atZone(ZoneOffset.UTC);
        s.organization = new Organization(
                ORGANIZATION_ID,
                "arn:aws:organizations::" + MANAGEMENT_ACCOUNT + ":organization/" + ORGANIZATION_ID,
                MANAGEMENT_ACCOUNT,
                "aws-management@" + MAIL_DOMAIN,
                ROOT_ID,
                "arn:aws:organizations::" + MANAGEMENT_ACCOUNT + ":root/" + ORGANIZATION_ID + "/" + ROOT_ID);
        s.organizationalUnits.addAll(List.of(
                ou(OU_SHARED, "Shared Services"), ou(OU_RETAIL, "Retail"),
                ou(OU_TECHNOLOGY, "Technology"), ou(OU_QUARANTINE, "Quarantine")));

        Instant joined = today.minusYears(3).toInstant();
        s.accounts.add(account(MANAGEMENT_ACCOUNT, "mpgov-management", ROOT_ID, "ACTIVE", joined, "CC-000", null));
        s.accounts.add(account("210987654321", "shared-network", OU_SHARED, "ACTIVE", joined, "CC-100", "platform"));
        s.accounts.add(account("210987654322", "shared-security", OU_SHARED, "ACTIVE", joined, "CC-100", "security"));
        s.accounts.add(account(
                "210987654323", "shared-observability", OU_SHARED, "ACTIVE", joined, "CC-100", "observability"));
        s.accounts.add(
                account("310987654321", "retail-web-prod", OU_RETAIL, "ACTIVE", joined, "CC-200", "observability"));
        s.accounts.add(
                account("310987654322", "retail-web-staging", OU_RETAIL, "ACTIVE", joined, "CC-200", "observability"));
        s.accounts.add(account("310987654323", "retail-data-prod", OU_RETAIL, "ACTIVE", joined, "CC-210", "data"));
        s.accounts.add(account("310987654324", "retail-pos", OU_RETAIL, "ACTIVE", joined, "CC-220", "security"));
        s.accounts.add(
                account("410987654321", "tech-platform-prod", OU_TECHNOLOGY, "ACTIVE", joined, "CC-300", "platform"));
        s.accounts.add(
                account("410987654322", "tech-platform-dev", OU_TECHNOLOGY, "ACTIVE", joined, "CC-300", "platform"));
        s.accounts.add(account("410987654323", "tech-ml-research", OU_TECHNOLOGY, "ACTIVE", joined, "CC-310", "data"));
        s.accounts.add(account(
                "410987654324",
                "tech-ci",
                OU_TECHNOLOGY,
                "ACTIVE",
                today.minusDays(20).toInstant(),
                "CC-300",
                "platform"));
        s.accounts.add(account(
                "410987654325",
                "tech-sandbox",
                OU_TECHNOLOGY,
                "ACTIVE",
                today.minusDays(3).toInstant(),
                "CC-390",
                null));
        s.accounts.add(account(
                "510987654321", "legacy-retired", OU_QUARANTINE, "SUSPENDED", joined, "CC-999", "observability"));

        s.products.addAll(List.of(
                new Product("prod-dtdgobserv001", "Datadog Pro", "Datadog", "SaaSProduct@1.0"),
                new Product("prod-splkenterp001", "Splunk Enterprise", "Splunk", "AmiProduct@1.0"),
                new Product("prod-crwdfalcon001", "CrowdStrike Falcon", "CrowdStrike", "ContainerProduct@1.0"),
                new Product("prod-snwflkdata001", "Snowflake Data Cloud", "Snowflake", "DataProduct@1.0"),
                new Product("prod-mngdbatlas001", "MongoDB Atlas", "MongoDB", "SaaSProduct@1.0"),
                new Product("prod-trndmicro0001", "Trend Micro Cloud One", "Trend Micro", "SaaSProduct@1.0"),
                new Product("prod-gitlabprem001", "GitLab Premium", "GitLab", "AmiProduct@1.0"),
                new Product("prod-jfrogartif001", "JFrog Artifactory", "JFrog", "AmiProduct@1.0"),
                new Product("prod-ngnxplusami01", "NGINX Plus", "F5", "AmiProduct@1.0"),
                new Product("prod-rdhtrhel90001", "Red Hat Enterprise Linux 9", "Red Hat", "AmiProduct@1.0"),
                new Product("prod-tblaucloud001", "Tableau Cloud", "Salesforce", "SaaSProduct@1.0"),
                new Product(PRODUCT_NOT_YET_ALLOWED, "PagerDuty", "PagerDuty", "SaaSProduct@1.0"),
                new Product("prod-grafnaentp001", "Grafana Enterprise", "Grafana Labs", "ContainerProduct@1.0")));

        Experience pmp = new Experience();
        pmp.id = EXPERIENCE_ID;
        pmp.name = "mpgov demo Private Marketplace";
        pmp.procurementPolicyId = "procpolicy-mpgovdemo01";
        pmp.audienceId = "audience-mpgovdemo01";
        pmp.audience.add(ROOT_ID);
        pmp.allowedProducts.addAll(List.of(
                "prod-dtdgobserv001",
                "prod-splkenterp001",
                "prod-crwdfalcon001",
                "prod-rdhtrhel90001",
                "prod-ngnxplusami01",
                "prod-gitlabprem001"));
        pmp.deniedProducts.add("prod-tblaucloud001");
        pmp.lastModified = today.minusDays(40).toInstant();
        s.experiences.add(pmp);

        // Nearer to the Shared Services accounts than the root: AWS applies this one to them.
        Experience shared = new Experience();
        shared.id = SHARED_SERVICES_EXPERIENCE_ID;
        shared.name = "Shared Services Private Marketplace";
        shared.procurementPolicyId = "procpolicy-mpgovsharedsv1";
        shared.audienceId = "audience-mpgovsharedsv1";
        shared.audience.add(OU_SHARED);
        shared.allowedProducts.addAll(List.of("prod-dtdgobserv001", "prod-trndmicro0001"));
        shared.lastModified = today.minusDays(30).toInstant();
        s.experiences.add(shared);

        ZonedDateTime oneMonth = today.plusMonths(1);
        ZonedDateTime twoAndAHalf = today.plusMonths(2).plusDays(15);
        ZonedDateTime fiveMonths = today.plusMonths(5);
        ZonedDateTime fourteenMonths = today.plusMonths(14);
        s.agreements.addAll(List.of(
                agreement(
                        "agmt-crwdfalcon2025priv0001",
                        "offer-crwdfalconpriv1",
                        "prod-crwdfalcon001",
                        "CC-100",
                        oneMonth.minusYears(1),
                        oneMonth,
                        false,
                        "180000"),
                agreement(
                        "agmt-splkenterp2025priv0001",
                        "offer-splkenterpriv01",
                        "prod-splkenterp001",
                        "CC-100",
                        twoAndAHalf.minusYears(1),
                        twoAndAHalf,
                        false,
                        "240000"),
                agreement(
                        "agmt-snwflkdata2025priv0001",
                        "offer-snwflkdatapriv1",
                        "prod-snwflkdata001",
                        "CC-210",
                        fiveMonths.minusYears(1),
                        fiveMonths,
                        true,
                        "95000"),
                agreement(
                        "agmt-gitlabprem2025priv0001",
                        "offer-gitlabprempriv1",
                        "prod-gitlabprem001",
                        "CC-300",
                        fourteenMonths.minusYears(3),
                        fourteenMonths,
                        false,
                        "60000"),
                agreement(
                        "agmt-dtdgobserv2024publ0001",
                        "offer-dtdgobservpubl1",
                        "prod-dtdgobserv001",
                        "CC-100",
                        today.minusMonths(8),
                        today.plusYears(10),
                        true,
                        "0")));

        Instant started = today.minusMonths(8).toInstant();
        s.licenses.addAll(List.of(
                license("Datadog Pro", "prod-dtdgobserv001", "PUBLIC", started, null, "Users", 200L),
                license("Red Hat Enterprise Linux 9", "prod-rdhtrhel90001", "PUBLIC", started, null, "Instances", null),
                license("NGINX Plus", "prod-ngnxplusami01", "PUBLIC", started, null, "Instances", null),
                license(
                        "CrowdStrike Falcon",
                        "prod-crwdfalcon001",
                        "PRIVATE",
                        oneMonth.minusYears(1).toInstant(),
                        oneMonth.toInstant(),
                        "Endpoints",
                        5000L),
                license(
                        "Splunk Enterprise",
                        "prod-splkenterp001",
                        "PRIVATE",
                        twoAndAHalf.minusYears(1).toInstant(),
                        twoAndAHalf.toInstant(),
                        "Gigabytes",
                        500L),
                license(
                        "Snowflake Data Cloud",
                        "prod-snwflkdata001",
                        "PRIVATE",
                        fiveMonths.minusYears(1).toInstant(),
                        fiveMonths.toInstant(),
                        "Credits",
                        100_000L),
                license(
                        "GitLab Premium",
                        "prod-gitlabprem001",
                        "PRIVATE",
                        fourteenMonths.minusYears(3).toInstant(),
                        fourteenMonths.toInstant(),
                        "Users",
                        400L)));

        // Spend as Cost Explorer reports it, one charge a month: SaaS and pay-as-you-go products under their titles
        // (billing entity "AWS Marketplace"), next to AWS's own services. CrowdStrike's contract was invoiced once,
        // when it was bought 11 months ago; NGINX (check-outs), Red Hat and Tableau have no charges.
        charges(s, today, "Datadog Pro", CostExplorerApi.MARKETPLACE, 8, "1850.00");
        charges(s, today, "Snowflake Data Cloud", CostExplorerApi.MARKETPLACE, 8, "7900.00");
        charges(s, today, "GitLab Premium", CostExplorerApi.MARKETPLACE, 8, "410.00");
        charges(s, today, "Splunk Enterprise", CostExplorerApi.MARKETPLACE, 8, "2300.00");
        charges(s, today, "Amazon Elastic Compute Cloud - Compute", "AWS", 8, "12400.00");
        s.charges.add(new SandboxState.Charge(
                oneMonth.minusYears(1).toLocalDate(),
                "CrowdStrike Falcon",
                CostExplorerApi.MARKETPLACE,
                MANAGEMENT_ACCOUNT,
                "Usage",
                new java.math.BigDecimal("180000.00"),
                java.math.BigDecimal.ONE));

        // Checked out today (GetLicenseUsage): Datadog and NGINX; Red Hat is not.
        s.licenses.stream()
                .filter(l -> l.productSku().equals("prod-dtdgobserv001"))
                .forEach(l -> s.licenseConsumption.put(l.arn(), 120L));
        s.licenses.stream()
                .filter(l -> l.productSku().equals("prod-ngnxplusami01"))
                .forEach(l -> s.licenseConsumption.put(l.arn(), 4L));
        s.verifiedIdentities.add(MAIL_DOMAIN);
        return s;
    }

    static void addBenchmarkLoad(SandboxState s, Instant now, int licenses, int accounts) {
        if (s.organizationalUnits.stream().noneMatch(ou -> ou.id().equals(OU_BENCHMARK))) {
            s.organizationalUnits.add(ou(OU_BENCHMARK, "Benchmark"));
        }
        for (int i = 0; i < accounts; i++) {
            s.accounts.add(account(
                    String.valueOf(800_000_000_000L + i), "bench-" + i, OU_BENCHMARK, "ACTIVE", now, "CC-800", null));
        }
        for (int i = 1; i <= licenses; i++) {
            String productId = String.format("prod-bench%08d", i);
            s.products.add(new Product(productId, "Benchmark product " + i, "Bench", "AmiProduct@1.0"));
            s.licenses.add(license(
                    "Benchmark product " + i,
                    productId,
                    "PRIVATE",
                    now,
                    now.plus(Duration.ofDays(365)),
                    "Users",
                    1000L));
        }
    }

    /** A monthly charge on the 1st of each of the last {@code months} months (this month's too once the 1st is past). */
    private static void charges(
            SandboxState s, ZonedDateTime today, String service, String billingEntity, int months, String amount) {
        java.time.LocalDate day = today.toLocalDate();
        for (int i = 0; i <= months; i++) {
            java.time.LocalDate first = day.withDayOfMonth(1).minusMonths(i);
            if (first.isBefore(day)) {
                s.charges.add(new SandboxState.Charge(
                        first,
                        service,
                        billingEntity,
                        "210987654323",
                        "Usage",
                        new java.math.BigDecimal(amount),
                        new java.math.BigDecimal("720")));
            }
        }
    }

    private static OrganizationalUnit ou(String id, String name) {
        return new OrganizationalUnit(
                id,
                "arn:aws:organizations::" + MANAGEMENT_ACCOUNT + ":ou/" + ORGANIZATION_ID + "/" + id,
                name,
                ROOT_ID);
    }

    private static Account account(
            String id,
            String name,
            String parent,
            String state,
            Instant joined,
            String costCentre,
            String licenceGroup) {
        Map<String, String> tags = licenceGroup == null
                ? Map.of("cost-centre", costCentre)
                : Map.of("cost-centre", costCentre, "licence-group", licenceGroup);
        return new Account(
                id,
                "arn:aws:organizations::" + MANAGEMENT_ACCOUNT + ":account/" + ORGANIZATION_ID + "/" + id,
                name,
                "aws+" + name + "@" + MAIL_DOMAIN,
                state,
                joined,
                parent,
                new java.util.TreeMap<>(tags));
    }

    private static Agreement agreement(
            String id,
            String offerId,
            String productId,
            String costCentre,
            ZonedDateTime start,
            ZonedDateTime end,
            boolean autoRenew,
            String value) {
        String proposer = String.valueOf(Math.abs((long) productId.hashCode()) % 900_000_000_000L + 100_000_000_000L);
        return new Agreement(
                id,
                offerId,
                productId,
                proposer,
                MANAGEMENT_ACCOUNT,
                start.minus(Duration.ofDays(2)).toInstant(),
                start.toInstant(),
                end.toInstant(),
                "ACTIVE",
                autoRenew,
                "USD",
                value);
    }

    private static License license(
            String product,
            String productId,
            String offerType,
            Instant from,
            Instant until,
            String dimension,
            Long max) {
        String id = "l-" + Integer.toHexString(productId.hashCode()).replace("-", "") + "0000" + productId.substring(5);
        return new License(
                "arn:aws:license-manager::" + MARKETPLACE_ISSUER_ACCOUNT + ":license:" + id,
                product + " license",
                product,
                productId,
                "AWS/Marketplace",
                "us-east-1",
                "AVAILABLE",
                from,
                until,
                MANAGEMENT_ACCOUNT,
                offerType,
                List.of(new Entitlement(
                        dimension,
                        // An entitlement is named after its dimension; its Unit is one of License Manager's
                        // EntitlementUnit values.
                        dimension.equals("Gigabytes") ? "Gigabytes" : "Count",
                        max)));
    }
}
