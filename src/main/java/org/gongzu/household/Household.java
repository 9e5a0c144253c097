package org.gongzu.household;

import java.time.LocalDate;

import org.gongzu.place.Place;

/** A tenant household's case, as kept in the household table. */
public record Household(String caseId, String projectId, String unitNo, String leaseNo, LocalDate leaseSignedOn,
        String headName, String headIdNumber, String subDistrictCode, String status,
        LocalDate movedInOn, Boolean firstInProject) {

    /** The district (区) of the household: the first six digits of its sub-district's code. */
    public String districtCode() {
        return Place.districtOf(subDistrictCode);
    }
}
