package org.gongzu.employment;

import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.Map;

import org.gongzu.household.Member;

/**
 * The inputs of processes/UnemploymentEligibility.dmn for one member on one day: hukou, sex (from
 * the ID number's 17th digit, odd for men), age in whole years on that day, and the working-age
 * bounds from {@link EmploymentSettings}.
 */
public record EligibilityInputs(Member.Hukou hukou, Sex sex, int age, int workingAgeFrom, int retirementAgeMale,
        int retirementAgeFemale) {

    public enum Sex { MALE, FEMALE }

    public static EligibilityInputs of(String idNumber, Member.Hukou hukou, LocalDate birthDate, LocalDate day,
            EmploymentSettings settings) {
        return new EligibilityInputs(hukou, sexOf(idNumber), ageOn(birthDate, day), settings.workingAgeFrom(),
                settings.retirementAgeMale(), settings.retirementAgeFemale());
    }

    /** GB 11643: the 17th character is odd for a man, even for a woman. */
    public static Sex sexOf(String idNumber) {
        int digit = idNumber.charAt(16) - '0';
        return digit % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    /** Whole years: someone born on 2010-03-01 is 16 from 2026-03-01 on. */
    public static int ageOn(LocalDate birthDate, LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }

    /** The decision's variables. */
    public Map<String, Object> variables() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("hukou", hukou.name());
        variables.put("sex", sex.name());
        variables.put("age", age);
        variables.put("workingAgeFrom", workingAgeFrom);
        variables.put("retirementAgeMale", retirementAgeMale);
        variables.put("retirementAgeFemale", retirementAgeFemale);
        return variables;
    }
}
