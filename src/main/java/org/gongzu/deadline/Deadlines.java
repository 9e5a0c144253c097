package org.gongzu.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When a step is due and when to follow it up, from a number of working days (docs/adr/0025):
 * the day a task is created does not count (as with periods in days under Chinese law); it is due
 * at the end of office hours of its last working day, and followed up from the start of the working
 * day a set number of working days before, never before it was created.
 */
@Component
public class Deadlines {

    private final WorkingCalendar calendar;
    private final ZoneId zone;
    private final LocalTime endOfDay;
    private final LocalTime startOfDay;
    private final int followUpDays;

    Deadlines(WorkingCalendar calendar, @Value("${gongzu.deadlines.zone:Asia/Shanghai}") ZoneId zone,
            @Value("${gongzu.deadlines.end-of-day:18:00}") LocalTime endOfDay,
            @Value("${gongzu.deadlines.start-of-day:09:00}") LocalTime startOfDay,
            @Value("${gongzu.deadlines.follow-up-working-days:2}") int followUpDays) {
        this.calendar = calendar;
        this.zone = zone;
        this.endOfDay = endOfDay;
        this.startOfDay = startOfDay;
        this.followUpDays = followUpDays;
    }

    /** The end of office hours on the {@code workingDays}-th working day after the day of {@code created}. */
    public Instant dueAt(Instant created, int workingDays) {
        LocalDate createdOn = created.atZone(zone).toLocalDate();
        return ZonedDateTime.of(calendar.addWorkingDays(createdOn, workingDays), endOfDay, zone).toInstant();
    }

    /** The start of the working day {@code follow-up-working-days} before the due day, or the creation if later. */
    public Instant followUpAt(Instant created, Instant due) {
        LocalDate dueOn = due.atZone(zone).toLocalDate();
        Instant followUp = ZonedDateTime.of(calendar.addWorkingDays(dueOn, -followUpDays), startOfDay, zone).toInstant();
        return followUp.isBefore(created) ? created : followUp;
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    public ZoneId zone() {
        return zone;
    }
}
