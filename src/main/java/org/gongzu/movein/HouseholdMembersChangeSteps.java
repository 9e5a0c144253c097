package org.gongzu.movein;

import static org.gongzu.engine.StepInput.discard;
import static org.gongzu.engine.StepInput.refusingInvalid;
import static org.gongzu.engine.StepInput.values;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.plugin.variable.SpinValues;
import org.gongzu.engine.InputRefusedException;
import org.gongzu.engine.StepInput;
import org.gongzu.household.Household;
import org.gongzu.household.Member;
import org.gongzu.movein.HouseholdMembersChangeProcess.RequestForm;
import org.gongzu.movein.HouseholdMembersChangeProcess.Vars;
import org.gongzu.movein.TenantMoveInProcess.MembersForm;
import org.springframework.stereotype.Component;
import org.gongzu.process.ModelBean;

/**
 * The listeners of processes/HouseholdMembersChange.bpmn, e.g.
 * {@code ${householdMembersChangeSteps.updateMembers(task)}}.
 */
@Component
@ModelBean
public class HouseholdMembersChangeSteps {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MoveInService service;

    HouseholdMembersChangeSteps(MoveInService service) {
        this.service = service;
    }

    /** Start: a registered household of the committee's sub-district; its case id becomes the business key. */
    public void requested(DelegateExecution execution) {
        Household household = refusingInvalid(() -> service.openMembersChange(values(execution, RequestForm.ALL),
                StepInput.currentGroupIds(), StepInput.currentUserId()));
        discard(execution, java.util.Set.of(RequestForm.REASON));
        execution.setProcessBusinessKey(household.caseId());
        execution.setVariable(Vars.CASE_ID, household.caseId());
        execution.setVariable(Vars.PROJECT_ID, household.projectId());
        execution.setVariable(Vars.DISTRICT, household.districtCode());
        execution.setVariable(Vars.SUB_DISTRICT, household.subDistrictCode());
        execution.setVariable(Vars.SUBJECT, "家庭成员信息变更");
    }

    /** The form opens with the members as registered: the committee changes what changed. */
    public void prefill(DelegateTask task) {
        List<Member> members = service.members((String) task.getVariable(Vars.CASE_ID));
        task.setVariableLocal(MembersForm.MEMBER_COUNT, members.size());
        for (int i = 0; i < members.size() && i < MembersForm.FORM_MAX_MEMBERS; i++) {
            Member m = members.get(i);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put(MembersForm.NAME, m.name());
            entry.put(MembersForm.ID_NUMBER, m.idNumber());
            entry.put(MembersForm.RELATION, m.relation().name());
            entry.put(MembersForm.HUKOU, m.hukou().name());
            entry.put(MembersForm.BIRTH_DATE, m.birthDate().toString());
            entry.put(MembersForm.EMPLOYMENT, m.employment().name());
            entry.put(MembersForm.MIN_LIVING_ALLOWANCE, m.minLivingAllowance());
            try {
                task.setVariableLocal(MembersForm.MEMBER_GROUPS.get(i),
                        SpinValues.jsonValue(JSON.writeValueAsString(entry)).create());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public void updateMembers(DelegateTask task) {
        String caseId = (String) task.getVariable(Vars.CASE_ID);
        boolean asList = task.hasVariable(MembersForm.MEMBERS);
        List<Map<String, ?>> members = asList
                ? StepInput.entries(task, MembersForm.MEMBERS, "家庭成员")
                : StepInput.numberedEntries(task, MembersForm.MEMBER_COUNT, "家庭成员人数", MembersForm.MEMBER_GROUPS,
                        "第%d位成员");
        try {
            refusingInvalid(() -> service.changeMembers(caseId, members, StepInput.currentUserId()));
        } catch (InputRefusedException e) {
            throw asList ? e : e.withFieldsRenamed(TenantMoveInSteps::formGroupField);
        }
        discard(task, MembersForm.ALL);
        task.getExecution().setVariable(Vars.OUTCOME, "家庭成员信息已变更（" + members.size() + "人）");
    }
}
