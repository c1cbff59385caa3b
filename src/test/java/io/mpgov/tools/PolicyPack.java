package io.mpgov.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mpgov.notification.Placeholders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Renders the IAM policies and SCPs in {@code policies/} for one organization: its role names, the
 * account the roles live in and the mail domain. Every template is JSON with {@code ${NAME}}
 * placeholders (filled by mpgov's one {@link Placeholders}); the result is checked to be JSON with no placeholder left. A tool beside the product, not
 * in its artifact: it runs from the test classpath.
 *
 * <pre>./mvnw -q -B test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.mpgov.tools.PolicyPack \
 *   -Dexec.args="--mail-domain example.com [--account 111111111111] [--procurement-role procurement-manager]
 *                [--pmp-admin-role pmp-administrator] [--mpgov-role mpgov] [--templates policies] [--out target/policies]"</pre>
 */
public final class PolicyPack {

    /** {@code ${NAME}}, name of capitals and underscores. */
    static final Placeholders PLACEHOLDERS = new Placeholders(Pattern.compile("\\$\\{([A-Z_]+)}"));

    private static final Pattern ROLE = Pattern.compile("[\\w+=,.@-]{1,64}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The parameters and their defaults (the role names the AWS articles use); null: required. */
    static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("ACCOUNT", "*");
        DEFAULTS.put("PROCUREMENT_ROLE", "procurement-manager");
        DEFAULTS.put("PMP_ADMIN_ROLE", "pmp-administrator");
        DEFAULTS.put("MPGOV_ROLE", "mpgov");
        DEFAULTS.put("MAIL_DOMAIN", null);
    }

    private PolicyPack() {}

    /** Renders every template of the folder: file name → policy document. */
    public static Map<String, String> render(Path templates, Map<String, String> parameters) throws IOException {
        Map<String, String> values = validated(parameters);
        Map<String, String> rendered = new TreeMap<>();
        try (Stream<Path> files = Files.list(templates)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                String out = PLACEHOLDERS.fill(Files.readString(file), name -> {
                    String value = values.get(name);
                    if (value == null) {
                        throw new IllegalArgumentException(
                                file.getFileName() + " uses ${" + name + "}, which is no parameter");
                    }
                    return value;
                });
                JSON.readTree(out);
                rendered.put(file.getFileName().toString(), out);
            }
        }
        if (rendered.isEmpty()) {
            throw new IllegalArgumentException("No policy templates (*.json) in " + templates.toAbsolutePath());
        }
        return rendered;
    }

    private static Map<String, String> validated(Map<String, String> parameters) {
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        parameters.forEach((name, value) -> {
            if (!DEFAULTS.containsKey(name)) {
                throw new IllegalArgumentException("Unknown parameter " + name + "; known: " + DEFAULTS.keySet());
            }
            values.put(name, value);
        });
        List<String> problems = new ArrayList<>();
        values.forEach((name, value) -> {
            if (value == null || value.isBlank()) {
                problems.add(name + " is required");
            } else if (name.endsWith("_ROLE") && !ROLE.matcher(value).matches()) {
                problems.add(name + " '" + value + "' is not an IAM role name (1-64 of letters, digits and +=,.@_-)");
            } else if (name.equals("ACCOUNT") && !value.matches("\\*|\\d{12}")) {
                problems.add("ACCOUNT '" + value + "' is neither * nor a 12-digit account id");
            } else if (name.equals("MAIL_DOMAIN")
                    && !value.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")) {
                problems.add("MAIL_DOMAIN '" + value + "' is not a domain name");
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return values;
    }

    public static void main(String[] args) throws IOException {
        Path templates = Path.of("policies");
        Path out = Path.of("target", "policies");
        Map<String, String> parameters = new LinkedHashMap<>();
        try {
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length || !args[i].startsWith("--")) {
                    throw new IllegalArgumentException("Expected --name value pairs, got '" + args[i] + "'");
                }
                String name = args[i].substring(2);
                switch (name) {
                    case "templates" -> templates = Path.of(args[i + 1]);
                    case "out" -> out = Path.of(args[i + 1]);
                    default -> parameters.put(name.toUpperCase().replace('-', '_'), args[i + 1]);
                }
            }
            Map<String, String> rendered = render(templates, parameters);
            Files.createDirectories(out);
            for (Map.Entry<String, String> policy : rendered.entrySet()) {
                Files.writeString(out.resolve(policy.getKey()), policy.getValue());
                System.out.println(out.resolve(policy.getKey()));
            }
        } catch (IllegalArgumentException e) {
            System.err.println("policy pack: " + e.getMessage());
            System.exit(2);
        }
    }
}
