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
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLinkType;
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
    private final AccessPolicy policy;
    /** process definition id → the start form's fields (empty: the process takes nothing from a caller) */
    private final Map<String, Set<String>> startFields = new ConcurrentHashMap<>();

    CommandGate(Supplier<ProcessEngineServices> engine, FormFields forms, AccessPolicy policy) {
        this.engine = engine;
        this.forms = forms;
        this.policy = policy;
    }

    @Override
    public <T> T execute(Command<T> command) {
        // null while the engine builds itself: nobody is signed in yet
        if (Context.getCommandContext() == null && engine.get() != null) {
            Authentication caller = engine.get().getIdentityService().getCurrentAuthentication();
            if (caller != null && caller.getUserId() != null) {
                check(command, withCurrentGroups(caller));
            }
        }
        return next.execute(command);
    }

    /**
     * The caller's groups as they are now, made the engine's current authentication for this command and whatever
     * else the call runs: a session signed in before a group was taken away (Tasklist caches groups at sign-in) keeps
     * none of its rights, for mpgov's checks and Camunda's authorizations alike.
     */
    private Authentication withCurrentGroups(Authentication caller) {
        IdentityService identity = engine.get().getIdentityService();
        List<String> groups = AsSystem.run(identity, () -> Users.groups(engine.get(), caller.getUserId()));
        if (caller.getGroupIds() != null && caller.getGroupIds().equals(groups)) {
            return caller;
        }
        Authentication current = new Authentication(caller.getUserId(), groups, caller.getTenantIds());
        identity.setAuthentication(current);
        return current;
    }

    private void check(Command<?> command, Authentication caller) {
        CommandVerdicts.Verdict verdict = CommandVerdicts.of(command);
        List<String> groups = caller.getGroupIds();
        if (verdict == CommandVerdicts.Verdict.READ || groups.contains(Groups.CAMUNDA_ADMIN)) {
            return;
        }
        if (verdict.operation == null || !policy.allows(groups, verdict.operation)) {
            log.warn(
                    "{} was refused {}: {}",
                    caller.getUserId(),
                    command.getClass().getSimpleName(),
                    verdict.operation == null ? "camunda-admin only" : "not in the access policy");
            throw new AuthorizationException(caller.getUserId() + " may not run "
                    + command.getClass().getSimpleName() + " on mpgov's engine: "
                    + (verdict.operation == null
                            ? "the access policy gives personas starts, completions, claims, comments and job retries;"
                                    + " every other engine command (identity and one's own profile included) is"
                                    + " camunda-admin's"
                            : verdict.operation + ": " + policy.whoMay(verdict.operation)));
        }
        switch (verdict) {
            case START -> checkStart(command, caller);
            case COMPLETE -> checkCompletion(command, caller);
            case COMMENT -> checkComment((AddCommentCmd) command, caller);
            case RETRY_JOB -> checkRetries(command, caller);
            default -> {}
        }
    }

    /**
     * Retrying is for a process's own jobs, which Camunda's RETRY_JOB grants on the process decide; Camunda checks no
     * authorization at all for a job of no process (the history cleanup, which evidence retention relies on).
     */
    private void checkRetries(Command<?> command, Authentication caller) {
        String jobId = field(command, "jobId");
        List<String> jobIds = field(command, "jobIds");
        String jobDefinitionId = field(command, "jobDefinitionId");
        ManagementService management = engine.get().getManagementService();
        List<String> processes = asSystem(() -> {
            if (jobDefinitionId != null) {
                return management.createJobDefinitionQuery().jobDefinitionId(jobDefinitionId).list().stream()
                        .map(JobDefinition::getProcessDefinitionKey)
                        .toList();
            }
            List<String> ids = jobId != null ? List.of(jobId) : jobIds == null ? List.of() : jobIds;
            return ids.stream()
                    .map(id -> management.createJobQuery().jobId(id).singleResult())
                    .filter(java.util.Objects::nonNull)
                    .map(Job::getProcessDefinitionKey)
                    .toList();
        });
        if (processes.stream().anyMatch(java.util.Objects::isNull)) {
            throw refusal(caller, "may not set the retries of a job that belongs to no process: camunda-admin's");
        }
    }

    /** A comment belongs to a task the caller works on, and to that task's request: never to another instance. */
    private void checkComment(AddCommentCmd command, Authentication caller) {
        String taskId = field(command, "taskId");
        String processInstanceId = field(command, "processInstanceId");
        if (taskId == null) {
            throw refusal(caller, "may not comment on a process instance: comments go on a task one works on");
        }
        Task task = asSystem(() ->
                engine.get().getTaskService().createTaskQuery().taskId(taskId).singleResult());
        if (task == null) {
            return; // the engine answers "not found" itself
        }
        if (processInstanceId != null && !processInstanceId.equals(task.getProcessInstanceId())) {
            throw refusal(caller, "may not attach a comment on '" + task.getName() + "' to another process instance");
        }
        boolean works = caller.getUserId().equals(task.getAssignee())
                || (task.getAssignee() == null
                        && asSystem(() -> engine.get().getTaskService().getIdentityLinksForTask(taskId)).stream()
                                .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType())
                                        && (caller.getUserId().equals(link.getUserId())
                                                || caller.getGroupIds().contains(link.getGroupId()))));
        if (!works) {
            throw refusal(caller, "may not comment on '" + task.getName() + "': it is not a task they work on");
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
                    "may not send " + object + " as an object, a file or bytes when starting " + definition.getKey()
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
        Set<String> echoes = new TreeSet<>();
        for (String name : sent.keySet()) {
            boolean echo = current.containsKey(name)
                    ? shownAlike(current.get(name), sent.get(name))
                    // a field the form shows empty may come back empty; creating any other variable is a change
                    : form.shown().contains(name) && text(sent.get(name)).isEmpty();
            if (!editable.contains(name)) {
                (echo ? echoes : changed).add(name);
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
        dropEchoes(variables, echoes, task, caller);
    }

    /**
     * What a form sends back unchanged is not written: an echo is alike as a person reads it, not alike in type (a
     * date sent back as text, a number as a string), and writing it would change what the request holds.
     */
    private void dropEchoes(Map<String, Object> variables, Set<String> echoes, Task task, Authentication caller) {
        if (echoes.isEmpty()) {
            return;
        }
        try {
            variables.keySet().removeAll(echoes);
        } catch (UnsupportedOperationException e) {
            // a Java caller's fixed map: the echoes stay, so each must be of the type it is stored as
            Map<String, Object> current =
                    asSystem(() -> engine.get().getTaskService().getVariables(task.getId(), echoes));
            for (String name : echoes) {
                Object stored = current.get(name);
                Object sent = variables.get(name);
                if (stored != null && (sent == null || !stored.getClass().equals(sent.getClass()))) {
                    throw refusal(
                            caller,
                            "may not send back " + name + " as another type when completing '" + task.getName() + "'");
                }
            }
        }
    }

    /** What a caller may send: text, numbers, booleans and dates (null alike). */
    private static final Set<String> PLAIN_TYPES =
            Set.of("null", "string", "boolean", "short", "integer", "long", "double", "date");

    /** Callers send text, numbers, booleans and dates; never objects, files or bytes: the first value that is one. */
    private static String objectValue(Map<String, Object> variables) {
        VariableMap typed = Variables.fromMap(variables == null ? Map.of() : variables);
        for (String name : typed.keySet()) {
            TypedValue value = typed.getValueTyped(name);
            if (value != null
                    && value.getType() != null
                    && !PLAIN_TYPES.contains(value.getType().getName())) {
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
