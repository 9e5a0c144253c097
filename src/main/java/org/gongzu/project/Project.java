package org.gongzu.project;

import java.time.LocalDate;

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
}
