package io.mpgov.security;

import static io.mpgov.security.Personas.*;
import static org.camunda.bpm.engine.authorization.Permissions.*;

import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The persona groups and what each may do everywhere, as engine authorizations, plus each feature's
 * {@link AuthorizationContribution} for its own processes and the Tasklist filters people start from. Runs at every start, in every profile, and only adds
 * what is missing: re-running it never duplicates a grant.
 */
@Component
@Order(0)
class IdentityBootstrap extends AbstractProcessEnginePlugin {

    static final String TASKLIST = "tasklist";
    static final String COCKPIT = "cockpit";

    private final ObjectProvider<AuthorizationContribution> contributions;

    IdentityBootstrap(ObjectProvider<AuthorizationContribution> contributions) {
        this.contributions = contributions;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        IdentityService identity = engine.getIdentityService();
        AuthorizationService auth = engine.getAuthorizationService();
        for (String group : Personas.ALL) {
            if (identity.createGroupQuery().groupId(group).count() == 0) {
                var g = identity.newGroup(group);
                g.setName(Personas.displayName(group));
                g.setType("WORKFLOW");
                identity.saveGroup(g);
            }
        }
        for (String group : TASK_WORKERS) {
            grant(auth, group, Resources.APPLICATION, TASKLIST, ACCESS);
            grant(auth, group, Resources.FILTER, "*", READ);
            // Reading the definition is what lets Tasklist load a task's or start event's form.
            grant(auth, group, Resources.PROCESS_DEFINITION, "*", READ);
        }
        grant(auth, REQUESTER, Resources.PROCESS_INSTANCE, "*", CREATE);

        grant(auth, PMP_ADMIN, Resources.APPLICATION, COCKPIT, ACCESS);
        grant(auth, PMP_ADMIN, Resources.PROCESS_DEFINITION, "*", READ_INSTANCE, READ_HISTORY);
        grant(auth, SOFTWARE_MANAGER, Resources.APPLICATION, COCKPIT, ACCESS);
        grant(auth, SOFTWARE_MANAGER, Resources.PROCESS_INSTANCE, "*", READ);
        grant(auth, PMP_ADMIN, Resources.PROCESS_INSTANCE, "*", READ);

        grant(auth, AUDITOR, Resources.APPLICATION, COCKPIT, ACCESS);
        grant(auth, AUDITOR, Resources.FILTER, "*", READ);
        grant(auth, AUDITOR, Resources.PROCESS_DEFINITION, "*", READ, READ_INSTANCE, READ_HISTORY);
        grant(auth, AUDITOR, Resources.PROCESS_INSTANCE, "*", READ);
        grant(auth, AUDITOR, Resources.DECISION_DEFINITION, "*", READ, READ_HISTORY);
        grant(auth, AUDITOR, Resources.DEPLOYMENT, "*", READ);
        grant(auth, AUDITOR, Resources.TASK, "*", READ);
        grant(auth, AUDITOR, Resources.HISTORIC_TASK, "*", HistoricTaskPermissions.READ);

        AuthorizationContribution.Grants grants = new AuthorizationContribution.Grants() {
            @Override
            public void grant(String group, Resource resource, String resourceId, Permission... permissions) {
                IdentityBootstrap.grant(auth, group, resource, resourceId, permissions);
            }

            @Override
            public void revoke(String group, Resource resource, String resourceId, Permission permission) {
                IdentityBootstrap.revoke(auth, group, resource, resourceId, permission);
            }
        };
        contributions.orderedStream().forEach(contribution -> contribution.contribute(grants));

        FilterService filters = engine.getFilterService();
        TaskQuery mine = engine.getTaskService().createTaskQuery().taskAssigneeExpression("${currentUser()}");
        TaskQuery groups = engine.getTaskService()
                .createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks();
        filter(filters, "My tasks", mine, -10, "Tasks assigned to me");
        filter(filters, "My groups' tasks", groups, 0, "Open tasks of the groups I belong to");
    }

    private static void grant(
            AuthorizationService auth, String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization a = auth.createAuthorizationQuery()
                .groupIdIn(group)
                .resourceType(resource)
                .resourceId(resourceId)
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .singleResult();
        if (a == null) {
            a = auth.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            a.setGroupId(group);
            a.setResource(resource);
            a.setResourceId(resourceId);
        }
        boolean missing = false;
        for (Permission p : permissions) {
            if (!a.isPermissionGranted(p)) {
                a.addPermission(p);
                missing = true;
            }
        }
        if (missing) {
            auth.saveAuthorization(a);
        }
    }

    private static void revoke(
            AuthorizationService auth, String group, Resource resource, String resourceId, Permission permission) {
        Authorization a = auth.createAuthorizationQuery()
                .groupIdIn(group)
                .resourceType(resource)
                .resourceId(resourceId)
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .singleResult();
        if (a != null && a.isPermissionGranted(permission)) {
            a.removePermission(permission);
            auth.saveAuthorization(a);
        }
    }

    private static void filter(FilterService filters, String name, TaskQuery query, int priority, String description) {
        if (filters.createFilterQuery().filterName(name).count() == 0) {
            Filter filter = filters.newTaskFilter(name)
                    .setOwner("admin")
                    .setQuery(query)
                    .setProperties(Map.of("priority", priority, "description", description, "refresh", true));
            filters.saveFilter(filter);
        }
    }
}
