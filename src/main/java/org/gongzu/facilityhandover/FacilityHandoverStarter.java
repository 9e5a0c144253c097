package org.gongzu.facilityhandover;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.gongzu.engine.SystemActions;
import org.gongzu.facilityhandover.FacilityHandoverProcess.Elements;
import org.gongzu.facilityhandover.FacilityHandoverProcess.Vars;
import org.gongzu.project.FacilityType;
import org.gongzu.project.Project;
import org.gongzu.project.ProjectEvents;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts one FacilityHandover per planned facility when a project is registered, and brings the
 * in-use deadline forward when the project's first household moves in before the planned date.
 * Both run in the transaction of the step that caused them.
 */
@Component
class FacilityHandoverStarter {

    private final RuntimeService runtimeService;
    private final ManagementService managementService;

    FacilityHandoverStarter(RuntimeService runtimeService, ManagementService managementService) {
        this.runtimeService = runtimeService;
        this.managementService = managementService;
    }

    @EventListener
    void projectRegistered(ProjectEvents.Registered event) {
        Project project = event.project();
        for (FacilityType type : event.facilities()) {
            Map<String, Object> variables = Variables.fromMap(project.caseVariables())
                    .putValue(Vars.FACILITY_TYPE, type.name())
                    .putValue(Vars.FACILITY_TYPE_NAME, type.chineseName())
                    .putValue(Vars.IN_USE_DEADLINE, startOf(project.plannedMoveInOn()));
            // the housing department registered the project; the handovers are the system's consequence
            SystemActions.run(() -> runtimeService.startProcessInstanceByKey(FacilityHandoverProcess.KEY, project.id(),
                    variables));
        }
    }

    /** Residents arrived before the planned date: facilities that must be in use are late from that day. */
    @EventListener
    void firstMoveIn(ProjectEvents.FirstMoveIn event) {
        Date movedIn = startOf(event.movedInOn());
        SystemActions.run(() -> {
            for (ProcessInstance instance : runtimeService.createProcessInstanceQuery()
                    .processDefinitionKey(FacilityHandoverProcess.KEY).processInstanceBusinessKey(event.project().id())
                    .list()) {
                for (Job timer : managementService.createJobQuery().processInstanceId(instance.getId()).timers()
                        .activityId(Elements.IN_USE_DEADLINE).list()) {
                    if (timer.getDuedate() == null || timer.getDuedate().after(movedIn)) {
                        managementService.setJobDuedate(timer.getId(), movedIn);
                    }
                }
            }
        });
    }

    private static Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }
}
