package org.gongzu.movein;

import java.util.Map;
import java.util.Set;

import org.gongzu.identity.Department;
import org.gongzu.movein.HouseholdMembersChangeProcess.Elements;
import org.gongzu.movein.HouseholdMembersChangeProcess.RequestForm;
import org.gongzu.movein.HouseholdMembersChangeProcess.Vars;
import org.gongzu.process.ProcessModule;
import org.springframework.stereotype.Component;

/** Registers HouseholdMembersChange: the residents' committee starts it for a household of its sub-district. */
@Component
class HouseholdMembersChangeModule implements ProcessModule {

    @Override
    public String processKey() {
        return HouseholdMembersChangeProcess.KEY;
    }

    @Override
    public Set<Department> starters() {
        return Set.of(Department.RESIDENTS_COMMITTEE);
    }

    @Override
    public Set<String> processVariables() {
        return Vars.ALL;
    }

    @Override
    public Map<String, Set<String>> formFields() {
        return Map.of(Elements.START, RequestForm.ALL, Elements.UPDATE_MEMBERS, HouseholdMembersChangeProcess.MEMBER_FIELDS);
    }

    @Override
    public Set<String> personalDataFields() {
        return HouseholdMembersChangeProcess.PERSONAL_DATA_FIELDS;
    }
}
