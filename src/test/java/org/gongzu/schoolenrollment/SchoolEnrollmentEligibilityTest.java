package org.gongzu.schoolenrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.gongzu.support.GongzuTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * processes/SchoolEnrollmentEligibility.dmn with the school calendar's cut-off day (31 August by
 * default): who clause 9 covers at which level, with ages exactly at and around each boundary.
 */
@GongzuTest
class SchoolEnrollmentEligibilityTest {

    @Autowired DecisionService decisionService;
    @Autowired SchoolCalendar calendar;

    private Map<String, Object> decide(String hukou, int age) {
        DmnDecisionResultEntries result = decisionService.evaluateDecisionByKey(SchoolEnrollmentProcess.ELIGIBILITY_DECISION)
                .variables(Variables.createVariables().putValue("hukou", hukou).putValue("age", age))
                .evaluate().getSingleResult();
        assertThat(result).as(hukou + " " + age).isNotNull();
        return result.getEntryMap();
    }

    @ParameterizedTest(name = "born {0}: {1} in the 2026 school year")
    @CsvSource({
        // three on the cut-off day enters kindergarten; a day younger waits a year
        "2023-08-31, KINDERGARTEN", "2023-09-01, ",
        // six on the cut-off day enters primary school; a day younger stays in kindergarten
        "2020-08-31, PRIMARY", "2020-09-01, KINDERGARTEN",
        // twelve on the cut-off day enters junior secondary; a day younger stays in primary
        "2014-08-31, JUNIOR_SECONDARY", "2014-09-01, PRIMARY",
        // fifteen on the cut-off day has left compulsory education; a day younger has not
        "2011-08-31, ", "2011-09-01, JUNIOR_SECONDARY",
    })
    void aBeijingChildsLevelFollowsItsAgeOnTheCutOffDay(LocalDate born, String level) {
        Map<String, Object> result = decide("BEIJING", calendar.ageOn(born, 2026));
        assertThat(result.get("covered")).isEqualTo(level != null);
        assertThat(result.get("level")).isEqualTo(level);
        if (level == null) {
            assertThat((String) result.get("reason")).isNotBlank();
            assertThat((String) result.get("otherRoute")).isNotBlank();
        }
    }

    @Test
    void aNonLocalChildOfEveryAgeIsNotCoveredAndToldWhereToApply() {
        for (int age = 0; age < 18; age++) {
            Map<String, Object> result = decide("NON_LOCAL", age);
            assertThat(result.get("covered")).as("age " + age).isEqualTo(false);
            assertThat((String) result.get("reason")).contains("非本市户籍");
            assertThat((String) result.get("otherRoute")).contains("区教委");
        }
    }

    @Test
    void theTooYoungAndTheTooOldAreToldWhyAndWhatElseApplies() {
        assertThat((String) decide("BEIJING", 2).get("reason")).contains("未满3周岁");
        assertThat((String) decide("BEIJING", 0).get("otherRoute")).contains("自动开启");
        assertThat((String) decide("BEIJING", 15).get("reason")).contains("超出义务教育阶段");
        assertThat((String) decide("BEIJING", 17).get("otherRoute")).contains("中考");
    }

    @Test
    void theSchoolYearOpenOnADayTurnsOnTheConfiguredOpeningDay() {
        SchoolCalendar defaults = new SchoolCalendar("08-31", "04-01");
        assertThat(defaults.schoolYearOn(LocalDate.of(2027, 3, 31))).isEqualTo(2026);
        assertThat(defaults.schoolYearOn(LocalDate.of(2027, 4, 1))).isEqualTo(2027);
        assertThat(defaults.getOpeningCycle()).isEqualTo("0 0 1 1 4 ?");
        SchoolCalendar may = new SchoolCalendar("09-01", "05-15");
        assertThat(may.schoolYearOn(LocalDate.of(2027, 5, 14))).isEqualTo(2026);
        assertThat(may.getOpeningCycle()).isEqualTo("0 0 1 15 5 ?");
        // a child born on the cut-off day is a whole year older on it
        assertThat(may.ageOn(LocalDate.of(2021, 9, 1), 2027)).isEqualTo(6);
        assertThat(may.ageOn(LocalDate.of(2027, 9, 2), 2027)).isEqualTo(-1);
    }
}
