package org.gongzu.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.gongzu.casefile.CaseVariables;
import org.gongzu.engine.SystemActions;
import org.gongzu.place.Place;
import org.gongzu.place.PlaceRepository;
import org.gongzu.process.ProcessModule;
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
    /** The department's open tasks past their follow-up date and not yet due (docs/adr/0025). */
    public static final String FILTER_DUE_SOON = "即将到期";
    /** The department's open tasks past their due date. */
    public static final String FILTER_OVERDUE = "已超期";
    /** The name Camunda gives its administrators' group. */
    static final String ADMIN_GROUP_DEFAULT_NAME = "camunda BPM Administrators";

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final FilterService filterService;
    private final TaskService taskService;
    private final PlaceRepository places;
    private final List<ProcessModule> modules;

    AccessBootstrap(IdentityService identityService, AuthorizationService authorizationService,
            FilterService filterService, TaskService taskService, PlaceRepository places, List<ProcessModule> modules) {
        this.modules = modules;
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
        Grants grants = Grants.prefetched(authorizationService);

        ensureGroup(existing, Roles.STAFF, Roles.NAMES.get(Roles.STAFF), "WORKFLOW");
        ensureGroup(existing, Roles.SUPERVISOR, Roles.NAMES.get(Roles.SUPERVISOR), "WORKFLOW");
        ensureGroup(existing, Roles.PROCESS_MANAGER, Roles.NAMES.get(Roles.PROCESS_MANAGER), "WORKFLOW");
        nameAdministratorsInChinese();

        // staff (kept for existing memberships; department groups carry the same rights themselves):
        // Tasklist, and read access to definitions so that forms and diagrams load; what a department
        // may do with a task follows from the task's candidate groups (TaskVisibility, ADR 0013)
        grantStaffRights(grants, Roles.STAFF, List.of());

        // supervisors read everything and change nothing
        grants.grant(Roles.SUPERVISOR, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grants.grant(Roles.SUPERVISOR, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grants.grant(Roles.SUPERVISOR, Resources.PROCESS_DEFINITION, ANY, Permissions.READ,
                Permissions.READ_INSTANCE, Permissions.READ_HISTORY, Permissions.READ_TASK);
        grants.grant(Roles.SUPERVISOR, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        grants.grant(Roles.SUPERVISOR, Resources.TASK, ANY, Permissions.READ);
        grants.grant(Roles.SUPERVISOR, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
        grants.grant(Roles.SUPERVISOR, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
        grants.grant(Roles.SUPERVISOR, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
        grants.grant(Roles.SUPERVISOR, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
        grants.grant(Roles.SUPERVISOR, Resources.DEPLOYMENT, ANY, Permissions.READ);

        // process managers change and deploy models (a deployment can run code: only they may)
        grants.grant(Roles.PROCESS_MANAGER, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grants.grant(Roles.PROCESS_MANAGER, Resources.DEPLOYMENT, ANY, Permissions.ALL);
        grants.grant(Roles.PROCESS_MANAGER, Resources.PROCESS_DEFINITION, ANY, Permissions.ALL);
        grants.grant(Roles.PROCESS_MANAGER, Resources.DECISION_DEFINITION, ANY, Permissions.ALL);
        grants.grant(Roles.PROCESS_MANAGER, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.ALL);
        grants.grant(Roles.PROCESS_MANAGER, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);

        ensureFilter(grants, FILTER_DEPARTMENT, -10, "分派给本部门的待办任务", departmentQueue(),
                Roles.STAFF, Roles.SUPERVISOR);
        ensureFilter(grants, FILTER_MINE, -5, "我已认领的任务",
                taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"), Roles.STAFF);
        ensureFilter(grants, FILTER_ALL, 0, "本人有权查看的全部任务", taskService.createTaskQuery(), Roles.SUPERVISOR);
        // the department's queue narrowed by the dates the deadline listener sets, most urgent first
        ensureFilter(grants, FILTER_DUE_SOON, -9, "本部门已到跟进时间、尚未到期的任务（两个工作日内到期），按到期时间排序",
                departmentQueue().followUpBeforeExpression("${now()}").dueAfterExpression("${now()}").orderByDueDate().asc(),
                Roles.STAFF, Roles.SUPERVISOR);
        ensureFilter(grants, FILTER_OVERDUE, -8, "本部门已过到期时间的任务，按到期时间排序",
                departmentQueue().dueBeforeExpression("${now()}").orderByDueDate().asc(), Roles.STAFF, Roles.SUPERVISOR);

        List<String> staffFilters = staffFilterIds();
        for (Place place : places.findAll()) {
            for (Department department : Department.values()) {
                if (department.level() == place.kind()) {
                    ensureDepartment(existing, grants, staffFilters, place, department);
                }
            }
        }
        // district supervisors: the monitoring of their district in Cockpit; Tasklist with the
        // department filters, where a breach of a target in their district reaches them
        for (Place place : places.findAll()) {
            if (place.kind() == Place.Kind.DISTRICT) {
                String group = Roles.districtSupervisor(place.code());
                ensureGroup(existing, group, place.name() + " 区级监督", "WORKFLOW");
                grantStaffRights(grants, group, staffFilters);
                grants.grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            }
        }
    }

    /**
     * Makes sure the group of one department of one place exists with its rights, e.g. for a place
     * added since the last start. Returns the group id.
     */
    public String ensureDepartment(Place place, Department department) {
        // also called while a user registers a project in a new sub-district: the groups are the system's
        return SystemActions.run(() -> ensureDepartmentNow(place, department));
    }

    /** Makes sure the groups of every department of a place exist (a sub-district new to the system). */
    public void ensureDepartments(Place place) {
        for (Department department : Department.values()) {
            if (department.level() == place.kind()) {
                ensureDepartment(place, department);
            }
        }
    }

    private String ensureDepartmentNow(Place place, Department department) {
        Set<String> existing = new HashSet<>();
        String groupId = department.groupId(place);
        if (identityService.createGroupQuery().groupId(groupId).count() > 0) {
            existing.add(groupId);
        }
        if (identityService.createGroupQuery().groupId(Roles.leadersOf(groupId)).count() > 0) {
            existing.add(Roles.leadersOf(groupId));
        }
        ensureDepartment(existing, new Grants(authorizationService), staffFilterIds(), place, department);
        return groupId;
    }

    private void ensureDepartment(Set<String> existing, Grants grants, List<String> staffFilters, Place place,
            Department department) {
        String groupId = department.groupId(place);
        ensureGroup(existing, groupId, department.groupName(place), "DEPARTMENT");
        // a department's members are staff: membership in the department alone opens Tasklist (ADR 0009)
        grantStaffRights(grants, groupId, staffFilters);
        // its leaders receive the escalations of its overdue steps (docs/adr/0026); they see the
        // steps themselves as members of the department
        String leaders = Roles.leadersOf(groupId);
        ensureGroup(existing, leaders, department.groupName(place) + " 负责人", "DEPARTMENT");
        grantStaffRights(grants, leaders, staffFilters);
        // each process names the departments that start it (e.g. property owners record signed leases)
        for (ProcessModule module : modules) {
            if (module.starters().contains(department)) {
                grants.grant(groupId, Resources.PROCESS_DEFINITION, module.processKey(),
                        Permissions.READ, Permissions.CREATE_INSTANCE);
                grants.grant(groupId, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
            }
        }
    }

    private void grantStaffRights(Grants grants, String groupId, List<String> staffFilters) {
        grants.grant(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grants.grant(groupId, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
        for (String filterId : staffFilters) {
            grants.grant(groupId, Resources.FILTER, filterId, Permissions.READ);
        }
    }

    /** The Tasklist filters every department user reads: the department's tasks, the late ones and their own. */
    private List<String> staffFilterIds() {
        return List.of(FILTER_DEPARTMENT, FILTER_DUE_SOON, FILTER_OVERDUE, FILTER_MINE).stream()
                .map(name -> filterService.createFilterQuery().filterName(name).singleResult())
                .filter(Objects::nonNull).map(Filter::getId).toList();
    }

    /** The tasks of the user's departments, claimed ones included. */
    private TaskQuery departmentQueue() {
        return taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks();
    }

    /** Camunda creates its administrators' group with an English name; staff read Chinese. */
    private void nameAdministratorsInChinese() {
        Group admins = identityService.createGroupQuery().groupId(Roles.ADMIN).singleResult();
        if (admins != null && ADMIN_GROUP_DEFAULT_NAME.equals(admins.getName())) {
            admins.setName(Roles.NAMES.get(Roles.ADMIN));
            identityService.saveGroup(admins);
        }
    }

    private void ensureGroup(Set<String> existing, String id, String name, String type) {
        if (existing.add(id)) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType(type);
            identityService.saveGroup(group);
        }
    }

    private void ensureFilter(Grants grants, String name, int priority, String description, TaskQuery query,
            String... readers) {
        Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("description", description);
            properties.put("priority", priority);
            properties.put("refresh", true);
            properties.put("variables", List.of(Map.of("name", CaseVariables.CASE_ID, "label", "案卷号")));
            filter = filterService.newTaskFilter(name).setQuery(query).setProperties(properties);
            filterService.saveFilter(filter);
        }
        for (String reader : readers) {
            grants.grant(reader, Resources.FILTER, filter.getId(), Permissions.READ);
        }
    }
}
