package org.gongzu.employment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.gongzu.household.Member.Hukou;
import org.gongzu.support.Ids;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * processes/UnemploymentEligibility.dmn (clause 7) at its bounds: age in whole years on the day,
 * sex from the ID number, the working-age bounds passed in from the configuration.
 */
class UnemploymentEligibilityTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 10);
    static final EmploymentSettings DEFAULTS = new EmploymentSettings(16, 60, 55, "P30D");

    static DmnEngine engine;
    static DmnDecision decision;

    @BeforeAll
    static void parse() throws Exception {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = UnemploymentEligibilityTest.class.getResourceAsStream("/processes/UnemploymentEligibility.dmn")) {
            decision = engine.parseDecision(UnemploymentRegistrationProcess.ELIGIBILITY_DECISION, in);
        }
    }

    @Test
    void aBeijingMemberWhoTurnsSixteenOnTheDayIsEligibleAndOneDayBeforeIsNot() {
        LocalDate sixteenToday = DAY.minusYears(16);
        assertThat(decide(Hukou.BEIJING, Ids.male(sixteenToday), sixteenToday, DEFAULTS).get("eligible")).isEqualTo(true);

        LocalDate sixteenTomorrow = sixteenToday.plusDays(1);
        Map<String, Object> young = decide(Hukou.BEIJING, Ids.male(sixteenTomorrow), sixteenTomorrow, DEFAULTS);
        assertThat(young.get("eligible")).isEqualTo(false);
        assertThat(young.get("reason")).isEqualTo("未满16周岁，未到劳动年龄");
        assertThat((String) young.get("otherRoute")).contains("年满16周岁后再申请");
    }

    @Test
    void aManIsEligibleUntilTheDayBeforeHisSixtiethBirthday() {
        LocalDate sixtyTomorrow = DAY.minusYears(60).plusDays(1);
        assertThat(decide(Hukou.BEIJING, Ids.male(sixtyTomorrow), sixtyTomorrow, DEFAULTS).get("eligible")).isEqualTo(true);

        LocalDate sixtyToday = DAY.minusYears(60);
        Map<String, Object> retired = decide(Hukou.BEIJING, Ids.male(sixtyToday), sixtyToday, DEFAULTS);
        assertThat(retired.get("eligible")).isEqualTo(false);
        assertThat(retired.get("reason")).isEqualTo("已到法定退休年龄（男60周岁）");
        assertThat((String) retired.get("otherRoute")).contains("养老保险待遇");
    }

    @Test
    void aWomanIsEligibleUntilTheDayBeforeHerFiftyFifthBirthday() {
        LocalDate fiftyFiveTomorrow = DAY.minusYears(55).plusDays(1);
        assertThat(decide(Hukou.BEIJING, Ids.female(fiftyFiveTomorrow), fiftyFiveTomorrow, DEFAULTS).get("eligible"))
                .isEqualTo(true);

        LocalDate fiftyFiveToday = DAY.minusYears(55);
        Map<String, Object> retired = decide(Hukou.BEIJING, Ids.female(fiftyFiveToday), fiftyFiveToday, DEFAULTS);
        assertThat(retired.get("eligible")).isEqualTo(false);
        assertThat(retired.get("reason")).isEqualTo("已到法定退休年龄（女55周岁）");
        // the same age is no bar for a man
        assertThat(decide(Hukou.BEIJING, Ids.male(fiftyFiveToday), fiftyFiveToday, DEFAULTS).get("eligible")).isEqualTo(true);
    }

    @Test
    void aNonLocalMemberIsRefusedWithTheReasonAndWhereToGoInstead() {
        LocalDate born = LocalDate.of(1988, 3, 15);
        Map<String, Object> result = decide(Hukou.NON_LOCAL, Ids.male(born), born, DEFAULTS);
        assertThat(result.get("eligible")).isEqualTo(false);
        assertThat(result.get("reason")).isEqualTo("非本市户籍，不能在公租房所在街道社保所办理失业登记");
        assertThat((String) result.get("otherRoute")).contains("户籍所在地", "流动人口就业服务");
    }

    @Test
    void changedBoundsInTheConfigurationChangeTheResult() {
        EmploymentSettings later = new EmploymentSettings(16, 63, 58, "P30D");
        LocalDate sixtyOne = DAY.minusYears(61);
        assertThat(decide(Hukou.BEIJING, Ids.male(sixtyOne), sixtyOne, DEFAULTS).get("eligible")).isEqualTo(false);
        assertThat(decide(Hukou.BEIJING, Ids.male(sixtyOne), sixtyOne, later).get("eligible")).isEqualTo(true);
        LocalDate sixtyThree = DAY.minusYears(63);
        Map<String, Object> retired = decide(Hukou.BEIJING, Ids.male(sixtyThree), sixtyThree, later);
        assertThat(retired.get("eligible")).isEqualTo(false);
        assertThat(retired.get("reason")).isEqualTo("已到法定退休年龄（男63周岁）");
        LocalDate fiftySix = DAY.minusYears(56);
        assertThat(decide(Hukou.BEIJING, Ids.female(fiftySix), fiftySix, later).get("eligible")).isEqualTo(true);
    }

    @Test
    void sexIsReadFromTheSeventeenthDigitAndAgeInWholeYears() {
        assertThat(EligibilityInputs.sexOf("11010819900101001X")).isEqualTo(EligibilityInputs.Sex.MALE);
        assertThat(EligibilityInputs.sexOf("110108198503152347")).isEqualTo(EligibilityInputs.Sex.FEMALE);
        assertThat(EligibilityInputs.ageOn(LocalDate.of(2010, 3, 10), DAY)).isEqualTo(16);
        assertThat(EligibilityInputs.ageOn(LocalDate.of(2010, 3, 11), DAY)).isEqualTo(15);
        // born on 29 February: a year older on 1 March in common years
        assertThat(EligibilityInputs.ageOn(LocalDate.of(2008, 2, 29), LocalDate.of(2024, 2, 28))).isEqualTo(15);
        assertThat(EligibilityInputs.ageOn(LocalDate.of(2008, 2, 29), LocalDate.of(2024, 2, 29))).isEqualTo(16);
    }

    private static Map<String, Object> decide(Hukou hukou, String idNumber, LocalDate born, EmploymentSettings settings) {
        return engine.evaluateDecisionTable(decision,
                EligibilityInputs.of(idNumber, hukou, born, DAY, settings).variables()).getSingleResult().getEntryMap();
    }
}
