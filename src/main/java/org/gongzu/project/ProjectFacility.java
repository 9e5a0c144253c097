package org.gongzu.project;

import java.time.LocalDate;

/** One planned facility of a project and where its handover stands (clause 4). */
public record ProjectFacility(FacilityType type, String receivingDepartment, Boolean requiredAtMoveIn, Status status,
        LocalDate preparedOn, LocalDate acceptedOn, LocalDate inUseOn, String defects, boolean late) {

    public enum Status {
        PLANNED("待移交"), PREPARED("待查验"), DEFECTS("整改中"), ACCEPTED("已接收"), IN_USE("已投入使用");

        private final String chineseName;

        Status(String chineseName) {
            this.chineseName = chineseName;
        }

        public String chineseName() {
            return chineseName;
        }
    }
}
