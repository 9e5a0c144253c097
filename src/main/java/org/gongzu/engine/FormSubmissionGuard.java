package org.gongzu.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.OptimisticLockingException;
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
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.core.variable.CoreVariableInstance;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityCache;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.gongzu.casefile.CaseDocuments;
import org.gongzu.casefile.DocumentKind;
import org.gongzu.process.ProcessModule;
import org.gongzu.validation.FieldError;
import org.springframework.stereotype.Component;

/**
 * Checks every form submission before the step's own listener runs: a task someone has claimed is
 * completed by that person only, and a submission may carry only the variables the step knows —
 * what its process module declares for that step, plus the ids and flags the process keeps, plus the
 * fields a manager added to the task's deployed form (kept on the task, ADR 0027); others are
 * refused, naming them. Runs on every start event and user task.
 */
@Component
class FormSubmissionGuard extends AbstractBpmnParseListener {

    /** The longest text a manager-added form field may hold (ADR 0027). */
    static final int MAX_ADDED_FIELD_LENGTH = 2000;

    private final Map<String, ProcessModule> modules;
    private final CaseDocuments documents;

    FormSubmissionGuard(List<ProcessModule> modules, CaseDocuments documents) {
        this.modules = modules.stream().collect(Collectors.toMap(ProcessModule::processKey, Function.identity()));
        this.documents = documents;
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
        if (task.getProcessInstanceId() != null && ((TaskEntity) task).getExecution() == null) {
            // the same task completed by a request that committed a moment before: its case has moved on
            throw new OptimisticLockingException("Task " + task.getId() + " was completed concurrently");
        }
        String caller = StepInput.currentUserId();
        if (caller != null && task.getAssignee() != null && !task.getAssignee().equals(caller)
                && !StepInput.actingAsAdministrator()) {
            throw new ActionRefusedException("该任务已由其他人员认领，只有办理人本人可以办理");
        }
        if (caller != null && task.getAssignee() == null) {
            // completed without a claim (REST): the completer is the assignee, so that 已办 and history show them
            task.setAssignee(caller);
        }
        String processKey = ((TaskEntity) task).getProcessDefinition().getKey();
        ProcessModule module = modules.get(processKey);
        if (module != null) {
            refuseMissingDocuments(task, module.requiredDocuments().getOrDefault(task.getTaskDefinitionKey(), Set.of()));
            Set<String> formFields = module.formFields().getOrDefault(task.getTaskDefinitionKey(), Set.of());
            Set<String> allowed = new HashSet<>(module.processVariables());
            allowed.addAll(formFields);
            keepAddedFieldsOnTheTask((TaskEntity) task, allowed);
            refuseUnknown(task, allowed);
            refuseChangedProcessVariables(task, module.processVariables(), formFields);
        }
    }

    /**
     * Fields a manager added to the task's deployed form, which the module does not know (ADR 0027):
     * accepted as a record of what was entered, length-limited, and kept on the task alone (task-local),
     * so that the process never reads them. Their values are never logged.
     */
    private static void keepAddedFieldsOnTheTask(TaskEntity task, Set<String> declared) {
        List<String> added = task.getVariableNames().stream().filter(name -> !declared.contains(name)).sorted().toList();
        if (added.isEmpty()) {
            return;
        }
        Map<String, String> formFields = TaskFormKeys.of(task);
        List<FieldError> refused = new java.util.ArrayList<>();
        for (String name : added) {
            if (!formFields.containsKey(name)) {
                continue; // not in the form: refused below
            }
            TypedValue value = task.getVariableTyped(name);
            Object raw = value == null ? null : value.getValue();
            if (raw != null && !(raw instanceof String || raw instanceof Number || raw instanceof Boolean
                    || raw instanceof java.util.Date)) {
                refused.add(new FieldError(name, "「" + formFields.get(name) + "」只能填写文字、数字、日期或是否"));
            } else if (raw instanceof String text && text.length() > MAX_ADDED_FIELD_LENGTH) {
                refused.add(new FieldError(name, "「" + formFields.get(name) + "」不能超过" + MAX_ADDED_FIELD_LENGTH
                        + "个字符"));
            }
            if (!task.hasVariableLocal(name)) {
                task.getExecution().removeVariable(name);
                task.setVariableLocal(name, value);
            }
            declared.add(name);
        }
        if (!refused.isEmpty()) {
            throw new InputRefusedException(refused);
        }
    }

    /** A step that needs a document on its case (the lease at move-in) is refused until it is there. */
    private void refuseMissingDocuments(DelegateTask task, Set<DocumentKind> required) {
        if (required.isEmpty()) {
            return;
        }
        String caseId = ((TaskEntity) task).getProcessInstance().getBusinessKey();
        List<FieldError> missing = required.stream().filter(kind -> caseId == null || !documents.has(caseId, kind))
                .map(kind -> new FieldError("documents", "请先在「案卷」页签上传「" + kind.chineseName() + "」扫描件，再完成此步骤"))
                .toList();
        if (!missing.isEmpty()) {
            throw new InputRefusedException(missing);
        }
    }

    /**
     * The process's own variables (the case id, the place, the flags the gateways read) are in scope
     * at every step, but only the process sets them: a submission that changes one (another case's
     * id, another department) is refused. A variable counts as changed when this command created it
     * or altered its stored value; the submission is the only thing that ran before this listener.
     */
    private static void refuseChangedProcessVariables(DelegateTask task, Set<String> processVariables,
            Set<String> formFields) {
        CommandContext context = Context.getCommandContext();
        if (context == null) {
            return;
        }
        DbEntityCache cache = context.getDbEntityManager().getDbEntityCache();
        List<FieldError> changed = new java.util.ArrayList<>();
        for (String name : processVariables) {
            if (formFields.contains(name)) {
                continue;
            }
            CoreVariableInstance instance = ((TaskEntity) task).getExecution().getVariableInstance(name);
            if (instance instanceof VariableInstanceEntity entity) {
                CachedDbEntity cached = cache.getCachedEntity(entity);
                boolean created = cached != null && cached.getEntityState() == DbEntityState.TRANSIENT;
                // any update marks the entity dirty (its sequence counter moves): compare with what is stored
                if (created || (cached != null && cached.isDirty() && !sameAsStored(context, entity))) {
                    changed.add(new FieldError(name, "「" + name + "」由系统维护，不能随表单提交"));
                }
            }
        }
        if (!changed.isEmpty()) {
            throw new InputRefusedException(changed.stream().sorted(java.util.Comparator.comparing(FieldError::field))
                    .toList());
        }
    }

    /** Whether the variable's value is still the one in the database (this command has not flushed yet). */
    private static boolean sameAsStored(CommandContext context, VariableInstanceEntity entity) {
        try (var statement = context.getDbSqlSession().getSqlSession().getConnection().prepareStatement(
                "select TYPE_, TEXT_, LONG_, DOUBLE_, BYTEARRAY_ID_ from ACT_RU_VARIABLE where ID_ = ?")) {
            statement.setString(1, entity.getId());
            try (var row = statement.executeQuery()) {
                return row.next() && java.util.Objects.equals(row.getString(1), entity.getSerializerName())
                        && java.util.Objects.equals(row.getString(2), entity.getTextValue())
                        && java.util.Objects.equals((Long) row.getObject(3, Long.class), entity.getLongValue())
                        && java.util.Objects.equals((Double) row.getObject(4, Double.class), entity.getDoubleValue())
                        && java.util.Objects.equals(row.getString(5), entity.getByteArrayValueId());
            }
        } catch (java.sql.SQLException e) {
            throw new org.camunda.bpm.engine.ProcessEngineException("Cannot read variable " + entity.getName(), e);
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
