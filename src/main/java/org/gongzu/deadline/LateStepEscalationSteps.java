package org.gongzu.deadline;

import static org.gongzu.engine.StepInput.discard;
import static org.gongzu.engine.StepInput.refusingInvalid;
import static org.gongzu.engine.StepInput.values;

import java.time.format.DateTimeFormatter;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.gongzu.casefile.CaseVariables;
import org.gongzu.engine.StepInput;
import org.gongzu.process.ModelBean;
import org.springframework.stereotype.Component;

/**
 * The steps of a late step's escalation, used from the models as {@code ${lateStepEscalation...}}:
 * the timer's service step records the lateness on the case, the escalation target's decision is
 * recorded when its task completes (see {@link LateStepEscalation}).
 */
@ModelBean
@Component("lateStepEscalation")
public class LateStepEscalationSteps {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final LateStepEscalationService service;
    private final Deadlines deadlines;

    LateStepEscalationSteps(LateStepEscalationService service, Deadlines deadlines) {
        this.service = service;
        this.deadlines = deadlines;
    }

    /** The late step's timer fired: the lateness goes on the case and before the escalation target. */
    public void recorded(DelegateExecution execution, String lateTaskKey) {
        FlowElement step = execution.getBpmnModelInstance().getModelElementById(lateTaskKey);
        Task late = execution.getProcessEngineServices().getTaskService().createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(lateTaskKey).singleResult();
        Date due = late == null ? null : late.getDueDate();
        String dueWords = due == null ? "" : "（" + SHOWN.format(due.toInstant().atZone(deadlines.zone())) + "到期）";
        String description = "「" + step.getName() + "」" + dueWords + "已超过办理期限，尚未办结。";
        execution.setVariableLocal(LateStepEscalation.DESCRIPTION, description);
        service.escalated((String) execution.getVariable(CaseVariables.CASE_ID), description);
    }

    /** The escalation target decided what to do about the late step. */
    public void decided(DelegateTask task) {
        String description = (String) task.getVariable(LateStepEscalation.DESCRIPTION);
        refusingInvalid(() -> service.decided((String) task.getVariable(CaseVariables.CASE_ID), description,
                values(task, LateStepEscalation.FORM_FIELDS), StepInput.currentUserId()));
        discard(task, LateStepEscalation.FORM_FIELDS);
    }
}
