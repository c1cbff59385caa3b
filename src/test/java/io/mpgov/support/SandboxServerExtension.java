package io.mpgov.support;

import io.mpgov.sandbox.Sandbox;
import io.mpgov.sandbox.SandboxServer;
import java.net.URI;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A sandbox on a free port for one test class ({@code @RegisterExtension static}), its demo organization
 * seeded afresh and its rate limits off before each test; the class's own set-up runs after this.
 */
public final class SandboxServerExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    private final Sandbox sandbox;
    private SandboxServer server;

    public SandboxServerExtension(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    public URI baseUri() {
        return server.baseUri();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = SandboxServer.start("127.0.0.1", 0, sandbox);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        sandbox.seedDemo();
        sandbox.knobs().rateLimitsEnabled = false;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }
}
