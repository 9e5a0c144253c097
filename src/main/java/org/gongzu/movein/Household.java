package org.gongzu.movein;

import java.time.LocalDate;

/** A tenant household's case, as kept in the household table. */
public record Household(String caseId, String projectId, String unitNo, String leaseNo, LocalDate leaseSignedOn,
        String headName, String headIdNumber, String districtCode, String subDistrictCode, String status,
        LocalDate movedInOn, Boolean firstInProject) {
}
