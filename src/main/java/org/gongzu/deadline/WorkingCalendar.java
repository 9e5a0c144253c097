package org.gongzu.deadline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * China's working days: Monday to Friday, less the public holidays (放假调休), plus the weekend days
 * declared working days (调休上班). Each year is a file on the classpath ({@code calendar/<year>.yaml});
 * a year without a file counts weekends only and is logged once (docs/adr/0025).
 */
@Component
public class WorkingCalendar {

    private static final Logger log = LoggerFactory.getLogger(WorkingCalendar.class);

    /** One configured year: its days off and its working weekend days. */
    record Year(int year, boolean provisional, Set<LocalDate> daysOff, Set<LocalDate> workdays) {
    }

    private final Map<Integer, Year> years;
    private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();

    @Autowired
    WorkingCalendar(@Value("${gongzu.deadlines.calendar:classpath*:calendar/*.yaml}") String location) {
        this(load(location));
    }

    WorkingCalendar(Map<Integer, Year> years) {
        this.years = Map.copyOf(years);
    }

    /** The years that have a calendar file. */
    public Set<Integer> configuredYears() {
        return years.keySet();
    }

    /** Whether a year's file is only a provisional one (statutory days, no published arrangement). */
    public boolean isProvisional(int year) {
        Year configured = years.get(year);
        return configured == null || configured.provisional();
    }

    public boolean isWorkingDay(LocalDate date) {
        Year year = years.get(date.getYear());
        if (year == null) {
            if (warnedYears.add(date.getYear())) {
                log.warn("No working-day calendar for {}: only weekends count as days off (add calendar/{}.yaml)",
                        date.getYear(), date.getYear());
            }
            return !weekend(date);
        }
        if (year.workdays().contains(date)) {
            return true;
        }
        return !weekend(date) && !year.daysOff().contains(date);
    }

    /**
     * The day that is {@code days} working days after {@code from}, {@code from} itself not counted
     * (before it for a negative number). Zero gives {@code from} if it is a working day, else the next one.
     */
    public LocalDate addWorkingDays(LocalDate from, int days) {
        LocalDate date = from;
        if (days == 0) {
            while (!isWorkingDay(date)) {
                date = date.plusDays(1);
            }
            return date;
        }
        int step = days > 0 ? 1 : -1;
        for (int left = Math.abs(days); left > 0;) {
            date = date.plusDays(step);
            if (isWorkingDay(date)) {
                left--;
            }
        }
        return date;
    }

    /** Working days after {@code a} up to and including {@code b}; negative when {@code b} is before {@code a}. */
    public int workingDaysBetween(LocalDate a, LocalDate b) {
        if (b.isBefore(a)) {
            return -workingDaysBetween(b, a);
        }
        int count = 0;
        for (LocalDate date = a.plusDays(1); !date.isAfter(b); date = date.plusDays(1)) {
            if (isWorkingDay(date)) {
                count++;
            }
        }
        return count;
    }

    private static boolean weekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    static Map<Integer, Year> load(String location) {
        Map<Integer, Year> years = new HashMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(location)) {
                try (InputStream in = resource.getInputStream()) {
                    Year year = parse(new Yaml(new SafeConstructor(new LoaderOptions())).load(in), resource.getFilename());
                    if (years.put(year.year(), year) != null) {
                        throw new IllegalStateException("Two calendar files for " + year.year());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the working-day calendars at " + location, e);
        }
        return years;
    }

    @SuppressWarnings("unchecked")
    static Year parse(Map<String, Object> file, String name) {
        int year = ((Number) file.get("year")).intValue();
        Set<LocalDate> daysOff = new HashSet<>();
        for (Map<String, Object> holiday : (List<Map<String, Object>>) file.getOrDefault("holidays", List.of())) {
            LocalDate from = date(holiday.get("from"));
            LocalDate to = date(holiday.get("to"));
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                daysOff.add(day);
            }
        }
        Set<LocalDate> workdays = new HashSet<>();
        for (Object day : (List<Object>) file.getOrDefault("workdays", List.of())) {
            workdays.add(date(day));
        }
        for (LocalDate day : concat(daysOff, workdays)) {
            if (day.getYear() != year) {
                throw new IllegalStateException(name + " lists " + day + ", outside " + year);
            }
        }
        return new Year(year, Boolean.TRUE.equals(file.get("provisional")), Set.copyOf(daysOff), Set.copyOf(workdays));
    }

    private static Set<LocalDate> concat(Set<LocalDate> a, Set<LocalDate> b) {
        Set<LocalDate> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    /** YAML reads an unquoted 2026-10-01 as a timestamp at midnight UTC; quoted, it is text. */
    private static LocalDate date(Object value) {
        if (value instanceof Date date) {
            return date.toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
        }
        return LocalDate.parse(value.toString());
    }
}
