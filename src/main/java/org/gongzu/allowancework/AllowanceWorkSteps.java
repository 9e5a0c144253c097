package org.gongzu.allowancework;

import static org.gongzu.engine.StepInput.discard;
import static org.gongzu.engine.StepInput.refusingInvalid;
import static org.gongzu.engine.StepInput.values;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.plugin.variable.SpinValues;
import org.gongzu.allowancework.AllowanceWorkProcess.ArrangeForm;
import org.gongzu.allowancework.AllowanceWorkProcess.ConfirmForm;
import org.gongzu.allowancework.AllowanceWorkProcess.HoursForm;
import org.gongzu.allowancework.AllowanceWorkProcess.Vars;
import org.gongzu.engine.StepInput;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gongzu.process.ModelBean;

/**
 * The listeners of processes/AllowanceWork.bpmn, e.g. {@code ${allowanceWorkSteps.recordHours(task)}}:
 * each reads its step's form, calls a service, sets what the gateway reads and drops
 * the fields it saved. What a form shows of members is set on the task only (never in the history).
 * The arrangement's rules are {@link AllowanceWorkService}'s, its hours {@link WorkHoursService}'s.
 */
@Component
@ModelBean
public class AllowanceWorkSteps {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AllowanceWorkService service;
    private final WorkHoursService hours;

    AllowanceWorkSteps(AllowanceWorkService service, WorkHoursService hours) {
        this.service = service;
        this.hours = hours;
    }

    /** The arrangement form lists the household's adult members on the allowance. */
    public void listAllowanceMembers(DelegateTask task) {
        task.setVariableLocal(ArrangeForm.MEMBER_OPTIONS, json(service.allowanceMemberOptions(caseId(task))));
    }

    public void arrange(DelegateTask task) {
        refusingInvalid(() -> service.arrange(workId(task), values(task, ArrangeForm.SUBMITTED), StepInput.currentUserId()));
        discard(task, ArrangeForm.ALL);
    }

    /** The hours form lists the arranged members and shows what the residents' committee returned last. */
    public void listArrangedMembers(DelegateTask task) {
        task.setVariableLocal(HoursForm.MEMBER_OPTIONS, json(hours.arrangedMemberOptions(workId(task))));
        hours.lastReturned(workId(task)).ifPresent(text -> task.setVariableLocal(HoursForm.LAST_RETURNED, text));
    }

    public void recordHours(DelegateTask task) {
        boolean end = refusingInvalid(() -> hours.recordHours(workId(task), values(task, HoursForm.SUBMITTED),
                StepInput.currentUserId()));
        discard(task, HoursForm.ALL);
        task.getExecution().setVariable(Vars.END_ARRANGEMENT, end);
    }

    /** The confirmation form shows the entry to confirm. */
    public void showHours(DelegateTask task) {
        task.setVariableLocal(ConfirmForm.ENTRY, hours.hoursToConfirm(workId(task)));
    }

    public void confirmHours(DelegateTask task) {
        refusingInvalid(() -> hours.confirmHours(workId(task), values(task, ConfirmForm.SUBMITTED),
                StepInput.currentUserId()));
        discard(task, ConfirmForm.ALL);
    }

    /** End event: the sub-district office ended the arrangement. */
    public void arrangementEnded(DelegateExecution execution) {
        execution.setVariable(Vars.OUTCOME, service.arrangementEnded(workId(execution)));
    }

    /** End event of the event sub-process: the household is no longer on the allowance. */
    public void allowanceEnded(DelegateExecution execution) {
        service.allowanceEnded(workId(execution));
        execution.setVariable(Vars.OUTCOME, AllowanceWorkProcess.OUTCOME_ALLOWANCE_ENDED);
    }

    /** The process ended, however (also when cancelled): the household's arrangement is closed. */
    public void closed(DelegateExecution execution) {
        service.closed(workId(execution), (String) execution.getVariable(Vars.OUTCOME));
    }

    private static Object json(List<Map<String, String>> options) {
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(options)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String caseId(VariableScope scope) {
        return (String) scope.getVariable(Vars.CASE_ID);
    }

    private static long workId(VariableScope scope) {
        return ((Number) scope.getVariable(Vars.WORK_ID)).longValue();
    }
}
