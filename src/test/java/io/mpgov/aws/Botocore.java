package io.mpgov.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The AWS service models that ship with the AWS CLI's botocore: an oracle of the AWS wire that nobody in
 * this project wrote. Found, in this order, at {@code $MPGOV_BOTOCORE_DATA} (a botocore {@code data} folder),
 * through {@code python3 -c 'import botocore'}, next to the {@code aws} executable (AWS CLI v2 bundles
 * botocore in {@code dist/awscli/botocore}), and in the usual install folders.
 */
final class Botocore {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final String PYTHON = System.getenv().getOrDefault("MPGOV_PYTHON", "python3");

    private static Optional<Path> data;
    private static final Map<String, JsonNode> MODELS = new LinkedHashMap<>();
    private static final List<String> LOOKED = new ArrayList<>();

    private Botocore() {}

    /** botocore's data folder, or empty with {@link #whereLooked()} saying why. */
    static synchronized Optional<Path> data() {
        if (data == null) {
            data = locate();
        }
        return data;
    }

    static synchronized String whereLooked() {
        data();
        return String.join("; ", LOOKED);
    }

    private static Optional<Path> locate() {
        String override = System.getenv("MPGOV_BOTOCORE_DATA");
        if (override != null && !override.isBlank()) {
            return usable(Path.of(override), "$MPGOV_BOTOCORE_DATA");
        }
        Optional<Path> found = run(PYTHON, "-c", "import botocore,os;print(os.path.dirname(botocore.__file__))")
                .flatMap(dir -> usable(Path.of(dir.trim(), "data"), PYTHON + " -c 'import botocore'"));
        if (found.isPresent()) {
            return found;
        }
        Optional<Path> aws = onPath("aws");
        if (aws.isPresent()) {
            try {
                Path real = aws.get().toRealPath();
                for (Path dir = real.getParent(); dir != null; dir = dir.getParent()) {
                    Optional<Path> bundled = usable(dir.resolve("dist/awscli/botocore/data"), "next to " + real);
                    if (bundled.isPresent()) {
                        return bundled;
                    }
                }
            } catch (IOException e) {
                LOOKED.add("aws at " + aws.get() + ": " + e.getMessage());
            }
        }
        for (String dir : List.of(
                "/usr/local/aws-cli/v2/current/dist/awscli/botocore/data",
                "/usr/lib/python3/dist-packages/botocore/data")) {
            found = usable(Path.of(dir), dir);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> usable(Path dir, String how) {
        if (Files.isDirectory(dir.resolve("organizations"))) {
            return Optional.of(dir);
        }
        LOOKED.add(how + ": no models at " + dir);
        return Optional.empty();
    }

    private static Optional<Path> onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir, command);
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        LOOKED.add("no '" + command + "' on PATH");
        return Optional.empty();
    }

    /** The output of a command that succeeded, or empty. */
    static Optional<String> run(String... command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0) {
                return Optional.of(out);
            }
            LOOKED.add(String.join(" ", command) + " failed: " + out.strip());
        } catch (IOException e) {
            LOOKED.add(command[0] + " cannot run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    /** Whether botocore's own code can be imported by {@code python3} (for its response parsers). */
    static boolean pythonImportsBotocore() {
        return run(PYTHON, "-c", "import botocore.parsers, botocore.validate").isPresent();
    }

    /**
     * Runs {@code botocore_check.py}: botocore's response parser and parameter validator on each checked exchange.
     * The answer is {@code {"botocore": version, "data": folder, "problems": ["<service> <Operation> …", …]}}.
     */
    static JsonNode parse(List<WireContract.Checked> exchanges) throws IOException, InterruptedException {
        ArrayNode input = JSON.createArrayNode();
        for (WireContract.Checked c : exchanges) {
            ObjectNode e = input.addObject();
            e.put("service", c.service())
                    .put("operation", c.operation())
                    .put("status", c.exchange().status());
            ObjectNode headers = e.putObject("headers");
            c.exchange().responseHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(", ", v)));
            e.put("body", Base64.getEncoder().encodeToString(c.exchange().responseBody()));
            e.set("params", c.params());
            ArrayNode common = e.putArray("commonErrors");
            WireContract.COMMON_ERRORS.forEach(common::add);
        }
        Path script = Files.createTempFile("botocore_check", ".py");
        try (InputStream in = Botocore.class.getResourceAsStream("botocore_check.py")) {
            Files.write(script, in.readAllBytes());
        }
        try {
            Process python = new ProcessBuilder(PYTHON, script.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            python.getOutputStream().write(JSON.writeValueAsBytes(input));
            python.getOutputStream().close();
            String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!python.waitFor(60, TimeUnit.SECONDS) || python.exitValue() != 0) {
                throw new IOException("botocore_check.py failed: " + out);
            }
            return JSON.readTree(out);
        } finally {
            Files.deleteIfExists(script);
        }
    }

    static String python() {
        return PYTHON;
    }

    /** The newest API version of a service's model, as botocore's loader picks it. */
    static synchronized JsonNode model(String service) throws IOException {
        JsonNode cached = MODELS.get(service);
        if (cached != null) {
            return cached;
        }
        Path serviceDir = data().orElseThrow().resolve(service);
        Path version;
        try (Stream<Path> versions = Files.list(serviceDir)) {
            version = versions.filter(Files::isDirectory)
                    .max(Path::compareTo)
                    .orElseThrow(() -> new IOException("No API version of " + service + " in " + serviceDir));
        }
        Path gz = version.resolve("service-2.json.gz");
        Path plain = version.resolve("service-2.json");
        try (InputStream in =
                Files.exists(gz) ? new GZIPInputStream(Files.newInputStream(gz)) : Files.newInputStream(plain)) {
            JsonNode model = JSON.readTree(in);
            MODELS.put(service, model);
            return model;
        }
    }
}
