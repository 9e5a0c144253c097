package org.gongzu.employment;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.gongzu.employment.JobReferralProcess.Vars;
import org.gongzu.employment.JobReferralService.Draft;
import org.gongzu.employment.JobReferralService.Opening;
import org.gongzu.webapp.Callers;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts a job opening: records it and starts its JobReferral by message, in one transaction, so an
 * opening never exists without its recommendation step.
 */
@Component
class JobReferralStarter {

    private final JobReferralService service;
    private final RuntimeService runtimeService;
    private final Callers callers;

    JobReferralStarter(JobReferralService service, RuntimeService runtimeService, Callers callers) {
        this.service = service;
        this.runtimeService = runtimeService;
        this.callers = callers;
    }

    record Posted(String jobOpeningId, String processInstanceId) {
    }

    @Transactional
    public Posted post(Draft draft, String userId) {
        Opening opening = service.post(draft, userId);
        // the caller's right to post for the sub-district was checked; the process is the system's
        ProcessInstance instance = callers.asSystem(() -> runtimeService.createMessageCorrelation(JobReferralProcess.MESSAGE_POSTED)
                .processInstanceBusinessKey(opening.id())
                .setVariables(Variables.createVariables()
                        .putValue(Vars.CASE_ID, opening.id())
                        .putValue(Vars.DISTRICT, opening.districtCode())
                        .putValue(Vars.SUB_DISTRICT, opening.subDistrictCode())
                        .putValue(Vars.SUBJECT, opening.subject()))
                .correlateStartMessage());
        service.instanceStarted(opening.id(), instance.getId());
        return new Posted(opening.id(), instance.getId());
    }
}
