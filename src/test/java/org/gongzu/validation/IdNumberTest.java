package org.gongzu.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class IdNumberTest {

    @Test
    void checkCharacterFollowsGb11643() {
        assertThat(IdNumber.checkCharacter("11010819850315234")).isEqualTo('7');
        assertThat(IdNumber.checkCharacter("11010819900101001")).isEqualTo('X');
        assertThat(IdNumber.problem("110108198503152347")).isEmpty();
        assertThat(IdNumber.problem("11010819900101001X")).isEmpty();
    }

    @Test
    void wrongCheckDigitIsNamed() {
        assertThat(IdNumber.problem("110108198503152340")).contains("校验位不正确，请核对号码");
    }

    @Test
    void malformedNumbersAndImpossibleBirthDatesAreRefused() {
        assertThat(IdNumber.problem("11010819850315234")).isPresent();
        assertThat(IdNumber.problem("01010819850315234X")).isPresent();
        assertThat(IdNumber.problem(null)).isPresent();
        String feb30 = "1101081985023012" + "3";
        String withCheck = feb30.substring(0, 17) + IdNumber.checkCharacter(feb30.substring(0, 17));
        assertThat(IdNumber.problem(withCheck)).contains("其中的出生日期（第7至14位）不是有效日期");
    }

    @Test
    void birthDateIsReadFromPositionsSevenToFourteen() {
        assertThat(IdNumber.birthDate("110108198503152347")).contains(LocalDate.of(1985, 3, 15));
    }

    @Test
    void masksKeepOnlyPlaceAndLastTwo() {
        assertThat(IdNumber.mask("110108198503152347")).isEqualTo("110108**********47");
        assertThat(IdNumber.normalise(" 11010819900101001x ")).isEqualTo("11010819900101001X");
    }
}
