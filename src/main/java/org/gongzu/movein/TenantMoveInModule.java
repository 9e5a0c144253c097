package org.gongzu.movein;

import java.util.Map;
import java.util.Set;

import org.gongzu.casefile.DocumentKind;
import org.gongzu.deadline.LateStepEscalation;
import org.gongzu.identity.Department;
import org.gongzu.movein.TenantMoveInProcess.ConfirmationForm;
import org.gongzu.movein.TenantMoveInProcess.EarlierVersionElements;
import org.gongzu.movein.TenantMoveInProcess.Elements;
import org.gongzu.movein.TenantMoveInProcess.FacilityForm;
import org.gongzu.movein.TenantMoveInProcess.LeaseForm;
import org.gongzu.movein.TenantMoveInProcess.MembersForm;
import org.gongzu.movein.TenantMoveInProcess.MoveInForm;
import org.gongzu.movein.TenantMoveInProcess.Vars;
import org.gongzu.process.ProcessModule;
import org.springframework.stereotype.Component;

/** Registers TenantMoveIn with the shared code. */
@Component
class TenantMoveInModule implements ProcessModule {

    @Override
    public String processKey() {
        return TenantMoveInProcess.KEY;
    }

    /** Property owners record signed leases (clause 1). */
    @Override
    public Set<Department> starters() {
        return Set.of(Department.OWNER);
    }

    @Override
    public Set<String> processVariables() {
        return Vars.ALL;
    }

    @Override
    public Map<String, Set<String>> formFields() {
        return Map.of(
                Elements.START, LeaseForm.ALL,
                Elements.CONFIRM_MOVE_IN, MoveInForm.ALL,
                EarlierVersionElements.CHECK_FACILITIES, FacilityForm.ALL,
                EarlierVersionElements.ARRANGE_FACILITIES, ConfirmationForm.ALL,
                Elements.REGISTER_MEMBERS, MembersForm.ALL,
                Elements.CONFIRM_ACTUAL_POPULATION, ConfirmationForm.ALL,
                Elements.REGISTER_FLOATING_POPULATION, ConfirmationForm.ALL,
                Elements.HANDLE_LATE_MEMBER_REGISTRATION, LateStepEscalation.FORM_FIELDS);
    }

    /** The owner confirms the move-in with the signed lease contract on the case (clauses 1 and 7). */
    @Override
    public Map<String, Set<DocumentKind>> requiredDocuments() {
        return Map.of(Elements.CONFIRM_MOVE_IN, Set.of(DocumentKind.LEASE_CONTRACT));
    }

    @Override
    public Set<String> personalDataFields() {
        return TenantMoveInProcess.PERSONAL_DATA_FIELDS;
    }
}
