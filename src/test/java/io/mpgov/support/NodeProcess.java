package io.mpgov.support;

import static org.awaitility.Awaitility.await;

import io.mpgov.MpgovApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An mpgov node in its own JVM, as operations run it: demo users, a PostgreSQL schema, the AWS sandbox
 * at {@code sandbox} (through {@code mpgov.aws.endpoint}, as for any other endpoint). It can be stopped
 * as a service manager stops it (SIGTERM) or killed as a crash kills it (SIGKILL). Its output goes to
 * {@code target/nodes/<name>.log}.
 */
public final class NodeProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private NodeProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the node and waits until its health endpoint says UP (database and AWS reachable). */
    public static NodeProcess start(String name, URI sandbox, String schema, String... more) {
        int port = freePort();
        Path log = Path.of("target", "nodes", name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + System.getProperty("mpgov.node.xmx", "512m"),
                "-XX:TieredStopAtLevel=1",
                "-cp",
                classPath(),
                MpgovApplication.class.getName(),
                "--spring.profiles.active=demo",
                "--mpgov.sandbox.enabled=false",
                "--mpgov.aws.endpoint=" + sandbox,
                "--server.port=" + port,
                "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + PostgresTestDatabase.URL + "?currentSchema=" + schema,
                "--spring.datasource.username=" + PostgresTestDatabase.USER,
                "--spring.datasource.password=",
                "--camunda.bpm.database.schema-name=" + schema,
                "--camunda.bpm.database.table-prefix=" + schema + ".",
                // The cluster and crash tests distribute to the benchmark OU account by account, as a load of many
                // grant writes.
                "--mpgov.license.ou-grants=false"));
        command.addAll(List.of(more));
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            // The sandbox accepts any key; the default credentials chain only needs to find one (Maven's
            // surefire sets these, a benchmark run from exec:java does not).
            builder.environment().putIfAbsent("AWS_ACCESS_KEY_ID", "sandbox");
            builder.environment().putIfAbsent("AWS_SECRET_ACCESS_KEY", "sandbox");
            Process process = builder.start();
            NodeProcess node = new NodeProcess(name, process, port, log);
            node.awaitUp();
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitUp() {
        Http http = http();
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(
                                name + " exited with " + process.exitValue() + "; see " + log.toAbsolutePath());
                    }
                    try {
                        return http.get("/actuator/health", null).status() == 200;
                    } catch (UncheckedIOException notYetListening) {
                        return false;
                    }
                });
    }

    public Http http() {
        return new Http(port);
    }

    /** What a crash does: SIGKILL, no shutdown hooks, no rollback but the database's own. */
    public void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** What a service manager does: SIGTERM, graceful shutdown. */
    public void stop() {
        process.destroy();
        waitForExit();
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    /**
     * The class path this code runs with: the loader's URLs where a tool loads it (exec:java), else the
     * JVM's class path without empty entries — java reads those as the working directory, whose
     * processes/ would then be deployed twice.
     */
    private static String classPath() {
        java.util.stream.Stream<String> entries = Thread.currentThread().getContextClassLoader()
                        instanceof java.net.URLClassLoader loader
                ? java.util.Arrays.stream(loader.getURLs()).map(url -> {
                    try {
                        return Path.of(url.toURI()).toString();
                    } catch (java.net.URISyntaxException e) {
                        throw new IllegalStateException(e);
                    }
                })
                : java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator));
        return entries.filter(entry -> !entry.isBlank())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
