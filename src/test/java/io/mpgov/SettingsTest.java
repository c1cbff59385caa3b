package io.mpgov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mpgov.audit.AuditSettings;
import io.mpgov.aws.AwsProperties;
import io.mpgov.catalog.CatalogSettings;
import io.mpgov.license.LicenseSettings;
import io.mpgov.notification.NotificationSettings;
import io.mpgov.request.approval.ApprovalSettings;
import io.mpgov.review.ReviewSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * The settings records: each holds its feature's defaults, binds the shipped configuration files as the
 * application does (an unset environment variable counts as not set), refuses a bad value at start-up with
 * the key's name, is known to the models by its bean name, and is listed key by key in the README.
 */
class SettingsTest {

    /** The shipped application.yaml under a profile's file, with these environment variables and nothing else. */
    static Binder shipped(String profile, Map<String, Object> environment) {
        StandardEnvironment env = new StandardEnvironment();
        MutablePropertySources sources = env.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        sources.addFirst(new MapPropertySource("environment", environment));
        YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
        try {
            if (profile != null) {
                yaml.load(profile, new ClassPathResource("application-" + profile + ".yaml"))
                        .forEach(sources::addLast);
            }
            yaml.load("application", new ClassPathResource("application.yaml")).forEach(sources::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Binder.get(env);
    }

    static <T> T bind(Binder binder, Class<T> type) {
        return binder.bindOrCreate(
                type.getAnnotation(ConfigurationProperties.class).value(), type);
    }

    @Test
    void theDefaultsAreTheRecordsOwnAndApplicationYamlRepeatsNone() {
        LicenseSettings license = LicenseSettings.defaults();
        assertThat(license).isEqualTo(new LicenseSettings("0 0 2 * * ?", 18, 25, 12, true));
        assertThat(bind(shipped(null, Map.of()), LicenseSettings.class)).isEqualTo(license);
        assertThat(bind(shipped(null, Map.of()), ApprovalSettings.class)).isEqualTo(ApprovalSettings.defaults());
        assertThat(bind(shipped(null, Map.of()), ReviewSettings.class)).isEqualTo(ReviewSettings.defaults());
        assertThat(bind(shipped(null, Map.of()), AuditSettings.class))
                .isEqualTo(new AuditSettings(Duration.ofDays(2555), "0 30 1 * * *"));

        CatalogSettings catalog = CatalogSettings.defaults();
        assertThat(catalog.pollInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(catalog.lockBackoff()).isEqualTo(Duration.ofSeconds(30));
        assertThat(catalog.maxLockAttempts()).isEqualTo(20);
        assertThat(catalog.governedExperienceIds()).isEmpty();

        ReviewSettings review = ReviewSettings.defaults();
        assertThat(review.accessGroupsCsv()).isEqualTo("procurement-manager,pmp-admin");
        assertThat(review.attestationDueIso()).isEqualTo("PT240H");
        assertThat(review.getAccessCycle()).isEqualTo("0 0 6 1 1,4,7,10 ?");
        assertThat(review.getCatalogCycle()).isEqualTo("0 0 3 * * ?");

        ApprovalSettings approvals = ApprovalSettings.defaults();
        assertThat(approvals.groups())
                .containsExactly(
                        Map.entry("procurement", "procurement-manager"),
                        Map.entry("finance", "finance"),
                        Map.entry("legal", "legal"),
                        Map.entry("security", "security"));
        assertThat(approvals.leadGroupOf("legal")).isEqualTo("camunda-admin");
        assertThat(approvals.reminderAfter()).isEqualTo(Duration.ofDays(2));
        assertThat(approvals.escalateAfter()).isEqualTo(Duration.ofDays(5));
    }

    @Test
    void anUnsetEnvironmentVariableMeansTheDefault() {
        assertThat(bind(shipped("aws", Map.of()), AwsProperties.class).region()).isEqualTo("us-east-1");
        assertThat(bind(shipped("aws", Map.of("AWS_REGION", "eu-west-1")), AwsProperties.class)
                        .region())
                .isEqualTo("eu-west-1");

        NotificationSettings unset =
                bind(shipped("aws", Map.of("MPGOV_MAIL_FROM", "mpgov@corp.example")), NotificationSettings.class);
        assertThat(unset.from()).isEqualTo("mpgov@corp.example");
        assertThat(unset.appUrl()).isEqualTo("http://localhost:8080");
        assertThat(bind(
                                shipped(
                                        "aws",
                                        Map.of(
                                                "MPGOV_MAIL_FROM",
                                                "mpgov@corp.example",
                                                "MPGOV_APP_URL",
                                                "https://mpgov.corp.example")),
                                NotificationSettings.class)
                        .appUrl())
                .isEqualTo("https://mpgov.corp.example");

        CatalogSettings catalog = bind(
                shipped(
                        "aws",
                        Map.of(
                                "MPGOV_PMP_EXPERIENCE_ID",
                                "exp-corp",
                                "MPGOV_PMP_EXPERIENCE_IDS",
                                "exp-retail, exp-labs")),
                CatalogSettings.class);
        assertThat(catalog.governedExperienceIds()).containsExactly("exp-corp", "exp-retail", "exp-labs");
        assertThat(catalog.pollInterval()).as("the aws profile's").isEqualTo(Duration.ofMinutes(1));
        assertThat(bind(shipped("aws", Map.of("MPGOV_PMP_EXPERIENCE_ID", "exp-corp")), CatalogSettings.class)
                        .governedExperienceIds())
                .containsExactly("exp-corp");
    }

    @Test
    void theDemoProfileSetsItsOwnValues() {
        Binder demo = shipped("demo", Map.of());
        CatalogSettings catalog = bind(demo, CatalogSettings.class);
        assertThat(catalog.governedExperienceIds()).containsExactly("exp-mpgovdemopmp01", "exp-mpgovsharedsv1");
        assertThat(catalog.pollInterval()).isEqualTo(Duration.ofSeconds(3));
        assertThat(catalog.lockBackoff()).isEqualTo(Duration.ofSeconds(5));
        assertThat(catalog.maxLockAttempts()).isEqualTo(20);
        assertThat(bind(demo, NotificationSettings.class).from()).isEqualTo("mpgov@demo.mpgov.example");
        assertThat(bind(demo, io.mpgov.events.EventSettings.class).secret()).isEqualTo("demo-events-secret");
        assertThat(bind(shipped(null, Map.of()), io.mpgov.events.EventSettings.class)
                        .secret())
                .as("intake off")
                .isEmpty();
    }

    @Test
    void theAwsProfileRefusesToStartWithoutItsVariablesNamingThem() {
        assertThatThrownBy(() -> bind(shipped("aws", Map.of()), NotificationSettings.class))
                .rootCause()
                .hasMessageContaining("mpgov.notification.from")
                .hasMessageContaining("MPGOV_MAIL_FROM");
        assertThatThrownBy(() -> bind(shipped("aws", Map.of()), CatalogSettings.class))
                .rootCause()
                .hasMessageContaining("mpgov.catalog.experience-id")
                .hasMessageContaining("MPGOV_PMP_EXPERIENCE_ID");
    }

    @Test
    void aConfiguredApprovalKindReplacesItsDefaultAndTheOthersKeepTheirs() {
        ApprovalSettings approvals = bind(
                with(Map.of(
                        "mpgov.approvals.groups.finance",
                        "fin-team",
                        "mpgov.approvals.groups.esg",
                        "sustainability",
                        "mpgov.approvals.inputs.finance",
                        "estimatedAnnualCost",
                        "mpgov.approvals.lead-groups.legal",
                        "legal-leads")),
                ApprovalSettings.class);

        assertThat(approvals.groups())
                .containsExactly(
                        Map.entry("procurement", "procurement-manager"),
                        Map.entry("finance", "fin-team"),
                        Map.entry("legal", "legal"),
                        Map.entry("security", "security"),
                        Map.entry("esg", "sustainability"));
        assertThat(approvals.inputs().get("finance")).containsExactly("estimatedAnnualCost");
        assertThat(approvals.inputs().get("legal"))
                .isEqualTo(ApprovalSettings.defaults().inputs().get("legal"));
        assertThat(approvals.leadGroupOf("legal")).isEqualTo("legal-leads");
        assertThat(approvals.leadGroupOf("finance")).isEqualTo("camunda-admin");
        assertThat(approvals.ordered(List.of("esg", "security", "procurement")))
                .containsExactly("procurement", "security", "esg");
    }

    record Bad(Class<?> settings, Map<String, Object> properties, String named) {}

    @Test
    void aBadValueFailsTheStartUpNamingItsKey() {
        for (Bad bad : List.of(
                new Bad(LicenseSettings.class, Map.of("mpgov.license.batch-size", "0"), "mpgov.license.batch-size"),
                new Bad(LicenseSettings.class, Map.of("mpgov.license.parallelism", "0"), "mpgov.license.parallelism"),
                new Bad(AuditSettings.class, Map.of("mpgov.audit.retention", "PT12H"), "mpgov.audit.retention"),
                new Bad(
                        AuditSettings.class,
                        Map.of("mpgov.audit.inbox-cleanup-cron", "nightly"),
                        "mpgov.audit.inbox-cleanup-cron"),
                new Bad(CatalogSettings.class, Map.of("mpgov.catalog.experience-ids", "exp-a,pmp-b"), "'pmp-b'"),
                new Bad(
                        CatalogSettings.class,
                        Map.of("mpgov.catalog.poll-interval", "0s"),
                        "mpgov.catalog.poll-interval"),
                new Bad(
                        ReviewSettings.class,
                        Map.of("mpgov.review.access-role-mappings.pmp-admin", "pmp-administrator"),
                        "mpgov.review.access-role-mappings.pmp-admin"),
                new Bad(
                        ApprovalSettings.class,
                        Map.of("mpgov.approvals.escalate-after", "-P1D"),
                        "mpgov.approvals.escalate-after"),
                new Bad(AwsProperties.class, Map.of("mpgov.aws.region", "us east 1"), "mpgov.aws.region"),
                new Bad(
                        NotificationSettings.class,
                        Map.of(
                                "mpgov.notification.from",
                                "mpgov@corp.example",
                                "mpgov.notification.app-url",
                                "mpgov.corp"),
                        "mpgov.notification.app-url"))) {
            assertThatThrownBy(() -> bind(with(bad.properties()), bad.settings()))
                    .as(bad.properties().toString())
                    .rootCause()
                    .hasMessageContaining(bad.named());
        }
    }

    static Binder with(Map<String, Object> properties) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return Binder.get(env);
    }

    @Test
    void theModelsReadEachSettingsRecordByTheNameOfItsType() {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.register(Records.class, SettingsBeanNames.class);
            context.refresh();
            assertThat(context.getBean("reviewSettings")).isSameAs(context.getBean(ReviewSettings.class));
            assertThat(context.getBean("catalogSettings")).isSameAs(context.getBean(CatalogSettings.class));
            assertThat(context.getBean("licenseSettings")).isSameAs(context.getBean(LicenseSettings.class));
            assertThat(context.getBean("approvalSettings")).isSameAs(context.getBean(ApprovalSettings.class));
            assertThat(context.getBean("auditSettings")).isSameAs(context.getBean(AuditSettings.class));
        }
    }

    @EnableConfigurationProperties({
        ReviewSettings.class,
        CatalogSettings.class,
        LicenseSettings.class,
        ApprovalSettings.class,
        AuditSettings.class
    })
    static class Records {}

    @Test
    void theDocsListEveryKeyOfEverySettingsRecord() throws IOException {
        String readme = Files.readString(Path.of("docs/operations.md"));
        String table = readme.substring(readme.indexOf("## Configuration"), readme.indexOf("### Safe defaults"));
        List<String> missing = new ArrayList<>();
        for (Class<?> settings : settingsRecords()) {
            String prefix =
                    settings.getAnnotation(ConfigurationProperties.class).value();
            List<String> rows = table.lines()
                    .filter(l -> l.startsWith("| `" + prefix + "."))
                    .toList();
            for (RecordComponent component : settings.getRecordComponents()) {
                String key = component.getName().replaceAll("([A-Z])", "-$1").toLowerCase();
                if (rows.stream().noneMatch(row -> row.matches(".*[`.]" + key + "[`.].*"))) {
                    missing.add(prefix + "." + key);
                }
            }
        }
        assertThat(missing)
                .as("keys the Configuration table (docs/operations.md) does not list")
                .isEmpty();
    }

    @Test
    void noMpgovSettingIsReadByValue() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".java"))
                            .filter(f -> {
                                try {
                                    String source = Files.readString(f);
                                    return source.contains("@Value(") || source.contains("\"${mpgov.");
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            })
                            .toList())
                    .as("each feature reads its mpgov.* settings through its settings record")
                    .isEmpty();
        }
    }

    static List<Class<?>> settingsRecords() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        List<Class<?>> records = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("io.mpgov")) {
            try {
                records.add(Class.forName(candidate.getBeanClassName()));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(records)
                .as("one settings record per feature")
                .hasSizeGreaterThanOrEqualTo(10)
                .allMatch(Class::isRecord);
        return records;
    }
}
