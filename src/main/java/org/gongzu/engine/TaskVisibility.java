package org.gongzu.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * Who sees and works which task, without an authorization row per task (docs/adr/0013).
 * <p>
 * A task belongs to the departments the routing made its candidate groups, and to the users it
 * names (assignee, owner, candidate user). Those links, in the engine's identity-link table and
 * task columns, are the visibility projection: a department user's task query is restricted to
 * tasks linked to them, and a check on one task (read, work, hand over) is answered from the
 * task's links. The permissions are exactly those the per-task rows gave before: READ and
 * TASK_WORK to every linked user and group, TASK_ASSIGN to the candidate groups.
 * <p>
 * Grants kept in {@code act_ru_authorization} still count: READ on every task or READ_TASK on
 * every process definition (supervisors, administrators) lifts the restriction, READ on a task or
 * READ_TASK on a process definition granted in Admin adds those tasks. REVOKE authorizations on
 * tasks are not combined with links: a user who has any REVOKE keeps the engine's own check
 * (grants only), which fails closed.
 */
public class TaskVisibility extends AuthorizationManager {

    /**
     * What the current user may read through a Tasklist filter, for readers that answer a filter
     * without the engine's task query (org.gongzu.tasklist): whether they may read the filter, see
     * every task, and whether any REVOKE authorization concerns them (then only the engine's own
     * check is exact).
     */
    public record FilterAccess(boolean readsFilter, boolean everyTask, boolean revokes) {
    }

    /**
     * What a user may read through a filter, decided with one statement on the given connection
     * (outside the engine's commands; the same rules as inside them).
     */
    public static FilterAccess filterAccess(Connection connection, ProcessEngineConfigurationImpl configuration,
            String userId, List<String> groupIds, String filterId) throws SQLException {
        TaskGrants grants = readGrants(connection, configuration.getDatabaseTablePrefix(), userId,
                groupIds == null ? List.of() : groupIds, filterId);
        String mode = configuration.getAuthorizationCheckRevokes();
        boolean revokes = ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_ALWAYS.equalsIgnoreCase(mode)
                || (!ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER.equalsIgnoreCase(mode) && grants.revokes);
        return new FilterAccess(grants.readsFilter, grants.everyTask, revokes);
    }

    TaskVisibility() {
    }

    /** Registers {@link TaskVisibility} as the engine's authorization manager. */
    static final class Factory implements SessionFactory {
        @Override
        public Class<?> getSessionType() {
            return AuthorizationManager.class;
        }

        @Override
        public Session openSession() {
            return new TaskVisibility();
        }
    }

    private static final int TASK = Resources.TASK.resourceType();
    private static final int PROCESS_DEFINITION = Resources.PROCESS_DEFINITION.resourceType();
    private static final int FILTER = Resources.FILTER.resourceType();

    private TaskGrants grants;

    @Override
    public void configureTaskQuery(TaskQueryImpl query) {
        super.configureTaskQuery(query);
        AuthorizationCheck check = query.getAuthCheck();
        if (!check.isAuthorizationCheckEnabled() || check.isRevokeAuthorizationCheckEnabled()) {
            return;
        }
        Authentication authentication = getCurrentAuthentication();
        TaskGrants granted = grants(authentication.getUserId(), authentication.getGroupIds());
        check.setAuthorizationCheckEnabled(false);
        check.getPermissionChecks().getAtomicChecks().clear();
        check.getPermissionChecks().getCompositeChecks().clear();
        // list and count may run on one query object: it is restricted once
        if (granted.everyTask || query.getQueries().stream().anyMatch(LinkRestriction.class::isInstance)) {
            return;
        }
        LinkRestriction linked = new LinkRestriction(query);
        List<String> groups = authentication.getGroupIds() == null ? List.of()
                : authentication.getGroupIds().stream().filter(Objects::nonNull).distinct().toList();
        if (!groups.isEmpty()) {
            linked.taskCandidateGroupIn(groups).includeAssignedTasks();
        }
        linked.taskInvolvedUser(authentication.getUserId());
        if (!granted.processDefinitionKeys.isEmpty()) {
            linked.processDefinitionKeyIn(granted.processDefinitionKeys.toArray(String[]::new));
        }
        if (!granted.taskIds.isEmpty()) {
            linked.taskIdIn(granted.taskIds.toArray(String[]::new));
        }
    }

    /**
     * The "or" group Gongzu adds to a user's task query: tasks linked to the user, or granted to
     * them. It joins the query's other criteria with "and", as any "or" group of a task query does.
     */
    private static final class LinkRestriction extends TaskQueryImpl {
        LinkRestriction(TaskQueryImpl main) {
            isOrQueryActive = true;
            queries = main.getQueries();
            queries.add(this);
        }
    }

    @Override
    public boolean isAuthorized(String userId, List<String> groupIds, CompositePermissionCheck check) {
        return (isAuthorizationEnabled() && grantedByLinks(userId, groupIds, check))
                || super.isAuthorized(userId, groupIds, check);
    }

    @Override
    public boolean isAuthorized(String userId, List<String> groupIds, PermissionCheck check) {
        return (isAuthorizationEnabled() && grantedByLink(userId, groupIds, check))
                || super.isAuthorized(userId, groupIds, check);
    }

    /**
     * The engine narrows the user's groups to those that hold any authorization, with one query of
     * all group ids of the authorization table per command. A group without authorizations matches
     * no row anyway, so the answer is the same without that query.
     */
    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
        if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
            return List.of();
        }
        return authenticatedGroupIds.stream().filter(Objects::nonNull).distinct().toList();
    }

    /** No authorization rows are written per task (see TaskAssignmentRules), so none to delete. */
    @Override
    public void deleteAuthorizationsByResourceId(Resource resource, String resourceId) {
        if (resource.resourceType() != TASK) {
            super.deleteAuthorizationsByResourceId(resource, resourceId);
        }
    }

    @Override
    public void deleteAuthorizationsByResourceIdAndUserId(Resource resource, String resourceId, String userId) {
        if (resource.resourceType() != TASK) {
            super.deleteAuthorizationsByResourceIdAndUserId(resource, resourceId, userId);
        }
    }

    @Override
    public void deleteAuthorizationsByResourceIdAndGroupId(Resource resource, String resourceId, String groupId) {
        if (resource.resourceType() != TASK) {
            super.deleteAuthorizationsByResourceIdAndGroupId(resource, resourceId, groupId);
        }
    }

    /**
     * The engine builds its task checks as "any of": the task permission, or the process
     * definition's. A link grants the task permission.
     */
    private boolean grantedByLinks(String userId, List<String> groupIds, CompositePermissionCheck check) {
        boolean disjunctive = check.isDisjunctive()
                || check.getAtomicChecks().size() + check.getCompositeChecks().size() == 1;
        if (!disjunctive) {
            return false;
        }
        for (PermissionCheck atomic : check.getAtomicChecks()) {
            if (grantedByLink(userId, groupIds, atomic)) {
                return true;
            }
        }
        for (CompositePermissionCheck composite : check.getCompositeChecks()) {
            if (grantedByLinks(userId, groupIds, composite)) {
                return true;
            }
        }
        return false;
    }

    private boolean grantedByLink(String userId, List<String> groupIds, PermissionCheck check) {
        String taskId = check.getResourceId();
        if (check.getResource() == null || check.getResource().resourceType() != TASK || taskId == null
                || Authorization.ANY.equals(taskId) || userId == null) {
            return false;
        }
        Permission permission = check.getPermission();
        boolean userMayHold = permission == Permissions.READ || permission == Permissions.TASK_WORK;
        boolean groupMayHold = userMayHold || permission == Permissions.TASK_ASSIGN;
        if (!groupMayHold) {
            return false;
        }
        TaskEntity task = Context.getCommandContext().getTaskManager().findTaskById(taskId);
        if (task == null) {
            return false;
        }
        if (userMayHold && (userId.equals(task.getAssignee()) || userId.equals(task.getOwner()))) {
            return true;
        }
        for (IdentityLinkEntity link : task.getIdentityLinks()) {
            if (userMayHold && userId.equals(link.getUserId())) {
                return true;
            }
            if (link.getGroupId() != null && groupIds != null && groupIds.contains(link.getGroupId())) {
                return true;
            }
        }
        return false;
    }

    /** The user's grants on tasks and task-reading grants on process definitions, read once per command. */
    private TaskGrants grants(String userId, List<String> groupIds) {
        if (grants == null) {
            grants = readGrants(userId, groupIds == null ? List.of() : groupIds);
        }
        return grants;
    }

    /**
     * The grants (global, the user's, the groups') on tasks and task-reading grants on process
     * definitions, and, when a filter is named, grants on it and any REVOKE of the user.
     */
    private TaskGrants readGrants(String userId, List<String> groupIds) {
        try {
            return readGrants(getDbSqlSession().getSqlSession().getConnection(),
                    Context.getProcessEngineConfiguration().getDatabaseTablePrefix(), userId, groupIds, null);
        } catch (SQLException e) {
            throw new ProcessEngineException("Could not read task grants", e);
        }
    }

    private static TaskGrants readGrants(Connection connection, String prefix, String userId, List<String> groupIds,
            String filterId) throws SQLException {
        StringBuilder sql = new StringBuilder("select TYPE_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_ from ").append(prefix)
                .append("ACT_RU_AUTHORIZATION where (USER_ID_ in (?, '*')");
        if (!groupIds.isEmpty()) {
            sql.append(" or GROUP_ID_ in (").append(String.join(", ", Collections.nCopies(groupIds.size(), "?")))
                    .append(')');
        }
        sql.append(") and ((TYPE_ < ").append(Authorization.AUTH_TYPE_REVOKE).append(" and RESOURCE_TYPE_ in (")
                .append(TASK).append(", ").append(PROCESS_DEFINITION).append("))");
        if (filterId != null) {
            sql.append(" or TYPE_ = ").append(Authorization.AUTH_TYPE_REVOKE).append(" or (RESOURCE_TYPE_ = ")
                    .append(FILTER).append(" and RESOURCE_ID_ in (?, '*'))");
        }
        sql.append(')');
        TaskGrants result = new TaskGrants();
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            int i = 1;
            statement.setString(i++, userId);
            for (String group : groupIds) {
                statement.setString(i++, group);
            }
            if (filterId != null) {
                statement.setString(i, filterId);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    result.add(rows.getInt(1), rows.getInt(2), rows.getString(3), rows.getInt(4));
                }
            }
        }
        return result;
    }

    private static final class TaskGrants {
        boolean everyTask;
        boolean readsFilter;
        boolean revokes;
        final Set<String> processDefinitionKeys = new LinkedHashSet<>();
        final Set<String> taskIds = new LinkedHashSet<>();

        void add(int type, int resourceType, String resourceId, int perms) {
            boolean anyResource = Authorization.ANY.equals(resourceId);
            if (type == Authorization.AUTH_TYPE_REVOKE) {
                revokes = true;
            } else if (resourceType == FILTER) {
                readsFilter |= holds(perms, Permissions.READ);
            } else if (resourceType == TASK && holds(perms, Permissions.READ)) {
                everyTask |= anyResource;
                if (!anyResource) {
                    taskIds.add(resourceId);
                }
            } else if (resourceType == PROCESS_DEFINITION && holds(perms, Permissions.READ_TASK)) {
                everyTask |= anyResource;
                if (!anyResource) {
                    processDefinitionKeys.add(resourceId);
                }
            }
        }

        private static boolean holds(int perms, Permission permission) {
            return (perms & permission.getValue()) == permission.getValue();
        }
    }
}
