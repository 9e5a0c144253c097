package org.gongzu.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.springframework.stereotype.Component;

/**
 * Which of Cockpit's changing actions a user may perform, so that Cockpit shows only those
 * (docs/adr/0009). An action is offered when any permission that the engine accepts for it is
 * granted for all resources of its type: Gongzu grants Cockpit users their rights on "*".
 */
@Component
class WebappActions {

    private record Check(Resource resource, Permission permission) {
    }

    private static final Map<String, List<Check>> ACTIONS = new LinkedHashMap<>();

    static {
        Resource pd = Resources.PROCESS_DEFINITION;
        Resource pi = Resources.PROCESS_INSTANCE;
        ACTIONS.put("definition-suspend", List.of(new Check(pd, Permissions.UPDATE),
                new Check(pd, ProcessDefinitionPermissions.SUSPEND)));
        ACTIONS.put("definition-update", List.of(new Check(pd, Permissions.UPDATE)));
        ACTIONS.put("instance-delete", List.of(new Check(pi, Permissions.DELETE),
                new Check(pd, ProcessDefinitionPermissions.DELETE_INSTANCE)));
        ACTIONS.put("instance-update", List.of(new Check(pi, Permissions.UPDATE),
                new Check(pd, ProcessDefinitionPermissions.UPDATE_INSTANCE)));
        ACTIONS.put("instance-suspend", List.of(new Check(pi, Permissions.UPDATE),
                new Check(pi, ProcessInstancePermissions.SUSPEND),
                new Check(pd, ProcessDefinitionPermissions.UPDATE_INSTANCE),
                new Check(pd, ProcessDefinitionPermissions.SUSPEND_INSTANCE)));
        ACTIONS.put("instance-variable", List.of(new Check(pi, Permissions.UPDATE),
                new Check(pi, ProcessInstancePermissions.UPDATE_VARIABLE),
                new Check(pd, ProcessDefinitionPermissions.UPDATE_INSTANCE),
                new Check(pd, ProcessDefinitionPermissions.UPDATE_INSTANCE_VARIABLE)));
        ACTIONS.put("instance-retry", List.of(new Check(pi, Permissions.UPDATE),
                new Check(pi, ProcessInstancePermissions.RETRY_JOB),
                new Check(pd, ProcessDefinitionPermissions.UPDATE_INSTANCE),
                new Check(pd, ProcessDefinitionPermissions.RETRY_JOB)));
        ACTIONS.put("task-assign", List.of(new Check(Resources.TASK, Permissions.UPDATE),
                new Check(Resources.TASK, TaskPermissions.TASK_ASSIGN),
                new Check(pd, ProcessDefinitionPermissions.UPDATE_TASK),
                new Check(pd, ProcessDefinitionPermissions.TASK_ASSIGN)));
        ACTIONS.put("deployment-delete", List.of(new Check(Resources.DEPLOYMENT, Permissions.DELETE)));
        // the 「流程设计」 editor: whoever may deploy may design (process managers, admins)
        ACTIONS.put("model-deploy", List.of(new Check(Resources.DEPLOYMENT, Permissions.CREATE)));
        ACTIONS.put("decision-update", List.of(new Check(Resources.DECISION_DEFINITION, Permissions.UPDATE)));
        ACTIONS.put("batch-update", List.of(new Check(Resources.BATCH, Permissions.UPDATE)));
        ACTIONS.put("batch-delete", List.of(new Check(Resources.BATCH, BatchPermissions.DELETE)));
    }

    private final AuthorizationService authorizationService;

    WebappActions(AuthorizationService authorizationService) {
        this.authorizationService = authorizationService;
    }

    /** Each action's name and whether this user may perform it. */
    Map<String, Boolean> of(String userId, List<String> groupIds) {
        Map<String, Boolean> allowed = new LinkedHashMap<>();
        ACTIONS.forEach((action, checks) -> allowed.put(action, checks.stream().anyMatch(check ->
                authorizationService.isUserAuthorized(userId, groupIds, check.permission(), check.resource()))));
        // the deployment audit of 「流程设计」: designers, and supervisors who oversee what changed (ADR 0024)
        allowed.put("model-audit", allowed.get("model-deploy") || groupIds.contains(Roles.SUPERVISOR)
                || groupIds.stream().anyMatch(group -> group.startsWith(Roles.DISTRICT_SUPERVISOR_PREFIX)));
        return allowed;
    }
}
