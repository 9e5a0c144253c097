package org.gongzu.routing;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.Variables;
import org.gongzu.casefile.CaseVariables;
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

    @Override
    public void notify(DelegateTask task) {
        String processKey = ((TaskEntity) task).getProcessDefinition().getKey();
        Map<String, Object> input = Variables.createVariables()
                .putValue("processKey", processKey)
                .putValue("taskKey", task.getTaskDefinitionKey())
                .putValue(CaseVariables.DISTRICT, task.getVariable(CaseVariables.DISTRICT))
                .putValue(CaseVariables.SUB_DISTRICT, task.getVariable(CaseVariables.SUB_DISTRICT));
        // routing is the system's decision, not the acting user's: no permission on the decision needed
        DmnDecisionResult result = Context.getCommandContext().runWithoutAuthorization(() ->
                task.getProcessEngineServices().getDecisionService().evaluateDecisionByKey(DECISION_KEY)
                        .variables(input).evaluate());
        List<String> groups = result.collectEntries(OUTPUT);
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
}
