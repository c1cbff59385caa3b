package io.mpgov.review;

import io.mpgov.decision.DecisionRejectedException;
import io.mpgov.notification.ForPeople;
import io.mpgov.security.AsSystem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * The least-privilege review of the roles that buy and that change the catalog: who is in them, when
 * each was last active in mpgov, and — once security has attested — removing those who should not be.
 */
@Service
public class AccessReviewer {

    private final IdentityService identity;
    private final HistoryService history;
    private final TaskService tasks;
    private final ReviewSettings settings;

    public AccessReviewer(
            IdentityService identity, HistoryService history, TaskService tasks, ReviewSettings settings) {
        this.identity = identity;
        this.history = history;
        this.tasks = tasks;
        this.settings = settings;
    }

    /** @param lastActivity the member's latest completed task or engine operation (null: none on record) */
    public record Membership(String userId, String name, String group, Date lastActivity, String awsRole) {

        public String key() {
            return userId + "@" + group;
        }

        Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("userId", userId);
            map.put("name", name);
            map.put("group", group);
            map.put(
                    "lastActivity",
                    lastActivity == null ? null : lastActivity.toInstant().toString());
            map.put("awsRole", awsRole);
            return map;
        }

        String line() {
            return key() + " (" + name + "), last active "
                    + (lastActivity == null ? "never" : ForPeople.text(lastActivity))
                    + (awsRole == null ? "" : ", AWS role " + awsRole);
        }
    }

    public List<Membership> members() {
        return AsSystem.run(identity, () -> {
            List<Membership> members = new ArrayList<>();
            for (String group : settings.accessGroups()) {
                for (User user : identity.createUserQuery()
                        .memberOfGroup(group)
                        .orderByUserId()
                        .asc()
                        .list()) {
                    members.add(new Membership(
                            user.getId(),
                            (Objects.toString(user.getFirstName(), "") + " " + Objects.toString(user.getLastName(), ""))
                                    .trim(),
                            group,
                            lastActivity(user.getId()),
                            settings.accessRoleMappings().get(group)));
                }
            }
            return members;
        });
    }

    private Date lastActivity(String userId) {
        Date task = history
                .createHistoricTaskInstanceQuery()
                .taskAssignee(userId)
                .finished()
                .orderByHistoricTaskInstanceEndTime()
                .desc()
                .listPage(0, 1)
                .stream()
                .map(HistoricTaskInstance::getEndTime)
                .findFirst()
                .orElse(null);
        Date operation =
                history.createUserOperationLogQuery().userId(userId).orderByTimestamp().desc().listPage(0, 1).stream()
                        .map(UserOperationLogEntry::getTimestamp)
                        .findFirst()
                        .orElse(null);
        return Stream.of(task, operation)
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElse(null);
    }

    /**
     * The attested removals, each {@code user@group} of a current member; anything else is refused with
     * its entry named, so nothing is removed by a typo.
     */
    public List<Membership> removals(String attested, List<Membership> current) {
        List<String> entries = attested == null
                ? List.of()
                : Arrays.stream(attested.split("[,;\\s]+"))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .distinct()
                        .toList();
        List<Membership> removals = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String entry : entries) {
            current.stream()
                    .filter(m -> m.key().equals(entry))
                    .findFirst()
                    .ifPresentOrElse(removals::add, () -> unknown.add(entry));
        }
        if (!unknown.isEmpty()) {
            throw new DecisionRejectedException(
                    AccessReviewProcess.REMOVALS,
                    "Not a current membership (user@group): " + String.join(", ", unknown));
        }
        return removals;
    }

    /** Removes the memberships in Camunda identity; returns the report lines and, separately, what to do in AWS. */
    public Result apply(List<Membership> removals) {
        List<String> report = new ArrayList<>();
        List<String> aws = new ArrayList<>();
        AsSystem.run(identity, () -> {
            for (Membership m : removals) {
                identity.deleteMembership(m.userId(), m.group());
                report.add("removed " + m.key() + " from the mpgov group " + m.group());
                // a task they claimed as a member would wait for them forever: only its claimer completes it
                for (Task task : tasks.createTaskQuery()
                        .taskAssignee(m.userId())
                        .taskCandidateGroup(m.group())
                        .includeAssignedTasks()
                        .list()) {
                    tasks.setAssignee(task.getId(), null);
                    report.add("gave '" + task.getName() + "', which " + m.userId() + " had claimed, back to "
                            + m.group());
                }
                if (m.awsRole() != null) {
                    aws.add("remove " + m.userId() + " from the IAM role " + m.awsRole() + " (or its permission set)");
                }
            }
            return null;
        });
        return new Result(report, aws);
    }

    public record Result(List<String> report, List<String> awsActions) {}

    /** As a JSON variable: an ArrayList of LinkedHashMaps, types the engine deserializes. */
    static List<Map<String, Object>> asMaps(List<Membership> members) {
        return members.stream()
                .map(Membership::asMap)
                .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
    }

    static List<String> lines(List<Membership> members) {
        return members.stream().map(Membership::line).toList();
    }
}
