package org.gongzu.movein;

import static org.gongzu.engine.StepInput.discard;
import static org.gongzu.engine.StepInput.refusingInvalid;
import static org.gongzu.engine.StepInput.values;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.gongzu.engine.InputRefusedException;
import org.gongzu.household.Household;
import org.gongzu.household.Member;
import org.gongzu.engine.StepInput;
import org.gongzu.movein.TenantMoveInProcess.ConfirmationForm;
import org.gongzu.movein.TenantMoveInProcess.Elements;
import org.gongzu.movein.TenantMoveInProcess.FacilityForm;
import org.gongzu.movein.TenantMoveInProcess.LeaseForm;
import org.gongzu.movein.TenantMoveInProcess.MembersForm;
import org.gongzu.movein.TenantMoveInProcess.MoveInForm;
import org.gongzu.movein.TenantMoveInProcess.Vars;
import org.springframework.stereotype.Component;
import org.gongzu.process.ModelBean;

/**
 * The listeners and the service task of processes/TenantMoveIn.bpmn, called by expressions such
 * as {@code ${tenantMoveInSteps.confirmMoveIn(task)}}. Each reads the step's form fields, calls
 * {@link MoveInService}, sets the flags the gateways need and drops the fields it saved.
 */
@Component
@ModelBean
public class TenantMoveInSteps {

    private static final Pattern LIST_ENTRY = Pattern.compile(Pattern.quote(MembersForm.MEMBERS) + "\\[(\\d)\\](.*)");

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final MoveInService service;

    TenantMoveInSteps(MoveInService service) {
        this.service = service;
    }

    /** Start event: a signed lease opens the household's case, whose id becomes the business key. */
    public void openCase(DelegateExecution execution) {
        MoveInService.OpenedCase opened = refusingInvalid(
                () -> service.openCase(values(execution, LeaseForm.ALL), StepInput.currentGroupIds()));
        discard(execution, LeaseForm.ALL);
        execution.setProcessBusinessKey(opened.caseId());
        execution.setVariable(Vars.CASE_ID, opened.caseId());
        execution.setVariable(Vars.PROJECT_ID, opened.projectId());
        execution.setVariable(Vars.DISTRICT, opened.districtCode());
        execution.setVariable(Vars.SUB_DISTRICT, opened.subDistrictCode());
    }

    public void confirmMoveIn(DelegateTask task) {
        boolean first = refusingInvalid(() -> service.confirmMoveIn(caseId(task), values(task, MoveInForm.ALL)));
        discard(task, MoveInForm.ALL);
        task.getExecution().setVariable(Vars.FIRST_HOUSEHOLD, first);
    }

    public void checkFacilities(DelegateTask task) {
        boolean allInUse = refusingInvalid(() -> service.recordFacilities(caseId(task), values(task, FacilityForm.ALL)));
        discard(task, FacilityForm.ALL);
        task.getExecution().setVariable(Vars.ALL_FACILITIES_IN_USE, allInUse);
    }

    public void arrangeFacilities(DelegateTask task) {
        refusingInvalid(() -> service.recordFacilityArrangement(caseId(task), values(task, ConfirmationForm.ALL),
                StepInput.currentUserId()));
        discard(task, ConfirmationForm.ALL);
    }

    /**
     * The residents' committee's form opens with the lease holder as the first member, as the owner
     * entered them: nothing is typed twice. The values live on the task only (personal data, never in
     * the history) and are replaced by what the committee submits.
     */
    public void prefillLeaseHolder(DelegateTask task) {
        Household household = service.household(caseId(task));
        Map<String, Object> head = new java.util.LinkedHashMap<>();
        head.put(MembersForm.NAME, household.headName());
        head.put(MembersForm.ID_NUMBER, household.headIdNumber());
        head.put(MembersForm.RELATION, Member.Relation.HEAD.name());
        org.gongzu.validation.IdNumber.birthDate(household.headIdNumber())
                .ifPresent(birth -> head.put(MembersForm.BIRTH_DATE, birth.toString()));
        try {
            task.setVariableLocal(MembersForm.MEMBER_GROUPS.get(0), org.camunda.spin.plugin.variable.SpinValues
                    .jsonValue(JSON.writeValueAsString(head)).create());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public void registerMembers(DelegateTask task) {
        String first = MembersForm.MEMBER_GROUPS.get(0);
        if (task.hasVariableLocal(first) && task.getExecution().hasVariable(first)) {
            // submitted through the API onto the case, not over the prefilled task value: the submission counts
            task.removeVariableLocal(first);
        }
        boolean asList = task.hasVariable(MembersForm.MEMBERS);
        List<Map<String, ?>> members = asList
                ? StepInput.entries(task, MembersForm.MEMBERS, "家庭成员")
                : StepInput.numberedEntries(task, MembersForm.MEMBER_COUNT, "家庭成员人数", MembersForm.MEMBER_GROUPS,
                        "第%d位成员");
        MoveInService.Registration registration;
        try {
            registration = refusingInvalid(() -> service.registerMembers(caseId(task), members));
        } catch (InputRefusedException e) {
            // the form names its fields member1.idNumber …, a REST list members[0].idNumber …
            throw asList ? e : e.withFieldsRenamed(TenantMoveInSteps::formGroupField);
        }
        discard(task, MembersForm.ALL);
        task.getExecution().setVariable(Vars.HAS_BEIJING_MEMBERS, registration.hasBeijingMembers());
        task.getExecution().setVariable(Vars.HAS_NON_LOCAL_MEMBERS, registration.hasNonLocalMembers());
    }

    /** The police confirm the actual-population data (Beijing hukou) or the floating-population registration. */
    public void confirmPopulationRegister(DelegateTask task) {
        String register = Elements.CONFIRM_ACTUAL_POPULATION.equals(task.getTaskDefinitionKey()) ? "ACTUAL" : "FLOATING";
        refusingInvalid(() -> service.confirmPopulationRegister(caseId(task), register,
                values(task, ConfirmationForm.ALL), StepInput.currentUserId()));
        discard(task, ConfirmationForm.ALL);
    }

    /** Service task: the household is registered in the community. */
    public void registerInCommunity(DelegateExecution execution) {
        service.registerInCommunity((String) execution.getVariable(Vars.CASE_ID));
    }

    /** {@code members[1].idNumber} → {@code member2.idNumber}; the list itself → the member count field. */
    static String formGroupField(String listField) {
        Matcher entry = LIST_ENTRY.matcher(listField);
        if (entry.matches()) {
            return MembersForm.MEMBER_GROUPS.get(Integer.parseInt(entry.group(1))) + entry.group(2);
        }
        return MembersForm.MEMBERS.equals(listField) ? MembersForm.MEMBER_COUNT : listField;
    }

    private static String caseId(DelegateTask task) {
        return (String) task.getVariable(Vars.CASE_ID);
    }
}
