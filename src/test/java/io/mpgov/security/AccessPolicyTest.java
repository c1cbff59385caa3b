package io.mpgov.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mpgov.request.approval.ApprovalSettings;
import io.mpgov.support.ReadmeSection;
import io.swagger.v3.oas.annotations.Operation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RestController;

/**
 * access-policy.yaml, row by row as docs/security.md promises it, and held to the code it governs: every /api handler and
 * every user task of the models is named in it, nothing it names is missing from the code, and the persona table in docs/security.md
 * is generated from it.
 */
class AccessPolicyTest {

    private static final AccessPolicy POLICY = AccessPolicy.standard();

    @ParameterizedTest(name = "{0} {2} {1}")
    @CsvSource({
        // who starts and follows requests
        "requester, api:submitRequest, true",
        "procurement-manager, api:submitRequest, false",
        "auditor, api:submitRequest, false",
        "finance, api:getRequest, true",
        "software-manager, api:getRequest, true",
        // the catalog: readers, and who may remove products
        "auditor, api:getCatalogOverview, true",
        "pmp-admin, api:getCatalogOverview, true",
        "requester, api:getCatalogOverview, false",
        "security, api:getCatalogOverview, false",
        "auditor, api:startCatalogReview, true",
        "auditor, action:catalog-review:remove, false",
        "procurement-manager, action:catalog-review:remove, true",
        "pmp-admin, action:catalog-review:remove, true",
        "requester, api:startCatalogReview, false",
        // access reviews and evidence
        "security, api:startAccessReview, true",
        "pmp-admin, api:startAccessReview, false",
        "auditor, api:exportEvidence, true",
        "procurement-manager, api:exportEvidence, false",
        // the engine's writes
        "requester, engine:start, true",
        "finance, engine:start, false",
        "auditor, engine:complete, false",
        "auditor, engine:comment, false",
        "auditor, engine:claim, false",
        "legal, engine:comment, true",
        "software-manager, engine:comment, false",
        "software-manager, engine:retry-job, true",
        "pmp-admin, engine:retry-job, true",
        "finance, engine:retry-job, false",
        // deciding tasks
        "requester, decide:procurement-request:Task_ReviseRequest, true",
        "requester, decide:procurement-request:Task_ReviewPublicOffer, false",
        "pmp-admin, decide:procurement-request:Task_ReviewPublicOffer, true",
        "pmp-admin, decide:procurement-request:Task_ApprovePrivateOffer, false",
        "finance, decide:procurement-request:Task_ApprovePrivateOffer, true",
        "finance, decide:procurement-request:Task_AcceptPrivateOffer, false",
        "procurement-manager, decide:procurement-request:Task_AcceptPrivateOffer, true",
        "security, decide:access-review:Task_AttestAccess, true",
        "auditor, decide:access-review:Task_AttestAccess, false",
        // nobody but camunda-admin: what the policy does not name
        "requester, api:someEndpointNobodyListed, false",
        "auditor, api:someEndpointNobodyListed, false",
    })
    void eachRow(String persona, String operation, boolean allowed) {
        assertThat(POLICY.allows(List.of(persona), operation)).isEqualTo(allowed);
        assertThat(POLICY.allows(List.of("camunda-admin"), operation))
                .as("camunda-admin may do everything")
                .isTrue();
    }

    @Test
    void aCallerWithoutAPersonaMayNothing() {
        assertThat(POLICY.allows(List.of(), "api:getRequest")).isFalse();
        assertThat(POLICY.allows(List.of("some-other-group"), "api:listRequests"))
                .isFalse();
        assertThat(POLICY.isOpen("api:receiveEvent")).isTrue();
        assertThat(POLICY.isOpen("api:getRequest")).isFalse();
    }

    @Test
    void readsItsOwnPersonasExactly() {
        assertThat(POLICY.personas()).extracting(AccessPolicy.Persona::group).containsExactlyElementsOf(Personas.ALL);
        assertThat(POLICY.personas())
                .allMatch(persona -> persona != null && !persona.name().isBlank());
    }

    @Test
    void refusesWhatIsNoOperationOrNoGrant() {
        assertThatThrownBy(() -> read("personas:\n  requester:\n    may: [api:x, start-anything]\n"))
                .hasMessageContaining("'start-anything' is no operation");
        assertThatThrownBy(() -> read("personas:\n  requester:\n    grants: [PROCESS_INSTANCE * FLY]\n"))
                .hasMessageContaining("PROCESS_INSTANCE has no permission FLY");
        assertThatThrownBy(() -> read("personas:\n  requester:\n    grants: [SPACESHIP * READ]\n"))
                .hasMessageContaining("no Camunda resource SPACESHIP");
        assertThatThrownBy(() -> read("personas:\n  camunda-admin:\n    may: [api:x]\n"))
                .hasMessageContaining("camunda-admin may do everything");
    }

    /** Every /api handler is an operation the policy names (open or a persona's), and every api operation exists. */
    @Test
    void namesEveryApiOperationAndNoneThatDoesNotExist() throws Exception {
        Set<String> handlers = new TreeSet<>(apiOperations());
        Set<String> named = new TreeSet<>();
        POLICY.personas()
                .forEach(p -> p.operations().stream()
                        .filter(o -> o.startsWith("api:"))
                        .forEach(named::add));
        handlers.stream().filter(POLICY::isOpen).forEach(named::add);
        assertThat(handlers).as("the /api operations of the code").hasSizeGreaterThan(10);
        assertThat(named).containsExactlyInAnyOrderElementsOf(handlers);
    }

    /**
     * The policy and the models agree on who decides: every user task with fixed candidate groups may be decided by
     * them, an approval by every group the approval settings name, and every task the policy names exists.
     */
    @Test
    void agreesWithTheModelsOnWhoDecides() throws IOException {
        Set<String> tasks = new TreeSet<>();
        List<String> disagreements = new ArrayList<>();
        try (Stream<Path> models = Files.list(Path.of("processes"))) {
            for (Path file : models.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
                String process = model.getModelElementsByType(Process.class)
                        .iterator()
                        .next()
                        .getId();
                for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                    tasks.add("decide:" + process + ":" + task.getId());
                    String groups = task.getCamundaCandidateGroups();
                    if (groups != null && !groups.contains("$")) {
                        for (String group : groups.split(",")) {
                            if (!POLICY.mayDecide(List.of(group.trim()), process, task.getId())) {
                                disagreements.add(group + " is the model's candidate for " + task.getId());
                            }
                        }
                    }
                }
            }
        }
        for (String group : ApprovalSettings.defaults().groups().values()) {
            assertThat(POLICY.mayDecide(List.of(group), "procurement-request", "Task_ApprovePrivateOffer"))
                    .as("%s approves private offers by default", group)
                    .isTrue();
        }
        assertThat(disagreements).isEmpty();
        POLICY.personas()
                .forEach(p -> p.operations().stream()
                        .filter(o -> o.startsWith("decide:"))
                        .forEach(o ->
                                assertThat(tasks).as("%s of %s", o, p.group()).contains(o)));
    }

    @Test
    void theReadmePersonaTableIsThePolicy() throws IOException {
        ReadmeSection.keep(Path.of("docs/security.md"), "access-policy", AccessPolicyTest.class, table());
    }

    /** docs/security.md's "What each persona may do": one row per persona, made from the policy alone. */
    static String table() {
        StringBuilder table = new StringBuilder(
                "| persona | mpgov's /api | engine writes | decides (process: task) | Camunda authorizations |\n"
                        + "|---|---|---|---|---|\n");
        for (AccessPolicy.Persona persona : POLICY.personas()) {
            table.append("| `")
                    .append(persona.group())
                    .append("` (")
                    .append(persona.name())
                    .append(") | ")
                    .append(words(persona, "api:", ""))
                    .append(words(persona, "action:", " + "))
                    .append(" | ")
                    .append(words(persona, "engine:", ""))
                    .append(" | ")
                    .append(words(persona, "decide:", ""))
                    .append(" | ")
                    .append(persona.grants().stream()
                            .map(grant -> "`" + grant + "`")
                            .collect(Collectors.joining(", ")))
                    .append(" |\n");
        }
        return table.toString();
    }

    private static String words(AccessPolicy.Persona persona, String prefix, String lead) {
        List<String> words = persona.operations().stream()
                .filter(o -> o.startsWith(prefix))
                .map(o -> o.substring(prefix.length()).replace(":", ": "))
                .toList();
        if (words.isEmpty()) {
            return lead.isEmpty() ? "—" : "";
        }
        return lead + words.stream().map(w -> "`" + w + "`").collect(Collectors.joining(", "));
    }

    private static List<String> apiOperations() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        List<String> operations = new ArrayList<>();
        for (BeanDefinition bean : scanner.findCandidateComponents("io.mpgov")) {
            Class<?> controller = ClassUtils.forName(bean.getBeanClassName(), AccessPolicyTest.class.getClassLoader());
            if (controller
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toString()
                    .contains("test-classes")) {
                continue; // a test's planted endpoint is nobody's on purpose
            }
            for (var method : controller.getDeclaredMethods()) {
                Operation operation = method.getAnnotation(Operation.class);
                if (operation != null) {
                    operations.add("api:" + operation.operationId());
                }
            }
        }
        return operations;
    }

    private static AccessPolicy read(String yaml) {
        return AccessPolicy.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }
}
