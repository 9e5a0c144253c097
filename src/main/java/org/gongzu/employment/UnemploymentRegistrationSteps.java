package org.gongzu.employment;

import static org.gongzu.engine.StepInput.discard;
import static org.gongzu.engine.StepInput.refusingInvalid;
import static org.gongzu.engine.StepInput.values;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.gongzu.employment.UnemploymentRegistrationProcess.ApplicationForm;
import org.gongzu.employment.UnemploymentRegistrationProcess.FollowUpForm;
import org.gongzu.employment.UnemploymentRegistrationProcess.RegistrationForm;
import org.gongzu.employment.UnemploymentRegistrationProcess.Vars;
import org.gongzu.employment.UnemploymentRegistrationService.Claimed;
import org.gongzu.engine.StepInput;
import org.springframework.stereotype.Component;
import org.gongzu.process.ModelBean;

/**
 * The listeners and service tasks of processes/UnemploymentRegistration.bpmn, e.g.
 * {@code ${unemploymentRegistrationSteps.followUp(task)}}: each reads its step's input, calls
 * {@link UnemploymentRegistrationService}, sets what the gateways read and drops the fields it saved.
 */
@Component
@ModelBean
public class UnemploymentRegistrationSteps {

    private final UnemploymentRegistrationService service;
    private final JobReferralService jobOpenings;

    UnemploymentRegistrationSteps(UnemploymentRegistrationService service, JobReferralService jobOpenings) {
        this.service = service;
        this.jobOpenings = jobOpenings;
    }

    /** Message start: the household event claimed the registration; its row learns its process. */
    public void started(DelegateExecution execution) {
        service.instanceStarted(registrationId(execution), execution.getProcessInstanceId());
    }

    /** Hand start: the office asks for a member; checked and claimed here, as the message start claims. */
    public void requested(DelegateExecution execution) {
        Claimed claimed = refusingInvalid(() -> service.requested(values(execution, ApplicationForm.ALL),
                StepInput.currentGroupIds(), StepInput.currentUserId()));
        discard(execution, ApplicationForm.ALL);
        execution.setProcessBusinessKey(claimed.caseId());
        execution.setVariable(Vars.CASE_ID, claimed.caseId());
        execution.setVariable(Vars.PROJECT_ID, claimed.projectId());
        execution.setVariable(Vars.DISTRICT, claimed.districtCode());
        execution.setVariable(Vars.SUB_DISTRICT, claimed.subDistrictCode());
        execution.setVariable(Vars.REGISTRATION_ID, claimed.registrationId());
        execution.setVariable(Vars.SUBJECT, claimed.subject());
        service.instanceStarted(claimed.registrationId(), execution.getProcessInstanceId());
    }

    /**
     * Start of the eligibility decision: its inputs (hukou, sex, age, the configured bounds) are
     * transient, so they reach the decision and its history but are never stored as process variables.
     */
    public void eligibilityInputs(DelegateExecution execution) {
        service.eligibilityInputs(registrationId(execution)).variables().forEach((name, value) ->
                execution.setVariableLocal(name, value instanceof Integer number
                        ? Variables.integerValue(number, true) : Variables.stringValue((String) value, true)));
    }

    /** End of the decision: the gateway's flag; reason and other route stay with the registration. */
    public void eligibilityDecided(DelegateExecution execution) {
        Object result = execution.getVariable(Vars.ELIGIBILITY);
        if (!(result instanceof Map<?, ?> decision) || !(decision.get("eligible") instanceof Boolean eligible)) {
            throw new ProcessEngineException(UnemploymentRegistrationProcess.ELIGIBILITY_DECISION
                    + " gave no result for registration " + registrationId(execution));
        }
        service.decided(registrationId(execution), text(decision.get("reason")), text(decision.get("otherRoute")));
        execution.removeVariable(Vars.ELIGIBILITY);
        execution.setVariable(Vars.ELIGIBLE, eligible);
    }

    /** Service task: the refusal is recorded with where the member can go instead. */
    public void recordRefusal(DelegateExecution execution) {
        execution.setVariable(Vars.OUTCOME, service.refused(registrationId(execution)));
    }

    /** A new task names its member in words, and shows the office who it is (task-local, personal data). */
    public void shown(DelegateTask task) {
        long id = registrationId(task);
        task.setName(task.getName() + "：" + service.memberWords(id));
        task.setVariableLocal(UnemploymentRegistrationProcess.MEMBER_SHOWN, service.memberShown(id));
    }

    public void register(DelegateTask task) {
        refusingInvalid(() -> service.registered(registrationId(task), values(task, RegistrationForm.ALL),
                StepInput.currentUserId()));
        discard(task, RegistrationForm.ALL);
    }

    public void followUp(DelegateTask task) {
        UnemploymentRegistrationService.FollowUp followUp = refusingInvalid(() -> service.followedUp(registrationId(task),
                values(task, FollowUpForm.ALL), StepInput.currentUserId()));
        discard(task, FollowUpForm.ALL);
        task.getExecution().setVariable(Vars.FOLLOW_UP_RESULT, followUp.state().name());
        if (followUp.outcome() != null) {
            task.getExecution().setVariable(Vars.OUTCOME, followUp.outcome());
        }
    }

    /** Service task of the referral subprocess: the job opening's referral goes into the household's journal. */
    public void recordReferral(DelegateExecution execution) {
        String jobOpeningId = (String) execution.getVariable(Vars.JOB_OPENING_ID);
        service.referred(registrationId(execution), jobOpenings.words(jobOpeningId));
    }

    /** Service task: the member was registered as employed in a correction of the household's members. */
    public void closeAsEmployed(DelegateExecution execution) {
        execution.setVariable(Vars.OUTCOME, service.employedByCorrection(registrationId(execution)));
    }

    private static long registrationId(VariableScope scope) {
        return ((Number) scope.getVariable(Vars.REGISTRATION_ID)).longValue();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
