package org.gongzu.routing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.Variables;
import org.gongzu.casefile.CaseVariables;
import org.gongzu.identity.Department;
import org.gongzu.place.Place;
import org.springframework.stereotype.Component;

/**
 * Gives a new user task its candidate groups from the TaskRouting decision
 * (processes/TaskRouting.dmn): the department and place of each group is a rule that process
 * managers change and deploy, not code. A task without any route is a modelling error and fails.
 */
@Component
public class TaskRoutingListener implements TaskListener {

    public static final String DECISION_KEY = "TaskRouting";
    public static final String OUTPUT = "candidateGroup";
    /**
     * How long this node keeps using the latest routing decision it found before looking for a
     * newer one deployed on another node; a deployment on this node is seen at once.
     */
    static final Duration LATEST_CHECKED_EVERY = Duration.ofSeconds(10);

    private record Latest(String decisionId, long foundAtNanos) {
    }

    private record RouteKey(String decisionId, Object processKey, Object taskKey, Object district, Object subDistrict,
            Object assignedDepartment) {
    }

    private volatile Latest latest;
    /** Routes found, by decision version and input; {@link #routesOf} is the version last used. */
    private final Map<RouteKey, List<String>> routes = new ConcurrentHashMap<>();
    private volatile String routesOf;
    private static final int MAX_ROUTES_KEPT = 10_000;

    /** A deployment with decisions may hold a new routing table: look it up again. */
    public void forgetLatestDecision() {
        latest = null;
    }

    @Override
    public void notify(DelegateTask task) {
        String processKey = ((TaskEntity) task).getProcessDefinition().getKey();
        Map<String, Object> input = Variables.createVariables()
                .putValue("processKey", processKey)
                .putValue("taskKey", task.getTaskDefinitionKey())
                .putValue(CaseVariables.DISTRICT, task.getVariable(CaseVariables.DISTRICT))
                .putValue(CaseVariables.SUB_DISTRICT, task.getVariable(CaseVariables.SUB_DISTRICT))
                .putValue(CaseVariables.ASSIGNED_DEPARTMENT, task.getVariable(CaseVariables.ASSIGNED_DEPARTMENT));
        List<String> groups = route(latestDecision(task), input);
        if (groups.isEmpty() && task.getCandidates().isEmpty() && task.getAssignee() == null) {
            throw new ProcessEngineException("No route in " + DECISION_KEY + " for task " + task.getTaskDefinitionKey()
                    + " of process " + processKey);
        }
        // the routing, not the acting user, gives the task its departments (see TaskAssignmentRules)
        Context.getCommandContext().runWithoutAuthorization(() -> {
            groups.forEach(task::addCandidateGroup);
            return null;
        });
    }

    /**
     * The routing table is a function of its inputs (process, step, district, sub-district): one
     * version gives the same groups for the same inputs, so each answer is kept until a new version
     * is deployed. Evaluating the table parses its FEEL expressions each time, which was a third of
     * the CPU a task cost (docs/performance.md).
     */
    private List<String> route(DmnDecision decision, Map<String, Object> input) {
        String decisionId = ((DecisionDefinitionEntity) decision).getId();
        if (!decisionId.equals(routesOf)) {
            // routes of an older version are no longer asked for
            routes.clear();
            routesOf = decisionId;
        }
        RouteKey key = new RouteKey(decisionId, input.get("processKey"), input.get("taskKey"), input.get(CaseVariables.DISTRICT),
                input.get(CaseVariables.SUB_DISTRICT), input.get(CaseVariables.ASSIGNED_DEPARTMENT));
        List<String> known = routes.get(key);
        if (known != null) {
            return known;
        }
        // evaluated by the DMN engine on the cached definition: no reads per task, and no decision
        // history (the outcome is the task's candidate groups; docs/adr/0014)
        DmnDecisionResult result = Context.getProcessEngineConfiguration().getDmnEngine().evaluateDecision(decision, input);
        List<String> groups = result.<String>collectEntries(OUTPUT).stream().filter(java.util.Objects::nonNull)
                .map(group -> placed(group, input)).toList();
        if (routes.size() >= MAX_ROUTES_KEPT) {
            routes.clear();
        }
        routes.put(key, groups);
        return groups;
    }

    /**
     * A route is a group id ({@code owner-110108015}) or a bare department code ({@code edu}, e.g. the
     * value of {@code assignedDepartment}), to which the case's place at the department's level is
     * added: a district for district departments, the sub-district otherwise.
     */
    static String placed(String route, Map<String, Object> input) {
        if (route == null || route.contains("-")) {
            return route;
        }
        Department department = Department.ofCode(route).orElseThrow(() -> new ProcessEngineException(
                "The route '" + route + "' of " + DECISION_KEY + " is neither a group nor a department code"));
        Object place = input.get(department.level() == Place.Kind.DISTRICT ? CaseVariables.DISTRICT
                : CaseVariables.SUB_DISTRICT);
        if (place == null) {
            throw new ProcessEngineException("The case has no place for the department " + route);
        }
        return department.groupId(place.toString());
    }

    private DmnDecision latestDecision(DelegateTask task) {
        Latest known = latest;
        if (known == null || System.nanoTime() - known.foundAtNanos() > LATEST_CHECKED_EVERY.toNanos()) {
            known = lookUpLatest(task);
        }
        DeploymentCache cache = Context.getProcessEngineConfiguration().getDeploymentCache();
        DecisionDefinitionEntity decision = cache.getDecisionDefinitionCache().get(known.decisionId());
        if (decision == null) {
            // not in the cache: evicted, or its deployment was deleted; the latest may be another one
            known = lookUpLatest(task);
            decision = cache.findDeployedDecisionDefinitionById(known.decisionId());
        }
        return decision;
    }

    private Latest lookUpLatest(DelegateTask task) {
        CommandContext context = Context.getCommandContext();
        // routing is the system's decision, not the acting user's: no permission on the decision needed
        DecisionDefinition definition = context.runWithoutAuthorization(() -> task.getProcessEngineServices()
                .getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionKey(DECISION_KEY)
                .withoutTenantId().latestVersion().singleResult());
        if (definition == null) {
            throw new ProcessEngineException("The routing decision " + DECISION_KEY + " is not deployed");
        }
        Latest found = new Latest(definition.getId(), System.nanoTime());
        latest = found;
        return found;
    }
}
