package org.gongzu.schoolenrollment;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.time.format.DateTimeParseException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.gongzu.process.ModelBean;

/**
 * The school year's dates, as configuration: the cut-off day on which a child's age decides the
 * level ({@code gongzu.school.cut-off}, default 08-31: six by 31 August enters primary school), and
 * the day each year's enrollments open ({@code gongzu.school.yearly-opening}, default 04-01, before
 * Beijing's spring registration for the September intake). The BPMN's yearly timer reads
 * {@code ${schoolCalendar.openingCycle}}.
 */
@Component
@ModelBean
public class SchoolCalendar {

    private final MonthDay cutOff;
    private final MonthDay opening;

    SchoolCalendar(@Value("${gongzu.school.cut-off:08-31}") String cutOff,
            @Value("${gongzu.school.yearly-opening:04-01}") String opening) {
        this.cutOff = monthDay("gongzu.school.cut-off", cutOff);
        this.opening = monthDay("gongzu.school.yearly-opening", opening);
    }

    /** The cron cycle of the yearly opening: 01:00 on the opening day. */
    public String getOpeningCycle() {
        return "0 0 1 " + opening.getDayOfMonth() + " " + opening.getMonthValue() + " ?";
    }

    /** The school year whose enrollments are open on a day: from the opening day on, the one starting that September. */
    public int schoolYearOn(LocalDate day) {
        return day.isBefore(opening.atYear(day.getYear())) ? day.getYear() - 1 : day.getYear();
    }

    public LocalDate cutOffOf(int schoolYear) {
        return cutOff.atYear(schoolYear);
    }

    /** Whole years of age on the school year's cut-off day; negative for a child born after it. */
    public int ageOn(LocalDate birthDate, int schoolYear) {
        LocalDate day = cutOffOf(schoolYear);
        return birthDate.isAfter(day) ? -1 : Period.between(birthDate, day).getYears();
    }

    private static MonthDay monthDay(String key, String value) {
        try {
            return MonthDay.parse("--" + value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(key + " must be a month and day as MM-dd, not '" + value + "'", e);
        }
    }
}
