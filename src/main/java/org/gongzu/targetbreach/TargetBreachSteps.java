package org.gongzu.targetbreach;

import static org.gongzu.engine.StepInput.discard;
import static org.gongzu.engine.StepInput.refusingInvalid;
import static org.gongzu.engine.StepInput.values;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.Variables;
import org.gongzu.engine.StepInput;
import org.gongzu.monitoring.MonitoringEvents;
import org.gongzu.engine.SystemActions;
import org.gongzu.targetbreach.TargetBreachProcess.ReviewForm;
import org.gongzu.targetbreach.TargetBreachProcess.Vars;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.gongzu.process.ModelBean;

/**
 * Starts TargetBreach for each breach the monitoring announces (once per breach: the monitoring
 * claims it), and the listeners of processes/TargetBreach.bpmn, e.g. {@code ${targetBreachSteps.reviewed(task)}}.
 */
@Component
@ModelBean
public class TargetBreachSteps {

    private final TargetBreachService service;
    private final RuntimeService runtimeService;

    TargetBreachSteps(TargetBreachService service, RuntimeService runtimeService) {
        this.service = service;
        this.runtimeService = runtimeService;
    }

    @EventListener
    void breached(MonitoringEvents.Breached breach) {
        String caseId = TargetBreachService.caseId(breach.breachId());
        service.opened(breach.breachId(), breach.description());
        SystemActions.run(() -> runtimeService.startProcessInstanceByKey(TargetBreachProcess.KEY, caseId,
                Variables.createVariables().putValue(Vars.CASE_ID, caseId).putValue(Vars.DISTRICT, breach.districtCode())
                        .putValue(Vars.SUBJECT, breach.title()).putValue(Vars.BREACH_ID, breach.breachId())
                        .putValue(Vars.TITLE, breach.title()).putValue(Vars.DESCRIPTION, breach.description())));
    }

    /** The task carries the breach's title. */
    public void named(DelegateTask task) {
        task.setName((String) task.getVariable(Vars.TITLE));
        task.setDescription((String) task.getVariable(Vars.DESCRIPTION));
    }

    public void reviewed(DelegateTask task) {
        long breachId = ((Number) task.getVariable(Vars.BREACH_ID)).longValue();
        String outcome = refusingInvalid(() -> service.reviewed(breachId, values(task, ReviewForm.ALL),
                StepInput.currentUserId()));
        discard(task, ReviewForm.ALL);
        task.getExecution().setVariable(Vars.OUTCOME, outcome);
    }
}
