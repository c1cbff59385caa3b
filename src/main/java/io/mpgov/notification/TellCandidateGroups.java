package io.mpgov.notification;

import io.mpgov.security.Personas;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.FailedJobRetryConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultFailedJobCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * On every user task of every deployed process, when it is created: its name gets the product and the request
 * ({@link TaskNames}), and, when it waits for candidate groups, a job of its own mails their members
 * ({@link WaitingTaskMail}). The job runs after the task is committed, so a mail that fails never costs the
 * task; it is retried ({@value #RETRIES} times, {@value #RETRY_INTERVAL} apart) and then stays as an incident (of
 * the process definition: the job is the request's but belongs to none of its executions).
 * The requester group's tasks are the requester's own (completing a product request): they are not mailed.
 */
@Component
public class TellCandidateGroups extends AbstractProcessEnginePlugin {

    static final String JOB_TYPE = "mpgov-task-waiting-mail";
    static final int RETRIES = 5;
    static final String RETRY_INTERVAL = "PT1M";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> parseListeners =
                new ArrayList<>(Optional.ofNullable(configuration.getCustomPostBPMNParseListeners())
                        .orElse(List.of()));
        parseListeners.add(new Parser());
        configuration.setCustomPostBPMNParseListeners(parseListeners);
        @SuppressWarnings("rawtypes")
        List<JobHandler> handlers = new ArrayList<>(
                Optional.ofNullable(configuration.getCustomJobHandlers()).orElse(List.of()));
        handlers.add(new MailJob());
        configuration.setCustomJobHandlers(handlers);
    }

    /** After init: Spring Boot's starter sets its own factory in its preInit, whichever plugin comes first. */
    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        FailedJobCommandFactory others = Optional.ofNullable(configuration.getFailedJobCommandFactory())
                .orElseGet(DefaultFailedJobCommandFactory::new);
        configuration.setFailedJobCommandFactory((jobId, failure) -> new MailRetry(jobId, failure, others));
    }

    /** The groups a mail goes to: the task's candidate groups, but the requesters'. */
    static List<String> groups(List<? extends IdentityLink> links) {
        return links.stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .filter(g -> !g.equals(Personas.REQUESTER))
                .distinct()
                .sorted()
                .toList();
    }

    private static final class Parser extends AbstractBpmnParseListener {

        private final TaskListener onCreate = TellCandidateGroups::created;
        private final ExecutionListener onEnd = TellCandidateGroups::ended;

        @Override
        public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
            ((UserTaskActivityBehavior) activity.getActivityBehavior())
                    .getTaskDefinition()
                    .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, onCreate);
        }

        @Override
        public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
            processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, onEnd);
        }
    }

    /**
     * A request that ends (or is deleted) takes its mails that have not gone with it: they belong to no execution that
     * would. One running at this moment is left to finish: it finds its task gone and ends without a mail.
     */
    private static void ended(DelegateExecution instance) {
        Date now = ClockUtil.getCurrentTime();
        Context.getCommandContext()
                .getJobManager()
                .findJobsByProcessInstanceId(instance.getProcessInstanceId())
                .stream()
                .filter(job -> JOB_TYPE.equals(job.getJobHandlerType()))
                .filter(job -> job.getLockExpirationTime() == null
                        || job.getLockExpirationTime().before(now))
                .forEach(JobEntity::delete);
    }

    private static void created(DelegateTask task) {
        Object requestId = task.getVariable("requestId");
        task.setName(TaskNames.readable(
                task.getName(),
                task.getVariable("productTitle"),
                task.getVariable("productId"),
                requestId != null ? requestId : task.getExecution().getProcessBusinessKey()));
        if (groups(List.copyOf(task.getCandidates())).isEmpty()) {
            return;
        }
        // Of the process instance, but of no execution: a job of an execution is deleted with it and changes it when
        // it ends, which would collide with whoever completes the task while its mail goes.
        ExecutionEntity execution = (ExecutionEntity) task.getExecution();
        MessageEntity job = new MessageEntity();
        job.setProcessInstanceId(execution.getProcessInstanceId());
        job.setRootProcessInstanceId(execution.getRootProcessInstanceId());
        job.setProcessDefinitionId(execution.getProcessDefinitionId());
        job.setProcessDefinitionKey(execution.getProcessDefinition().getKey());
        job.setDeploymentId(execution.getProcessDefinition().getDeploymentId());
        job.setTenantId(execution.getTenantId());
        job.setActivityId(task.getTaskDefinitionKey());
        job.setJobHandlerType(JOB_TYPE);
        job.setJobHandlerConfigurationRaw(task.getId());
        Context.getCommandContext().getJobManager().send(job);
    }

    private record TaskId(String id) implements JobHandlerConfiguration {
        @Override
        public String toCanonicalString() {
            return id;
        }
    }

    private static final class MailJob implements JobHandler<TaskId> {

        @Override
        public String getType() {
            return JOB_TYPE;
        }

        @Override
        public void execute(TaskId config, ExecutionEntity none, CommandContext context, String tenantId) {
            TaskEntity task = context.getTaskManager().findTaskById(config.id());
            // decided, or taken by someone, before the mail went: it waits for nobody any more
            if (task == null || task.getAssignee() != null) {
                return;
            }
            ExecutionEntity execution = task.getExecution();
            List<String> groups = groups(List.copyOf(task.getCandidates()));
            if (groups.isEmpty()) {
                return;
            }
            WaitingTaskMail mail = (WaitingTaskMail) context.getProcessEngineConfiguration()
                    .getExpressionManager()
                    .createExpression("${" + WaitingTaskMail.BEAN + "}")
                    .getValue(execution);
            mail.send(new WaitingTaskMail.WaitingTask(
                    task.getId(), task.getName(), groups, task.getDueDate(), execution.getVariables()));
        }

        @Override
        public TaskId newConfiguration(String canonicalString) {
            return new TaskId(canonicalString);
        }

        @Override
        public void onDelete(TaskId configuration, JobEntity jobEntity) {}
    }

    /** A failed mail job waits {@value #RETRY_INTERVAL} between its tries; every other job fails as the engine says. */
    private static final class MailRetry extends DefaultJobRetryCmd {

        private final FailedJobCommandFactory others;

        MailRetry(String jobId, Throwable failure, FailedJobCommandFactory others) {
            super(jobId, failure);
            this.others = others;
        }

        @Override
        public Object execute(CommandContext context) {
            JobEntity job = getJob();
            if (job == null || !JOB_TYPE.equals(job.getJobHandlerType())) {
                return others.getCommand(jobId, exception).execute(context);
            }
            try {
                executeCustomStrategy(context, job, null);
            } catch (Exception e) {
                executeStandardStrategy(context);
            }
            return null;
        }

        @Override
        public FailedJobRetryConfiguration getFailedJobRetryConfiguration(JobEntity job, ActivityImpl activity) {
            return new FailedJobRetryConfiguration(RETRIES, List.of(RETRY_INTERVAL));
        }
    }
}
