package io.mpgov.request;

import static io.mpgov.request.ProcurementRequestProcess.KEY;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.NativeHistoricProcessInstanceQuery;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may see which request, one rule for one request and for the lists. READ_HISTORY on the process — the engine's
 * authorization the auditor, procurement and the PMP administrators hold — sees every request. Anyone else sees the
 * requests that involve them: those they started or took over (a request AWS or a review opened), and those they
 * have or had a task on — a task whose candidate groups, as the model gave them (mpgov's record of duties,
 * {@code mpgov_task_duty}), include one of theirs, or that the model assigned to them. Either is one SQL condition on
 * the request's history, so a list of 100,000 requests is one query, not a loop.
 */
@Component
class RequestVisibility {

    /**
     * The requests involving {@code #{user}}, on the history's process instance row {@code RES}; {@code %1$s}: the
     * table of historic variables, {@code %2$s}: a condition per candidate group.
     */
    private static final String INVOLVES = "(exists (select 1 from %1$s V where V.PROC_INST_ID_ = RES.ID_"
            + " and V.TASK_ID_ is null and V.NAME_ = '" + ProcurementRequestProcess.INITIATOR + "'"
            + " and V.TEXT_ = #{user})"
            + " or exists (select 1 from mpgov_task_duty D where D.process_instance_id = RES.ID_"
            + " and (D.assignee = #{user}%2$s)))";

    /** One candidate group among a duty's (comma-separated, as {@code TaskDuties} keeps them). */
    private static final String CANDIDATE_GROUP = " or ',' || D.candidate_groups || ',' like #{%s} escape '!'";

    private final AuthorizationService authorizations;
    private final HistoryService history;
    /** The engine's tables by their names here (a table prefix, e.g. a schema, included). */
    private final String processInstances;

    private final String variables;

    RequestVisibility(AuthorizationService authorizations, HistoryService history, ManagementService management) {
        this.authorizations = authorizations;
        this.history = history;
        this.processInstances = management.getTableName(HistoricProcessInstance.class);
        this.variables = management.getTableName(HistoricVariableInstance.class);
    }

    boolean seesAll(Authentication user) {
        return authorizations.isUserAuthorized(
                user.getUserId(), user.getGroupIds(), Permissions.READ_HISTORY, Resources.PROCESS_DEFINITION, KEY);
    }

    /** May the user see the request of this process instance? Run as the system (the history is read unfiltered). */
    boolean maySee(Authentication user, String processInstanceId) {
        return seesAll(user)
                || involving(user, "select count(*) from " + processInstances + " RES where RES.ID_ = #{id} and %s")
                                .parameter("id", processInstanceId)
                                .count()
                        > 0;
    }

    /** The requests involving the user, newest first (ties by id), and how many they are. */
    record Involving(List<HistoricProcessInstance> page, long total) {}

    /**
     * @param finished null: every request; true: those that ended; false: the running ones
     */
    Involving involving(Authentication user, Boolean finished, int firstResult, int maxResults) {
        String where = "from " + processInstances + " RES where RES.PROC_DEF_KEY_ = #{key}"
                + (finished == null ? "" : finished ? " and RES.END_TIME_ is not null" : " and RES.END_TIME_ is null")
                + " and %s";
        long total = involving(user, "select count(*) " + where)
                .parameter("key", KEY)
                .count();
        List<HistoricProcessInstance> page = involving(
                        user, "select RES.* " + where + " order by RES.START_TIME_ desc, RES.ID_ desc")
                .parameter("key", KEY)
                .listPage(firstResult, maxResults);
        return new Involving(page, total);
    }

    /** A native query of the history: {@code sql}'s {@code %s} becomes the condition that the request involves them. */
    private NativeHistoricProcessInstanceQuery involving(Authentication user, String sql) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("user", user.getUserId());
        StringBuilder groups = new StringBuilder();
        List<String> groupIds = user.getGroupIds() == null ? List.of() : user.getGroupIds();
        for (int i = 0; i < groupIds.size(); i++) {
            groups.append(CANDIDATE_GROUP.formatted("group" + i));
            parameters.put("group" + i, "%," + escapeLike(groupIds.get(i)) + ",%");
        }
        NativeHistoricProcessInstanceQuery query = history.createNativeHistoricProcessInstanceQuery()
                .sql(sql.formatted(INVOLVES.formatted(variables, groups)));
        parameters.forEach(query::parameter);
        return query;
    }

    private static String escapeLike(String value) {
        return value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
