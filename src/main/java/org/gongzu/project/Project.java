package org.gongzu.project;

import java.time.LocalDate;

import org.gongzu.casefile.CaseVariables;
import org.gongzu.place.Place;

/**
 * A public rental housing project (公租房项目): a case of its own, whose id is the project id. Its
 * processes (facility handovers, the committee setup) use the id as their business key.
 */
public record Project(String id, String name, String subDistrictCode, String ownerName, Integer units,
        LocalDate plannedMoveInOn, String firstMoveInCaseId, LocalDate firstMovedInOn,
        String firstRegisteredCaseId, LocalDate firstRegisteredOn) {

    public String districtCode() {
        return Place.districtOf(subDistrictCode);
    }

    /** The variable that carries the project's id in its processes. */
    public static final String PROJECT_ID = "projectId";

    /**
     * What every process of the project's case starts with: the case id (the project id), the
     * project id and the place that routing reads.
     */
    public java.util.Map<String, Object> caseVariables() {
        java.util.Map<String, Object> variables = new java.util.HashMap<>();
        variables.put(CaseVariables.CASE_ID, id);
        variables.put(PROJECT_ID, id);
        variables.put(CaseVariables.DISTRICT, districtCode());
        variables.put(CaseVariables.SUB_DISTRICT, subDistrictCode);
        return variables;
    }
}
