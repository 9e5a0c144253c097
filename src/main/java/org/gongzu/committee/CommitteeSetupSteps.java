package org.gongzu.committee;

import static org.gongzu.engine.StepInput.discard;
import static org.gongzu.engine.StepInput.refusingInvalid;
import static org.gongzu.engine.StepInput.values;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.gongzu.committee.CommitteeSetupProcess.ElectionForm;
import org.gongzu.committee.CommitteeSetupProcess.Stage;
import org.gongzu.committee.CommitteeSetupProcess.StageForm;
import org.gongzu.committee.CommitteeSetupProcess.SupervisionForm;
import org.gongzu.committee.CommitteeSetupProcess.Vars;
import org.gongzu.engine.StepInput;
import org.springframework.stereotype.Component;
import org.gongzu.process.ModelBean;

/**
 * The listeners of processes/CommitteeSetup.bpmn, e.g. {@code ${committeeSetupSteps.stageDone(task)}}.
 */
@Component
@ModelBean
public class CommitteeSetupSteps {

    private final CommitteeSetupService service;

    CommitteeSetupSteps(CommitteeSetupService service) {
        this.service = service;
    }

    /**
     * End of the deadline decision: each stage's deadline becomes a variable that its task's due
     * date and its timer read (the end of the deadline day).
     */
    public void planStages(DelegateExecution execution) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) execution.getVariable(Vars.STAGE_DEADLINES);
        LocalDate startedOn = LocalDate.parse((String) execution.getVariable(Vars.STARTED_ON));
        Map<Stage, LocalDate> deadlines = service.planStages(projectId(execution), startedOn, rows == null ? List.of() : rows);
        execution.removeVariable(Vars.STAGE_DEADLINES);
        deadlines.forEach((stage, due) -> execution.setVariable(stage.dueVariable(), endOf(due)));
    }

    public void stageDone(DelegateTask task) {
        Stage stage = stage(task.getTaskDefinitionKey());
        refusingInvalid(() -> service.stageDone(projectId(task), stage, values(task, StageForm.ALL),
                StepInput.currentUserId()));
        discard(task, StageForm.ALL);
    }

    public void electionDone(DelegateTask task) {
        Stage stage = stage(task.getTaskDefinitionKey());
        refusingInvalid(() -> service.electionHeld(projectId(task), stage, values(task, ElectionForm.ALL),
                StepInput.currentUserId()));
        discard(task, ElectionForm.ALL);
    }

    /** A stage's timer fired: the escalation that follows carries the stage's name. */
    public void stageLate(DelegateExecution execution) {
        BoundaryEvent event = (BoundaryEvent) execution.getBpmnModelElementInstance();
        Stage stage = stage(event.getAttachedTo().getId());
        service.stageLate(projectId(execution), stage);
        execution.setVariableLocal(Vars.LATE_STAGE_NAME, stage.name());
    }

    /** The escalation task names the late stage. */
    public void named(DelegateTask task) {
        task.setName(task.getName() + "：" + task.getVariable(Vars.LATE_STAGE_NAME));
    }

    public void lateStageSupervised(DelegateTask task) {
        String stageName = (String) task.getVariable(Vars.LATE_STAGE_NAME);
        refusingInvalid(() -> service.lateStageSupervised(projectId(task), stageName,
                values(task, SupervisionForm.ALL), StepInput.currentUserId()));
        discard(task, SupervisionForm.ALL);
    }

    private static Stage stage(String taskId) {
        return CommitteeSetupProcess.STAGES.stream().filter(s -> s.taskId().equals(taskId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No stage " + taskId));
    }

    private static String projectId(VariableScope scope) {
        return (String) scope.getVariable(Vars.PROJECT_ID);
    }

    private static Date endOf(LocalDate day) {
        return Date.from(day.atTime(LocalTime.of(23, 59, 59)).atZone(ZoneId.systemDefault()).toInstant());
    }
}
