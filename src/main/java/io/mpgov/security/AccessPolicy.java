package io.mpgov.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;
import org.yaml.snakeyaml.Yaml;

/**
 * Who may do what in mpgov: {@code access-policy.yaml}, the one declarative policy, persona × operation, deny by
 * default. Everything that refuses a caller asks it — the /api guard, the engine's command gate, the task guard, the
 * endpoints' finer actions — and the engine's authorizations are made from its grants. camunda-admin may do
 * everything but decide a task the model gives to others.
 */
public final class AccessPolicy {

    /** The operations a persona can be granted; anything else in the file is a mistake and refused at load. */
    private static final Pattern OPERATION = Pattern.compile(
            "api:[A-Za-z]+|action:[a-z-]+:[a-z-]+|engine:(start|complete|claim|assign|comment|retry-job)"
                    + "|decide:[a-z-]+:[A-Za-z_]+");

    private static volatile AccessPolicy standard;

    /** @param name what people call the persona */
    public record Persona(String group, String name, Set<String> operations, List<Grant> grants) {}

    /** A Camunda authorization the policy gives a persona group. */
    public record Grant(String group, Resource resource, String resourceId, List<Permission> permissions) {
        @Override
        public String toString() {
            return resource + " " + resourceId + " "
                    + String.join(
                            " ", permissions.stream().map(Permission::getName).toList());
        }
    }

    private final Set<String> open;
    private final Map<String, Persona> personas;

    private AccessPolicy(Set<String> open, Map<String, Persona> personas) {
        this.open = Set.copyOf(open);
        this.personas = Map.copyOf(personas);
    }

    /** The policy mpgov runs with: access-policy.yaml on the classpath, read once. */
    public static AccessPolicy standard() {
        if (standard == null) {
            try (InputStream in = AccessPolicy.class.getResourceAsStream("/access-policy.yaml")) {
                if (in == null) {
                    throw new IllegalStateException("access-policy.yaml is not on the classpath");
                }
                standard = read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return standard;
    }

    @SuppressWarnings("unchecked")
    static AccessPolicy read(InputStream yaml) {
        Map<String, Object> file = new Yaml().load(yaml);
        Set<String> open = new LinkedHashSet<>(strings(file.getOrDefault("open", List.of()), "open"));
        open.forEach(operation -> checked(operation, "open"));
        Map<String, Persona> personas = new LinkedHashMap<>();
        ((Map<String, Map<String, Object>>) file.get("personas")).forEach((group, row) -> {
            if (Groups.CAMUNDA_ADMIN.equals(group)) {
                throw new IllegalArgumentException(
                        "access-policy.yaml: camunda-admin may do everything; it has no row");
            }
            Set<String> operations = new LinkedHashSet<>();
            for (String operation : strings(row.getOrDefault("may", List.of()), group + ".may")) {
                operations.add(checked(operation, group));
            }
            List<Grant> grants = new ArrayList<>();
            for (String grant : strings(row.getOrDefault("grants", List.of()), group + ".grants")) {
                grants.add(grant(group, grant));
            }
            personas.put(
                    group,
                    new Persona(
                            group, String.valueOf(row.getOrDefault("name", group)), operations, List.copyOf(grants)));
        });
        return new AccessPolicy(open, personas);
    }

    /** The personas, in the policy's order. */
    public List<Persona> personas() {
        return Personas.ALL.stream().map(personas::get).toList();
    }

    public Persona persona(String group) {
        Persona persona = personas.get(group);
        if (persona == null) {
            throw new IllegalArgumentException("No persona " + group + " in access-policy.yaml");
        }
        return persona;
    }

    /** May a member of {@code groups} do {@code operation}? camunda-admin may do everything; nobody else by default. */
    public boolean allows(Collection<String> groups, String operation) {
        if (groups.contains(Groups.CAMUNDA_ADMIN)) {
            return true;
        }
        return groups.stream()
                .map(personas::get)
                .anyMatch(persona -> persona != null && persona.operations().contains(operation));
    }

    /** An /api operation that authenticates its callers itself (a shared secret) or needs nobody signed in. */
    public boolean isOpen(String operation) {
        return open.contains(operation);
    }

    /**
     * May a member of {@code groups} decide the task {@code taskKey} of {@code processKey}, as far as the policy goes
     * (the model still has to name them)? camunda-admin only where the model names it: the policy gives it nothing.
     */
    public boolean mayDecide(Collection<String> groups, String processKey, String taskKey) {
        return allows(groups, "decide:" + processKey + ":" + taskKey);
    }

    /** The personas an operation is granted to, in the policy's order: who to name when someone else is refused. */
    public List<String> grantedTo(String operation) {
        return personas().stream()
                .filter(persona -> persona.operations().contains(operation))
                .map(Persona::group)
                .toList();
    }

    /** Who may do {@code operation}, said to someone refused it. */
    public String whoMay(String operation) {
        List<String> personas = grantedTo(operation);
        return personas.isEmpty()
                ? "the access policy gives it to nobody but camunda-admin"
                : "members of " + String.join(", ", personas) + " may";
    }

    private static String checked(String operation, String where) {
        if (!OPERATION.matcher(operation).matches()) {
            throw new IllegalArgumentException("access-policy.yaml, " + where + ": '" + operation
                    + "' is no operation (api:<operationId>, action:<area>:<name>, engine:<write>,"
                    + " decide:<process>:<task>)");
        }
        return operation;
    }

    private static Grant grant(String group, String line) {
        List<String> words = Arrays.asList(line.trim().split("\\s+"));
        if (words.size() < 3) {
            throw new IllegalArgumentException(
                    "access-policy.yaml, " + group + ".grants: '" + line + "' is not RESOURCE id PERMISSION ...");
        }
        Resource resource;
        try {
            resource = Resources.valueOf(words.get(0));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "access-policy.yaml, " + group + ".grants: no Camunda resource " + words.get(0), e);
        }
        List<Permission> permissions = new ArrayList<>();
        for (String name : words.subList(2, words.size())) {
            Permission permission;
            try {
                permission = ResourceTypeUtil.getPermissionByNameAndResourceType(name, resource.resourceType());
            } catch (ProcessEngineException e) {
                permission = null; // Camunda's words name no file: say it as the policy's mistake
            }
            if (permission == null || !permission.getName().equals(name)) {
                throw new IllegalArgumentException(
                        "access-policy.yaml, " + group + ".grants: " + resource + " has no permission " + name);
            }
            permissions.add(permission);
        }
        return new Grant(group, resource, words.get(1), List.copyOf(permissions));
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value, String where) {
        if (!(value instanceof List<?> list) || list.stream().anyMatch(v -> !(v instanceof String))) {
            throw new IllegalArgumentException("access-policy.yaml, " + where + ": a list of words");
        }
        return (List<String>) list;
    }
}
