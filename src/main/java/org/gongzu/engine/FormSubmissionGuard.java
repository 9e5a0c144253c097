package org.gongzu.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.gongzu.process.ProcessModule;
import org.gongzu.validation.FieldError;
import org.springframework.stereotype.Component;

/**
 * Checks every form submission before the step's own listener runs: a task someone has claimed is
 * completed by that person only, and a submission may carry only the variables the step knows —
 * what its process module declares for that step, plus the ids and flags the process keeps; others
 * are refused, naming them. Runs on every start event and user task.
 */
@Component
class FormSubmissionGuard extends AbstractBpmnParseListener {

    private final Map<String, ProcessModule> modules;

    FormSubmissionGuard(List<ProcessModule> modules) {
        this.modules = modules.stream().collect(Collectors.toMap(ProcessModule::processKey, Function.identity()));
    }

    @Override
    public void parseStartEvent(Element startEventElement, ScopeImpl scope, ActivityImpl startEventActivity) {
        if (scope == startEventActivity.getProcessDefinition()) {
            // index 0: before the start event's own listeners read the submitted values
            startEventActivity.addBuiltInListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) this::checkStart, 0);
        }
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        // built-in task listeners run before the task's own complete listener
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                .addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, (TaskListener) this::checkTask);
    }

    private void checkStart(DelegateExecution execution) {
        String processKey = ((ExecutionEntity) execution).getProcessDefinition().getKey();
        ProcessModule module = modules.get(processKey);
        if (module != null) {
            refuseUnknown(execution, module.formFields().getOrDefault(execution.getCurrentActivityId(), Set.of()));
        }
    }

    private void checkTask(DelegateTask task) {
        String caller = StepInput.currentUserId();
        if (caller != null && task.getAssignee() != null && !task.getAssignee().equals(caller)
                && !StepInput.actingAsAdministrator()) {
            throw new ActionRefusedException("该任务已由其他人员认领，只有办理人本人可以办理");
        }
        String processKey = ((TaskEntity) task).getProcessDefinition().getKey();
        ProcessModule module = modules.get(processKey);
        if (module != null) {
            Set<String> allowed = new HashSet<>(module.processVariables());
            allowed.addAll(module.formFields().getOrDefault(task.getTaskDefinitionKey(), Set.of()));
            refuseUnknown(task, allowed);
        }
    }

    private static void refuseUnknown(VariableScope scope, Set<String> allowed) {
        List<FieldError> unknown = scope.getVariableNames().stream().filter(name -> !allowed.contains(name)).sorted()
                .map(name -> new FieldError(name, "提交的内容含有本表单没有的字段「" + name + "」，请勿提交"))
                .toList();
        if (!unknown.isEmpty()) {
            throw new InputRefusedException(unknown);
        }
    }
}
