package org.gongzu.facilityhandover;

import java.util.Map;
import java.util.Set;

import org.gongzu.facilityhandover.FacilityHandoverProcess.Elements;
import org.gongzu.facilityhandover.FacilityHandoverProcess.InUseForm;
import org.gongzu.facilityhandover.FacilityHandoverProcess.InspectionForm;
import org.gongzu.facilityhandover.FacilityHandoverProcess.LateForm;
import org.gongzu.facilityhandover.FacilityHandoverProcess.PreparationForm;
import org.gongzu.facilityhandover.FacilityHandoverProcess.Vars;
import org.gongzu.process.ProcessModule;
import org.springframework.stereotype.Component;

/**
 * Registers FacilityHandover with the shared code. Nobody starts it by hand: a registered project
 * starts one per planned facility. A handover holds no personal data.
 */
@Component
class FacilityHandoverModule implements ProcessModule {

    @Override
    public String processKey() {
        return FacilityHandoverProcess.KEY;
    }

    @Override
    public Set<String> processVariables() {
        return Vars.ALL;
    }

    @Override
    public Map<String, Set<String>> formFields() {
        return Map.of(Elements.START, Vars.STARTED_WITH,
                Elements.PREPARE, PreparationForm.ALL,
                Elements.INSPECT, InspectionForm.ALL,
                Elements.CONFIRM_IN_USE, InUseForm.ALL,
                Elements.RESOLVE_LATE, LateForm.ALL);
    }
}
