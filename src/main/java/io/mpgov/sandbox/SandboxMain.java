package io.mpgov.sandbox;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the AWS sandbox on its own, seeded with the demo organization, e.g. for benchmarks or to point
 * a second mpgov node at it: {@code java -cp target/classes:... io.mpgov.sandbox.SandboxMain [port]}.
 */
public final class SandboxMain {

    private SandboxMain() {}

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 4566;
        Sandbox sandbox = new Sandbox(Clock.systemUTC());
        sandbox.seedDemo();
        SandboxServer server = SandboxServer.start(System.getProperty("sandbox.host", "127.0.0.1"), port, sandbox);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        new CountDownLatch(1).await();
    }
}
