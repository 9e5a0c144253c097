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

    @Test
    void birthDatesInTheFutureOrBefore1900AreRefused() {
        LocalDate today = LocalDate.of(2026, 11, 29);
        assertThat(IdNumber.problem(withCheckCharacter("11010820261130001"), today)).contains("其中的出生日期（第7至14位）晚于今天");
        assertThat(IdNumber.problem(withCheckCharacter("11010820261129001"), today)).isEmpty();
        assertThat(IdNumber.problem(withCheckCharacter("11010818991231001"), today)).contains("其中的出生日期（第7至14位）早于1900年");
        assertThat(IdNumber.problem(withCheckCharacter("11010819000101001"), today)).isEmpty();
        assertThat(IdNumber.problem("110108198503152340", today)).contains("校验位不正确，请核对号码");
    }

    @Test
    void identityNumbersInFreeTextAreMasked() {
        assertThat(IdNumber.maskInText("已核对 110108198503152347，另有11010819900101001x及旧证110108850315234。电话13800138000"))
                .isEqualTo("已核对 110108**********47，另有110108**********1x及旧证110108*******34。电话13800138000");
        assertThat(IdNumber.maskInText(null)).isNull();
        assertThat(IdNumber.maskInText("门牌 3-2-101")).isEqualTo("门牌 3-2-101");
    }

    private static String withCheckCharacter(String first17) {
        return first17 + IdNumber.checkCharacter(first17);
    }
}
