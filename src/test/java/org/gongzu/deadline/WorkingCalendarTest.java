package org.gongzu.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The working-day calendar and the deadlines counted with it, on the shipped calendar files. */
class WorkingCalendarTest {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    final WorkingCalendar calendar = new WorkingCalendar(WorkingCalendar.load("classpath*:calendar/*.yaml"));
    final Deadlines deadlines = new Deadlines(calendar, BEIJING, LocalTime.of(18, 0), LocalTime.of(9, 0), 2);

    @Test
    void theCurrentAndTheNextYearHaveACalendarFile() {
        int thisYear = LocalDate.now(BEIJING).getYear();
        assertThat(calendar.configuredYears())
                .as("add src/main/resources/calendar/<year>.yaml from the State Council's holiday arrangement (docs/adr/0025)")
                .contains(thisYear, thisYear + 1);
    }

    @Test
    void holidaysAreDaysOffAndAdjustedWeekendsAreWorkingDays() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).as("国庆节").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 7))).as("国庆节调休").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).as("调休上班的周六").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 20))).as("调休上班的周日").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).as("春节前调休上班的周六").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 23))).as("春节（周一）").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 17))).as("an ordinary Saturday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 16))).as("an ordinary Friday").isTrue();
    }

    @Test
    void aTaskCreatedJustBeforeNationalDayIsDueAfterTheHolidayOnTheAdjustedSaturday() {
        // created Wednesday 30 September: the day itself does not count, 1-7 October are off,
        // Thursday 8 and Friday 9 count, and Saturday 10 October is a working day (调休上班)
        // (without the calendar it would have been due on Friday 2 October)
        Instant created = LocalDate.of(2026, 9, 30).atTime(17, 30).atZone(BEIJING).toInstant();
        Instant due = deadlines.dueAt(created, 3);
        assertThat(due.atZone(BEIJING).toLocalDateTime()).isEqualTo(LocalDate.of(2026, 10, 10).atTime(18, 0));
        assertThat(deadlines.followUpAt(created, due).atZone(BEIJING).toLocalDateTime())
                .isEqualTo(LocalDate.of(2026, 10, 8).atTime(9, 0));
    }

    @Test
    void anAdjustedSaturdayCountsAsAWorkingDayOfADeadline() {
        // created Thursday 12 February 2026: Friday 13 and Saturday 14 (调休上班) count, then 15-23 are off
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 12), 2)).isEqualTo(LocalDate.of(2026, 2, 14));
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 12), 3)).isEqualTo(LocalDate.of(2026, 2, 24));
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 2, 12), LocalDate.of(2026, 2, 24))).isEqualTo(3);
    }

    @Test
    void theFollowUpIsNeverBeforeTheTaskWasCreated() {
        Instant created = LocalDate.of(2026, 11, 30).atTime(10, 0).atZone(BEIJING).toInstant();
        Instant due = deadlines.dueAt(created, 1);
        assertThat(due.atZone(BEIJING).toLocalDateTime()).isEqualTo(LocalDate.of(2026, 12, 1).atTime(18, 0));
        assertThat(deadlines.followUpAt(created, due)).isEqualTo(created);
    }

    @Test
    void zeroWorkingDaysIsTheEndOfTheDayOrOfTheNextWorkingDay() {
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 10, 16), 0)).isEqualTo(LocalDate.of(2026, 10, 16));
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 10, 3), 0)).isEqualTo(LocalDate.of(2026, 10, 8));
    }

    @Test
    void countingBackAndForthAgrees() {
        LocalDate from = LocalDate.of(2026, 9, 15);
        IntStream.rangeClosed(-30, 60).forEach(days -> assertThat(
                calendar.workingDaysBetween(from, calendar.addWorkingDays(from, days))).as("%d days", days).isEqualTo(days));
    }

    @Test
    void aYearWithoutAFileCountsOnlyWeekendsAsDaysOff() {
        assertThat(calendar.configuredYears()).doesNotContain(2031);
        assertThat(calendar.isWorkingDay(LocalDate.of(2031, 10, 1))).as("a Wednesday, unknown as a holiday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2031, 10, 4))).as("a Saturday").isFalse();
    }

    @Test
    void theProvisional2027FileHoldsTheThirteenStatutoryDays() {
        assertThat(calendar.isProvisional(2027)).isTrue();
        assertThat(calendar.isProvisional(2026)).isFalse();
        long statutory = LocalDate.of(2027, 1, 1).datesUntil(LocalDate.of(2028, 1, 1))
                .filter(day -> !calendar.isWorkingDay(day) && day.getDayOfWeek().getValue() < 6).count();
        // 13 days, of which 1 May, 2 May, 6 Feb, 7 Feb, 2 Oct, 3 Oct fall on a weekend
        assertThat(statutory).isEqualTo(13 - 6);
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 5))).as("除夕").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 6, 9))).as("端午节").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 9, 15))).as("中秋节").isFalse();
    }
}
