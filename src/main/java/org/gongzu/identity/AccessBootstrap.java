package org.gongzu.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.gongzu.movein.TenantMoveInProcess;
import org.gongzu.place.Place;
import org.gongzu.place.PlaceRepository;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure, at every start, that the role groups, the department group of every place and their
 * authorizations and Tasklist filters exist. Idempotent: existing entries are left as they are,
 * missing permissions are added. docs/adr/0001-groups-and-places.md explains the scheme.
 */
@Component
@Order(10)
public class AccessBootstrap implements ApplicationRunner {

    public static final String FILTER_DEPARTMENT = "本部门待办";
    public static final String FILTER_MINE = "我的任务";
    public static final String FILTER_ALL = "全部任务（监督）";

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final FilterService filterService;
    private final TaskService taskService;
    private final PlaceRepository places;

    AccessBootstrap(IdentityService identityService, AuthorizationService authorizationService,
            FilterService filterService, TaskService taskService, PlaceRepository places) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.taskService = taskService;
        this.places = places;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensureAll();
    }

    public void ensureAll() {
        Set<String> existing = new HashSet<>();
        identityService.createGroupQuery().list().forEach(g -> existing.add(g.getId()));

        ensureGroup(existing, Roles.STAFF, "部门工作人员", "WORKFLOW");
        ensureGroup(existing, Roles.SUPERVISOR, "市级监督", "WORKFLOW");
        ensureGroup(existing, Roles.PROCESS_MANAGER, "流程管理员", "WORKFLOW");
        for (Place place : places.findAll()) {
            for (Department department : Department.values()) {
                if (department.level() == place.kind()) {
                    String groupId = department.groupId(place);
                    ensureGroup(existing, groupId, department.groupName(place), "DEPARTMENT");
                    if (department == Department.OWNER) {
                        // property owners record signed leases: they start TenantMoveIn
                        grant(groupId, Resources.PROCESS_DEFINITION, TenantMoveInProcess.KEY,
                                Permissions.READ, Permissions.CREATE_INSTANCE);
                        grant(groupId, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
                    }
                }
            }
        }

        // staff: Tasklist, and read access to definitions so that forms and diagrams load;
        // tasks themselves are granted per task to its candidate groups by the engine (TASK_WORK)
        grant(Roles.STAFF, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(Roles.STAFF, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);

        // supervisors read everything and change nothing
        grant(Roles.SUPERVISOR, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(Roles.SUPERVISOR, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(Roles.SUPERVISOR, Resources.PROCESS_DEFINITION, ANY, Permissions.READ,
                Permissions.READ_INSTANCE, Permissions.READ_HISTORY, Permissions.READ_TASK);
        grant(Roles.SUPERVISOR, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        grant(Roles.SUPERVISOR, Resources.TASK, ANY, Permissions.READ);
        grant(Roles.SUPERVISOR, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
        grant(Roles.SUPERVISOR, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
        grant(Roles.SUPERVISOR, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
        grant(Roles.SUPERVISOR, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
        grant(Roles.SUPERVISOR, Resources.DEPLOYMENT, ANY, Permissions.READ);

        // process managers change and deploy models (a deployment can run code: only they may)
        grant(Roles.PROCESS_MANAGER, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(Roles.PROCESS_MANAGER, Resources.DEPLOYMENT, ANY, Permissions.ALL);
        grant(Roles.PROCESS_MANAGER, Resources.PROCESS_DEFINITION, ANY, Permissions.ALL);
        grant(Roles.PROCESS_MANAGER, Resources.DECISION_DEFINITION, ANY, Permissions.ALL);
        grant(Roles.PROCESS_MANAGER, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.ALL);
        grant(Roles.PROCESS_MANAGER, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);

        ensureFilter(FILTER_DEPARTMENT, -10, "分派给本部门的待办任务",
                taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks(),
                Roles.STAFF, Roles.SUPERVISOR);
        ensureFilter(FILTER_MINE, -5, "我已认领的任务",
                taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"), Roles.STAFF);
        ensureFilter(FILTER_ALL, 0, "本人有权查看的全部任务", taskService.createTaskQuery(), Roles.SUPERVISOR);
    }

    private void ensureGroup(Set<String> existing, String id, String name, String type) {
        if (existing.add(id)) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType(type);
            identityService.saveGroup(group);
        }
    }

    private void ensureFilter(String name, int priority, String description, TaskQuery query, String... readers) {
        Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("description", description);
            properties.put("priority", priority);
            properties.put("refresh", true);
            properties.put("variables", List.of(Map.of("name", TenantMoveInProcess.Vars.CASE_ID, "label", "案卷号")));
            filter = filterService.newTaskFilter(name).setQuery(query).setProperties(properties);
            filterService.saveFilter(filter);
        }
        for (String reader : readers) {
            grant(reader, Resources.FILTER, filter.getId(), Permissions.READ);
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizationService.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).singleResult();
        if (authorization == null) {
            authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        boolean changed = authorization.getId() == null;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizationService.saveAuthorization(authorization);
        }
    }
}
