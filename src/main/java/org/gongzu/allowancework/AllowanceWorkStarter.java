package org.gongzu.allowancework;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.gongzu.allowancework.AllowanceWorkProcess.Vars;
import org.gongzu.engine.SystemActions;
import org.gongzu.household.Household;
import org.gongzu.household.HouseholdEvents;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts AllowanceWork for a household with a member on the allowance, when it is registered in the
 * community or when a correction first shows one; ends it when a correction shows none. The
 * household's row in allowance_work is claimed first, so a household never has two open at once.
 * Runs in the transaction of the step that changed the household; the process goes on as a job.
 */
@Component
class AllowanceWorkStarter {

    private final RuntimeService runtimeService;
    private final AllowanceWorkService service;

    AllowanceWorkStarter(RuntimeService runtimeService, AllowanceWorkService service) {
        this.runtimeService = runtimeService;
        this.service = service;
    }

    @EventListener
    void registered(HouseholdEvents.Registered event) {
        if (service.onAllowance(event.members())) {
            start(event.household());
        }
    }

    @EventListener
    void membersChanged(HouseholdEvents.MembersChanged event) {
        if (service.onAllowance(event.members())) {
            start(event.household());
        } else {
            end(event.household());
        }
    }

    private void start(Household household) {
        service.claim(household).ifPresent(workId -> {
            ProcessInstance instance = SystemActions.run(() -> runtimeService
                    .createMessageCorrelation(AllowanceWorkProcess.START_MESSAGE)
                    .processInstanceBusinessKey(household.caseId())
                    .setVariables(Variables.createVariables()
                            .putValue(Vars.CASE_ID, household.caseId())
                            .putValue(Vars.PROJECT_ID, household.projectId())
                            .putValue(Vars.DISTRICT, household.districtCode())
                            .putValue(Vars.SUB_DISTRICT, household.subDistrictCode())
                            .putValue(Vars.WORK_ID, workId)
                            .putValue(Vars.SUBJECT, AllowanceWorkProcess.SUBJECT))
                    .correlateStartMessage());
            service.started(workId, instance.getId());
        });
    }

    /** No member on the allowance any more: the open arrangement, if any, ends. */
    private void end(Household household) {
        // correlateAll: a process an administrator removed without its listeners must not fail the correction
        service.openProcess(household.caseId()).ifPresent(processInstanceId -> SystemActions.run(() -> {
            runtimeService.createMessageCorrelation(AllowanceWorkProcess.ENDED_MESSAGE)
                    .processInstanceId(processInstanceId).correlateAllWithResult();
        }));
    }
}
