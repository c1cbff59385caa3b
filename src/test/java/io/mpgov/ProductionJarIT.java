package io.mpgov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mpgov.support.Ports;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The artifact operations get, {@code target/mpgov.jar}, started with {@code java -jar} as they would
 * start it (run by failsafe after {@code package}, in a directory of its own): without a profile it
 * refuses and leaves nothing behind — no demo users, no sandbox, no database; the demo starts only when
 * asked for.
 */
class ProductionJarIT {

    private static final Path JAR = Path.of("target", "mpgov.jar").toAbsolutePath();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void withoutAProfileTheJarRefusesAndOpensNothing(@TempDir Path dir) throws Exception {
        int port = Ports.free();
        int sandboxPort = Ports.free();
        Path log = dir.resolve("mpgov.log");

        Process jar = start(dir, log, "--server.port=" + port, "--mpgov.sandbox.port=" + sandboxPort);

        assertThat(jar.waitFor(120, TimeUnit.SECONDS))
                .as("the jar stops by itself")
                .isTrue();
        assertThat(jar.exitValue()).isNotZero();
        String output = Files.readString(log);
        assertThat(output)
                .contains("APPLICATION FAILED TO START", "without the profile that says where it runs")
                .doesNotContain("AWS sandbox listening");
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()).toList())
                    .as("no database, no sandbox state")
                    .containsOnly("mpgov.log");
        }
        Ports.assertNothingListensOn(port);
        Ports.assertNothingListensOn(sandboxPort);
    }

    @Test
    void theDemoStartsOnlyWhenAskedFor(@TempDir Path dir) throws Exception {
        int port = Ports.free();
        Process jar = start(
                dir,
                dir.resolve("mpgov.log"),
                "--spring.profiles.active=demo",
                "--server.port=" + port,
                "--mpgov.sandbox.port=" + Ports.free());
        try {
            await().atMost(Duration.ofSeconds(180))
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    .until(() -> get(port, "/actuator/health", null).statusCode() == 200);
            HttpResponse<String> users = get(port, "/engine-rest/user/count", "admin:demo");
            assertThat(users.statusCode()).isEqualTo(200);
            assertThat(users.body()).as("the demo users").contains("\"count\":10");
            assertThat(dir.resolve("data"))
                    .as("the demo's H2 database and sandbox state beside it")
                    .isDirectory();
        } finally {
            jar.destroy();
            assertThat(jar.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static Process start(Path dir, Path log, String... args) throws IOException {
        assertThat(JAR).as("built by package before the integration tests").exists();
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                JAR.toString(),
                "--spring.main.banner-mode=off"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // as a shell without any mpgov setting would start it
        builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_") || name.startsWith("MPGOV_"));
        return builder.start();
    }

    private static HttpResponse<String> get(int port, String path, String basic)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
        if (basic != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
