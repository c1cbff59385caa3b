package io.mpgov.security;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's command layer as mpgov's gate: every command a signed-in user sends — through
 * /engine-rest, Tasklist's and Cockpit's session API, or mpgov's own API — passes here before the
 * engine runs it (nested commands of the engine's own work do not). What may pass is
 * {@link CommandVerdicts}'; starts and completions are also checked against the forms.
 */
final class CommandGate extends CommandInterceptor {

    private static final Logger log = LoggerFactory.getLogger(CommandGate.class);

    private final Supplier<ProcessEngineServices> engine;
    private final FormFields forms;
    /** process definition id → the start form's fields (empty: the process takes nothing from a caller) */
    private final Map<String, Set<String>> startFields = new ConcurrentHashMap<>();

    CommandGate(Supplier<ProcessEngineServices> engine, FormFields forms) {
        this.engine = engine;
        this.forms = forms;
    }

    @Override
    public <T> T execute(Command<T> command) {
        // null while the engine builds itself: nobody is signed in yet
        if (Context.getCommandContext() == null && engine.get() != null) {
            Authentication caller = engine.get().getIdentityService().getCurrentAuthentication();
            if (caller != null && caller.getUserId() != null) {
                check(command, caller);
            }
        }
        return next.execute(command);
    }

    private void check(Command<?> command, Authentication caller) {
        CommandVerdicts.Verdict verdict = CommandVerdicts.of(command);
        if (verdict == CommandVerdicts.Verdict.READ
                || verdict == CommandVerdicts.Verdict.PERSONA
                || verdict == CommandVerdicts.Verdict.GOVERNED
                || isAdmin(caller)) {
            return;
        }
        switch (verdict) {
            case START -> checkStart(command, caller);
            case COMPLETE -> checkCompletion(command, caller);
            default -> {
                log.warn(
                        "{} was refused {}: camunda-admin only",
                        caller.getUserId(),
                        command.getClass().getSimpleName());
                throw new AuthorizationException(caller.getUserId() + " may not run "
                        + command.getClass().getSimpleName()
                        + " on mpgov's engine: changing running processes other than by starting them from their start"
                        + " form and completing one's own tasks is for camunda-admin only");
            }
        }
    }

    private void checkStart(Command<?> command, Authentication caller) {
        String definitionId;
        String definitionKey;
        String businessKey;
        Map<String, Object> variables;
        if (command instanceof StartProcessInstanceCmd start) {
            ProcessInstantiationBuilderImpl builder = field(start, "instantiationBuilder");
            definitionId = builder.getProcessDefinitionId();
            definitionKey = builder.getProcessDefinitionKey();
            businessKey = builder.getBusinessKey();
            variables = builder.getVariables();
        } else {
            SubmitStartFormCmd submit = (SubmitStartFormCmd) command;
            definitionId = field(submit, "processDefinitionId");
            definitionKey = null;
            businessKey = field(submit, "businessKey");
            variables = field(submit, "variables");
        }
        ProcessDefinition definition = asSystem(() -> definitionId != null
                ? engine.get()
                        .getRepositoryService()
                        .createProcessDefinitionQuery()
                        .processDefinitionId(definitionId)
                        .singleResult()
                : engine.get()
                        .getRepositoryService()
                        .createProcessDefinitionQuery()
                        .processDefinitionKey(definitionKey)
                        .latestVersion()
                        .withoutTenantId()
                        .singleResult());
        if (definition == null) {
            return; // the engine answers "not found" itself
        }
        if (businessKey != null && !businessKey.isEmpty()) {
            throw refusal(
                    caller,
                    "may not choose the business key of a new " + definition.getKey()
                            + ": mpgov gives every process its own");
        }
        Set<String> allowed = startFields.computeIfAbsent(definition.getId(), id -> startFormFields(id));
        Set<String> extra = new TreeSet<>(names(variables));
        extra.removeAll(allowed);
        if (!extra.isEmpty()) {
            throw refusal(
                    caller,
                    "may not set " + String.join(", ", extra) + " when starting " + definition.getKey()
                            + ": a start brings only the start form's fields"
                            + (allowed.isEmpty()
                                    ? " (this process has none)"
                                    : " (" + String.join(", ", new TreeSet<>(allowed)) + ")"));
        }
        String object = objectValue(variables);
        if (object != null) {
            throw refusal(
                    caller,
                    "may not send " + object + " as an object when starting " + definition.getKey()
                            + ": a start brings text, numbers, booleans and dates");
        }
    }

    private void checkCompletion(Command<?> command, Authentication caller) {
        String taskId;
        Map<String, Object> variables;
        if (command instanceof CompleteTaskCmd complete) {
            taskId = field(complete, "taskId");
            variables = field(complete, "variables");
        } else {
            SubmitTaskFormCmd submit = (SubmitTaskFormCmd) command;
            taskId = field(submit, "taskId");
            variables = field(submit, "properties");
        }
        if (variables == null || variables.isEmpty()) {
            return;
        }
        Task task = asSystem(() -> engine.get()
                .getTaskService()
                .createTaskQuery()
                .taskId(taskId)
                .initializeFormKeys()
                .singleResult());
        if (task == null) {
            return;
        }
        FormFields.Form form = forms.form(
                        task.getCamundaFormRef() == null
                                ? null
                                : task.getCamundaFormRef().getKey())
                .orElse(new FormFields.Form(null, Set.of(), Set.of()));
        Set<String> editable = form.editable();
        String object = objectValue(variables);
        if (object != null) {
            throw new FormFieldValidationException(
                    object,
                    object + " must be text, a number, a boolean or a date when completing '" + task.getName() + "'");
        }
        VariableMap sent = Variables.fromMap(variables);
        // only the variables it sends: a name missing from the answer does not exist on the task's scopes
        Map<String, Object> current =
                asSystem(() -> engine.get().getTaskService().getVariables(taskId, sent.keySet()));
        Set<String> changed = new TreeSet<>();
        for (String name : sent.keySet()) {
            boolean echo = current.containsKey(name)
                    ? shownAlike(current.get(name), sent.get(name))
                    // a field the form shows empty may come back empty; creating any other variable is a change
                    : form.shown().contains(name) && text(sent.get(name)).isEmpty();
            if (!editable.contains(name) && !echo) {
                changed.add(name);
            }
        }
        if (!changed.isEmpty()) {
            log.warn(
                    "{} tried to change {} while completing '{}' (task {})",
                    caller.getUserId(),
                    changed,
                    task.getName(),
                    taskId);
            throw new FormFieldValidationException(
                    changed.iterator().next(),
                    "Completing '" + task.getName() + "' may set "
                            + (editable.isEmpty() ? "nothing" : "only " + String.join(", ", new TreeSet<>(editable)))
                            + "; it may not change " + String.join(", ", changed));
        }
    }

    /** Callers send text, numbers, booleans and dates; objects (serialized Java or JSON) never: the first that is one. */
    private static String objectValue(Map<String, Object> variables) {
        VariableMap typed = Variables.fromMap(variables == null ? Map.of() : variables);
        for (String name : typed.keySet()) {
            TypedValue value = typed.getValueTyped(name);
            if (value != null && value.getType() != null && !value.getType().isPrimitiveValueType()) {
                return name;
            }
        }
        return null;
    }

    private Set<String> startFormFields(String definitionId) {
        BpmnModelInstance model =
                asSystem(() -> engine.get().getRepositoryService().getBpmnModelInstance(definitionId));
        Set<String> fields = new TreeSet<>();
        for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
            if (start.getEventDefinitions().isEmpty()) {
                forms.form(start.getCamundaFormRef()).ifPresent(form -> fields.addAll(form.editable()));
            }
        }
        return Set.copyOf(fields);
    }

    /**
     * A form echoes the read-only fields it shows: the same value as a person reads it is no change —
     * null and "" alike, 60000 and 60000.0 alike, a date to the second in UTC.
     */
    static boolean shownAlike(Object current, Object sent) {
        if (current instanceof Date date && sent instanceof String shown) {
            return sameSecond(date, shown);
        }
        return text(current).equals(text(sent));
    }

    /** Forms show a date as the REST API writes it (yyyy-MM-dd'T'HH:mm:ss.SSSZ, any zone) or as ISO text. */
    private static boolean sameSecond(Date date, String shown) {
        for (String pattern : List.of("yyyy-MM-dd'T'HH:mm:ss.SSSZ", "yyyy-MM-dd'T'HH:mm:ss")) {
            try {
                SimpleDateFormat format = new SimpleDateFormat(pattern);
                format.setTimeZone(TimeZone.getTimeZone("UTC"));
                return format.parse(shown).getTime() / 1000 == date.getTime() / 1000;
            } catch (ParseException e) {
                // try the next way of writing it
            }
        }
        return false;
    }

    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Date date) {
            return LocalDateTime.ofInstant(date.toInstant(), ZoneOffset.UTC)
                    .truncatedTo(ChronoUnit.SECONDS)
                    .toString();
        }
        return value.toString();
    }

    /** camunda-admin is trusted with the whole engine (README, Security model). */
    private boolean isAdmin(Authentication caller) {
        List<String> groups = caller.getGroupIds() != null
                ? caller.getGroupIds()
                : asSystem(() -> Users.groups(engine.get(), caller.getUserId()));
        return groups.contains(Groups.CAMUNDA_ADMIN);
    }

    private static Set<String> names(Map<String, Object> variables) {
        return variables == null ? Set.of() : variables.keySet();
    }

    private static AuthorizationException refusal(Authentication caller, String what) {
        log.warn("{} was refused: {}", caller.getUserId(), what);
        return new AuthorizationException(caller.getUserId() + " " + what);
    }

    private <T> T asSystem(Supplier<T> work) {
        return AsSystem.run(engine.get().getIdentityService(), work);
    }

    /** The engine's commands keep what the caller sent in fields without getters. */
    @SuppressWarnings("unchecked")
    private static <T> T field(Object command, String name) {
        for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return (T) field.get(command);
            } catch (NoSuchFieldException e) {
                // declared further up
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(command.getClass().getName() + " has no field " + name
                + ": the engine gate needs" + " a look after this Camunda upgrade");
    }
}
