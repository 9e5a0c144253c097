package org.gongzu.employment;

import static org.gongzu.engine.StepInput.discard;
import static org.gongzu.engine.StepInput.refusingInvalid;
import static org.gongzu.engine.StepInput.values;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.gongzu.employment.JobReferralProcess.RecommendationForm;
import org.gongzu.employment.JobReferralProcess.Vars;
import org.gongzu.employment.JobReferralService.Recommendation;
import org.gongzu.employment.JobReferralService.Referral;
import org.gongzu.engine.StepInput;
import org.gongzu.engine.SystemActions;
import org.springframework.stereotype.Component;
import org.gongzu.process.ModelBean;

/**
 * The listeners of processes/JobReferral.bpmn, e.g. {@code ${jobReferralSteps.recommend(task)}}. A
 * recommendation is told to each recommended member's UnemploymentRegistration by message.
 */
@Component
@ModelBean
public class JobReferralSteps {

    private final JobReferralService service;
    private final RuntimeService runtimeService;

    JobReferralSteps(JobReferralService service, RuntimeService runtimeService) {
        this.service = service;
        this.runtimeService = runtimeService;
    }

    /**
     * The recommendation task opens with the job opening and the numbered list of the sub-district's
     * registered unemployed tenants; both live on the task only (the list is personal data).
     */
    public void listCandidates(DelegateTask task) {
        JobReferralService.Candidates candidates = service.candidates(jobOpeningId(task));
        task.setName(task.getName() + "：" + service.find(jobOpeningId(task)).subject().replace("社区招聘：", ""));
        task.setVariableLocal(RecommendationForm.JOB_OPENING, candidates.opening());
        task.setVariableLocal(RecommendationForm.CANDIDATES, candidates.list());
    }

    public void recommend(DelegateTask task) {
        String jobOpeningId = jobOpeningId(task);
        Recommendation recommendation = refusingInvalid(() -> service.recommend(jobOpeningId,
                values(task, RecommendationForm.SUBMITTED), StepInput.currentUserId()));
        discard(task, RecommendationForm.SUBMITTED);
        task.getExecution().setVariable(Vars.OUTCOME, recommendation.outcome());
        // the recommending department acted on the opening; each registration records it as the system
        SystemActions.run(() -> recommendation.referrals().forEach(referral -> referred(referral, jobOpeningId)));
    }

    private void referred(Referral referral, String jobOpeningId) {
        runtimeService.createMessageCorrelation(UnemploymentRegistrationProcess.Messages.JOB_REFERRED)
                .processInstanceId(referral.processInstanceId())
                .setVariableToTriggeredScope(UnemploymentRegistrationProcess.Vars.JOB_OPENING_ID, jobOpeningId)
                .correlateWithResult();
    }

    private static String jobOpeningId(DelegateTask task) {
        return (String) task.getVariable(Vars.CASE_ID);
    }
}
