package org.gongzu.household;

import java.time.LocalDate;

/** A member of a tenant household (clause 6). */
public record Member(int seq, String name, String idNumber, Relation relation, Hukou hukou, LocalDate birthDate,
        Employment employment, boolean minLivingAllowance) {

    public enum Relation { HEAD, SPOUSE, CHILD, PARENT, OTHER }

    public enum Hukou { BEIJING, NON_LOCAL }

    public enum Employment { EMPLOYED, UNEMPLOYED, RETIRED, STUDENT, PRESCHOOL, OTHER }

    /** Beijing hukou goes into the actual-population data, non-local into floating-population registration. */
    public String populationRegister() {
        return hukou == Hukou.BEIJING ? "ACTUAL" : "FLOATING";
    }
}
