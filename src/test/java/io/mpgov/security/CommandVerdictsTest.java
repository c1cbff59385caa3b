package io.mpgov.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.junit.jupiter.api.Test;

/**
 * Every command class in the Camunda engine jar, classified by the engine gate. The commands a persona
 * can reach at all are checked in (engine-gate/open-commands.txt): a Camunda upgrade that adds or
 * renames one fails here until someone has looked at it.
 */
class CommandVerdictsTest {

    @Test
    void onlyTheReviewedCommandsAreOpenToPersonas() throws Exception {
        List<String> open = new ArrayList<>();
        for (Class<?> command : engineCommands()) {
            CommandVerdicts.Verdict verdict = CommandVerdicts.of(command);
            if (verdict != CommandVerdicts.Verdict.ADMIN) {
                open.add(command.getName() + " " + verdict);
            }
        }
        try (InputStream in = getClass().getResourceAsStream("/engine-gate/open-commands.txt")) {
            List<String> reviewed = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .toList();
            assertThat(open).as("engine commands a persona can reach").containsExactlyElementsOf(reviewed);
        }
    }

    @Test
    void everyDoorOfTheEightAttackClassesIsCamundaAdminsOnly() throws Exception {
        List<String> doors = List.of(
                "StartProcessInstanceAtActivitiesCmd",
                "ModifyProcessInstanceCmd",
                "ModifyProcessInstanceAsyncCmd",
                "RestartProcessInstancesCmd",
                "MigrateProcessInstanceCmd",
                "SetProcessDefinitionVersionCmd",
                "SetTaskVariablesCmd",
                "PatchTaskVariablesCmd",
                "RemoveTaskVariablesCmd",
                "SetExecutionVariablesCmd",
                "PatchExecutionVariablesCmd",
                "RemoveExecutionVariablesCmd",
                "ResolveTaskCmd",
                "DelegateTaskCmd",
                "AddUserIdentityLinkCmd",
                "AddGroupIdentityLinkCmd",
                "DeleteUserIdentityLinkCmd",
                "DeleteGroupIdentityLinkCmd",
                "SetTaskOwnerCmd",
                "SaveTaskCmd",
                "HandleTaskBpmnErrorCmd",
                "HandleTaskEscalationCmd",
                "CorrelateMessageCmd",
                "CorrelateAllMessageCmd",
                "SignalCmd",
                "SignalEventReceivedCmd",
                "MessageEventReceivedCmd",
                "ExecuteJobsCmd",
                "DeleteProcessInstanceCmd",
                "SuspendProcessInstanceCmd",
                "DeleteHistoricProcessInstancesCmd",
                "DeleteUserOperationLogEntryCmd",
                "DeployCmd");
        List<String> notAdmin = engineCommands().stream()
                .filter(c -> doors.contains(c.getSimpleName()))
                .filter(c -> CommandVerdicts.of(c) != CommandVerdicts.Verdict.ADMIN)
                .map(Class::getSimpleName)
                .toList();
        assertThat(engineCommands().stream()
                        .map(Class::getSimpleName)
                        .filter(doors::contains)
                        .distinct()
                        .count())
                .as("the doors exist in this engine")
                .isEqualTo(doors.size());
        assertThat(notAdmin).isEmpty();
    }

    private static List<Class<?>> engineCommands() throws IOException, URISyntaxException {
        Path jar = Path.of(Command.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        List<Class<?>> commands = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : java.util.Collections.list(file.entries())) {
                String name = entry.getName();
                if (!name.startsWith("org/camunda/bpm/engine/") || !name.endsWith(".class") || name.contains("$")) {
                    continue;
                }
                try {
                    Class<?> type = Class.forName(
                            name.replace('/', '.').replace(".class", ""), false, Command.class.getClassLoader());
                    if (Command.class.isAssignableFrom(type)
                            && !type.isInterface()
                            && !Modifier.isAbstract(type.getModifiers())) {
                        commands.add(type);
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    // classes for optional integrations the classpath lacks: no door here
                }
            }
        }
        commands.sort(java.util.Comparator.comparing(Class::getName));
        return commands;
    }
}
