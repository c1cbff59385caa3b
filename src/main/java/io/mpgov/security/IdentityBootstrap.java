package io.mpgov.security;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The persona groups and the engine authorizations {@link AccessPolicy} gives them, plus the Tasklist filters people
 * start from. Runs at every start, in every profile: it adds what is missing and takes back what a persona group holds
 * beyond the policy (an earlier version's grant, one made by hand), so the engine holds exactly the policy. Re-running it
 * changes nothing.
 */
@Component
@Order(0)
class IdentityBootstrap extends AbstractProcessEnginePlugin {

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        IdentityService identity = engine.getIdentityService();
        AuthorizationService auth = engine.getAuthorizationService();
        AccessPolicy policy = AccessPolicy.standard();
        for (AccessPolicy.Persona persona : policy.personas()) {
            if (identity.createGroupQuery().groupId(persona.group()).count() == 0) {
                var g = identity.newGroup(persona.group());
                g.setName(persona.name());
                g.setType("WORKFLOW");
                identity.saveGroup(g);
            }
            reconcile(auth, persona);
        }

        FilterService filters = engine.getFilterService();
        TaskQuery mine = engine.getTaskService().createTaskQuery().taskAssigneeExpression("${currentUser()}");
        TaskQuery groups = engine.getTaskService()
                .createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks();
        filter(filters, "My tasks", mine, -10, "Tasks assigned to me");
        filter(filters, "My groups' tasks", groups, 0, "Open tasks of the groups I belong to");
    }

    /** The group's grants made equal to the policy's, leaving what the engine gives by itself. */
    private static void reconcile(AuthorizationService auth, AccessPolicy.Persona persona) {
        Map<String, AccessPolicy.Grant> wanted = new HashMap<>();
        persona.grants().forEach(grant -> wanted.put(key(grant.resource(), grant.resourceId()), grant));
        for (Authorization held : auth.createAuthorizationQuery()
                .groupIdIn(persona.group())
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .list()) {
            if (engineOwn(held, persona.group())) {
                continue;
            }
            Resource resource = ResourceTypeUtil.getResourceByType(held.getResourceType());
            AccessPolicy.Grant grant = wanted.remove(key(resource, held.getResourceId()));
            if (grant == null) {
                auth.deleteAuthorization(held.getId());
            } else if (!sameGrant(held, resource, grant)) {
                auth.deleteAuthorization(held.getId());
                create(auth, grant);
            }
        }
        wanted.values().forEach(grant -> create(auth, grant));
    }

    /**
     * What the engine grants by itself: a candidate group's work on one task (the task's own authorization) and a
     * group's members reading their group.
     */
    private static boolean engineOwn(Authorization held, String group) {
        int type = held.getResourceType();
        boolean oneTask = (type == Resources.TASK.resourceType() || type == Resources.HISTORIC_TASK.resourceType())
                && !Authorization.ANY.equals(held.getResourceId());
        boolean ownGroup = type == Resources.GROUP.resourceType() && group.equals(held.getResourceId());
        return oneTask || ownGroup;
    }

    private static boolean sameGrant(Authorization held, Resource resource, AccessPolicy.Grant grant) {
        Set<Permission> granted = new HashSet<>();
        for (Permission permission : ResourceTypeUtil.getPermissionsByResourceType(resource.resourceType())) {
            // NONE and ALL are not permissions of their own: every grant "has" NONE
            if (!Set.of("NONE", "ALL").contains(permission.getName()) && held.isPermissionGranted(permission)) {
                granted.add(permission);
            }
        }
        return granted.equals(Set.copyOf(grant.permissions()));
    }

    private static void create(AuthorizationService auth, AccessPolicy.Grant grant) {
        Authorization a = auth.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        a.setGroupId(grant.group());
        a.setResource(grant.resource());
        a.setResourceId(grant.resourceId());
        grant.permissions().forEach(a::addPermission);
        auth.saveAuthorization(a);
    }

    private static String key(Resource resource, String resourceId) {
        return resource.resourceType() + " " + resourceId;
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
