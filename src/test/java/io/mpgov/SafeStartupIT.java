package io.mpgov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mpgov.support.Ports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The jar as operations start it: without a profile it refuses, naming the profiles to choose, instead of
 * coming up as the demo; on the aws profile it refuses without an administrator or with the sandbox switched
 * on. Nothing listens afterwards.
 */
@ExtendWith(OutputCaptureExtension.class)
class SafeStartupIT {

    @Test
    void withoutAProfileItRefusesAndNamesTheProfilesToChoose(CapturedOutput output) {
        int port = Ports.free();

        assertThatThrownBy(() -> start(port))
                .hasMessageContaining("without the profile that says where it runs (active profiles: none)")
                .hasMessageContaining("--spring.profiles.active=demo")
                .hasMessageContaining("SPRING_PROFILES_ACTIVE=aws");
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START", "Choose one: 'demo'");
        Ports.assertNothingListensOn(port);
    }

    @Test
    void anotherProfileAloneIsNoChoiceEither() {
        assertThatThrownBy(() -> start(Ports.free(), "--spring.profiles.active=it"))
                .hasMessageContaining("(active profiles: it)");
    }

    @Test
    void theAwsProfileRefusesWithoutAnAdministrator() {
        int port = Ports.free();

        assertThatThrownBy(() -> start(port, "--spring.profiles.active=aws"))
                .hasMessageContaining("needs an administrator")
                .hasMessageContaining("/camunda/app/admin/default/setup")
                .hasMessageContaining("CAMUNDA_BPM_ADMINUSER_ID");
        assertThatThrownBy(() -> start(port, "--spring.profiles.active=aws", "--camunda.bpm.admin-user.id=ops"))
                .as("an administrator whose password would be its id")
                .hasMessageContaining("needs an administrator");
        Ports.assertNothingListensOn(port);
    }

    @Test
    void theAwsProfileRefusesToStartTheSandbox() {
        int port = Ports.free();
        int sandboxPort = Ports.free();

        assertThatThrownBy(() -> start(
                        port,
                        "--spring.profiles.active=aws",
                        "--camunda.bpm.admin-user.id=ops",
                        "--camunda.bpm.admin-user.password=a-long-secret",
                        "--mpgov.sandbox.enabled=true",
                        "--mpgov.sandbox.port=" + sandboxPort))
                .hasMessageContaining("mpgov.sandbox.enabled=true would start the AWS sandbox");
        Ports.assertNothingListensOn(port);
        Ports.assertNothingListensOn(sandboxPort);
    }

    private static void start(int port, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--server.port=" + port;
        all[1] = "--spring.main.banner-mode=off";
        System.arraycopy(args, 0, all, 2, args.length);
        new SpringApplicationBuilder(MpgovApplication.class).run(all).close();
    }
}
