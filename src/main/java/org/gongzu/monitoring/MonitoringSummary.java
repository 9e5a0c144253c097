package org.gongzu.monitoring;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The monitoring summary (ADR 0021): per closed day, the arrivals and completions of every step at
 * the city, district and sub-district level (monitoring_day) and the completed tasks' durations in
 * logarithmic buckets (monitoring_duration_day), computed from monitoring_task. A day is summarized
 * once it has closed ({@link #MARGIN} after midnight, so that no transaction of that day is still
 * open); the summary holds every day from {@code covered_from} to {@code covered_until}, and the
 * views read those days from it and the rest of a window from monitoring_task, so a figure is the
 * same either way.
 *
 * <p>Each day is written in one transaction that locks the state row, so a second node waits and
 * then finds the day done. Rows written to monitoring_task for a day already summarized (an import
 * of history, the engine's clock moved back in a test) are only counted after {@link #refresh}.
 * "Days" are the database's: {@code cast(created_at as date)}, in the application's time zone.
 */
@Component
public class MonitoringSummary {

    private static final Logger LOG = LoggerFactory.getLogger(MonitoringSummary.class);

    /** How long after midnight a day counts as closed. */
    static final Duration MARGIN = Duration.ofMinutes(10);
    static final String ALL = "*";
    /** The sub-district of a case of a district itself (no sub-district). */
    static final String NONE = "-";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ZoneId zone = ZoneId.systemDefault();

    MonitoringSummary(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The days the summary holds: from (inclusive) until (exclusive). */
    public record Coverage(LocalDate from, LocalDate until) {
        boolean holds(LocalDate day) {
            return !day.isBefore(from) && day.isBefore(until);
        }
    }

    /** The zone of the summary's days (the database's timestamps are in it). */
    ZoneId zone() {
        return zone;
    }

    /** The first day not closed yet at {@code now}. */
    LocalDate openDay(Instant now) {
        return now.minus(MARGIN).atZone(zone).toLocalDate();
    }

    @Scheduled(fixedDelayString = "${gongzu.monitoring.summary-check:PT15M}")
    void scheduled() {
        try {
            catchUp();
        } catch (RuntimeException e) {
            LOG.warn("Monitoring summary not brought up to date: {}", e.toString());
        }
    }

    /** Summarizes every closed day after the last one summarized; answers how many days it wrote. */
    public int catchUp() {
        LocalDate open = openDay(clock.instant());
        Coverage coverage = coverage();
        int written = 0;
        for (LocalDate day = coverage.until(); day.isBefore(open); day = day.plusDays(1)) {
            LocalDate d = day;
            Boolean done = transactions.execute(status -> {
                Coverage locked = lockedCoverage();
                if (!locked.until().equals(d)) {
                    return false; // another node got there first
                }
                summarize(d);
                jdbc.update("update monitoring_summary_state set covered_until = ?, updated_at = ? where id = 1",
                        Date.valueOf(d.plusDays(1)), Timestamp.from(clock.instant()));
                return true;
            });
            if (Boolean.TRUE.equals(done)) {
                written++;
            }
        }
        if (written > 0) {
            LOG.info("Monitoring summary: {} day(s) summarized, now up to {}", written, open);
        }
        return written;
    }

    /**
     * Extends the summary back to {@code from} (after history was imported for days before it), then
     * brings it up to date; answers the days written.
     */
    public int cover(LocalDate from) {
        int written = 0;
        for (LocalDate day = coverage().from().minusDays(1); !day.isBefore(from); day = day.minusDays(1)) {
            LocalDate d = day;
            Boolean done = transactions.execute(status -> {
                Coverage locked = lockedCoverage();
                if (!locked.from().equals(d.plusDays(1))) {
                    return false;
                }
                summarize(d);
                jdbc.update("update monitoring_summary_state set covered_from = ?, updated_at = ? where id = 1",
                        Date.valueOf(d), Timestamp.from(clock.instant()));
                return true;
            });
            if (Boolean.TRUE.equals(done)) {
                written++;
            }
        }
        return written + catchUp();
    }

    /** Computes again the summarized days from {@code from} until {@code until} (exclusive), after rows were written for them. */
    public int refresh(LocalDate from, LocalDate until) {
        coverage();
        int written = 0;
        for (LocalDate day = from; day.isBefore(until); day = day.plusDays(1)) {
            LocalDate d = day;
            Boolean done = transactions.execute(status -> {
                if (!lockedCoverage().holds(d)) {
                    return false;
                }
                summarize(d);
                return true;
            });
            if (Boolean.TRUE.equals(done)) {
                written++;
            }
        }
        return written;
    }

    /** The days summarized now. */
    public Coverage coverage() {
        List<Coverage> rows = jdbc.query("select covered_from, covered_until from monitoring_summary_state where id = 1",
                (rs, i) -> new Coverage(rs.getDate(1).toLocalDate(), rs.getDate(2).toLocalDate()));
        if (!rows.isEmpty()) {
            return rows.get(0);
        }
        // the first time: from the first day with figures (none: from today), nothing summarized yet
        LocalDate first = openDay(clock.instant());
        for (String key : processKeys()) {
            Timestamp min = jdbc.queryForObject("select min(created_at) from monitoring_task where process_key = ?",
                    Timestamp.class, key);
            if (min != null && min.toLocalDateTime().toLocalDate().isBefore(first)) {
                first = min.toLocalDateTime().toLocalDate();
            }
        }
        try {
            jdbc.update("insert into monitoring_summary_state (id, covered_from, covered_until, updated_at) values (1, ?, ?, ?)",
                    Date.valueOf(first), Date.valueOf(first), Timestamp.from(clock.instant()));
        } catch (DuplicateKeyException e) {
            // another node made it
        }
        return coverage();
    }

    /** The state row, locked until the transaction ends (made by {@link #coverage()} beforehand). */
    private Coverage lockedCoverage() {
        return jdbc.queryForObject("select covered_from, covered_until from monitoring_summary_state where id = 1 for update",
                (rs, i) -> new Coverage(rs.getDate(1).toLocalDate(), rs.getDate(2).toLocalDate()));
    }

    private List<String> processKeys() {
        return jdbc.queryForList("select distinct KEY_ from ACT_RE_PROCDEF order by KEY_", String.class);
    }

    /** One row of monitoring_task as the summary reads it. */
    private record TaskRow(String taskId, String element, int version, String district, String subDistrict,
            String department, String place, long durationMs) {
    }

    private record DayKey(String process, String element, int version, String district, String subDistrict,
            String department, String place) {
    }

    private record BucketKey(String process, String element, int version, String district, String department, int bucket) {
    }

    /** Writes the summary of one day anew (within the caller's transaction). */
    void summarize(LocalDate day) {
        Timestamp start = Timestamp.valueOf(day.atStartOfDay());
        Timestamp end = Timestamp.valueOf(day.plusDays(1).atStartOfDay());
        Map<DayKey, long[]> counts = new LinkedHashMap<>();
        Map<BucketKey, long[]> buckets = new LinkedHashMap<>();
        List<String> processes = processKeys();
        for (String process : processes) {
            for (List<TaskRow> task : tasks(process, "created_at >= ? and created_at < ?", start, end)) {
                count(counts, process, task, 0);
            }
            for (List<TaskRow> task : tasks(process,
                    "ended_at >= ? and ended_at < ? and outcome = 'COMPLETED'", start, end)) {
                count(counts, process, task, 1);
                TaskRow first = task.get(0);
                int bucket = DurationBuckets.of(first.durationMs());
                for (String district : List.of(ALL, first.district())) {
                    add(buckets, new BucketKey(process, first.element(), first.version(), district, ALL, bucket));
                    for (String department : departments(task)) {
                        add(buckets, new BucketKey(process, first.element(), first.version(), district, department, bucket));
                    }
                }
            }
        }
        Date onDay = Date.valueOf(day);
        for (String process : processes) {
            // by the primary key's first columns
            jdbc.update("delete from monitoring_day where process_key = ? and on_day = ?", process, onDay);
            jdbc.update("delete from monitoring_duration_day where process_key = ? and on_day = ?", process, onDay);
        }
        List<Object[]> dayRows = new ArrayList<>();
        counts.forEach((k, c) -> dayRows.add(new Object[] {k.process(), onDay, k.element(), k.version(), k.district(),
            k.subDistrict(), k.department(), k.place(), c[0], c[1]}));
        jdbc.batchUpdate("insert into monitoring_day (process_key, on_day, element_id, process_version, district_code,"
                + " sub_district_code, department, place_code, arrivals, completions) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                dayRows);
        List<Object[]> bucketRows = new ArrayList<>();
        buckets.forEach((k, c) -> bucketRows.add(new Object[] {k.process(), onDay, k.element(), k.version(), k.district(),
            k.department(), k.bucket(), c[0]}));
        jdbc.batchUpdate("insert into monitoring_duration_day (process_key, on_day, element_id, process_version,"
                + " district_code, department, bucket, completed) values (?, ?, ?, ?, ?, ?, ?, ?)", bucketRows);
    }

    /** The rows of a process's tasks matching a window, one list per task (a task has a row per candidate group). */
    private List<List<TaskRow>> tasks(String process, String window, Timestamp start, Timestamp end) {
        Map<String, List<TaskRow>> tasks = new HashMap<>();
        jdbc.query("select task_id, element_id, process_version, district_code, sub_district_code, department, place_code,"
                + " duration_ms from monitoring_task where process_key = ? and " + window, rs -> {
                    String sub = rs.getString("sub_district_code");
                    TaskRow row = new TaskRow(rs.getString("task_id"), rs.getString("element_id"), rs.getInt("process_version"),
                            rs.getString("district_code"), sub == null ? NONE : sub, rs.getString("department"),
                            rs.getString("place_code"), rs.getLong("duration_ms"));
                    tasks.computeIfAbsent(row.taskId(), t -> new ArrayList<>()).add(row);
                }, process, start, end);
        return new ArrayList<>(tasks.values());
    }

    private static Set<String> departments(List<TaskRow> task) {
        Set<String> departments = new LinkedHashSet<>();
        task.forEach(r -> departments.add(r.department()));
        return departments;
    }

    /** Counts a task once at each level (column 0 arrivals, 1 completions). */
    private static void count(Map<DayKey, long[]> counts, String process, List<TaskRow> task, int column) {
        TaskRow t = task.get(0);
        add(counts, new DayKey(process, t.element(), t.version(), ALL, ALL, ALL, ALL), column);
        add(counts, new DayKey(process, t.element(), t.version(), t.district(), ALL, ALL, ALL), column);
        add(counts, new DayKey(process, t.element(), t.version(), t.district(), t.subDistrict(), ALL, ALL), column);
        for (String department : departments(task)) {
            add(counts, new DayKey(process, t.element(), t.version(), ALL, ALL, department, ALL), column);
            add(counts, new DayKey(process, t.element(), t.version(), t.district(), ALL, department, ALL), column);
        }
        Set<String> cells = new LinkedHashSet<>();
        for (TaskRow row : task) {
            if (cells.add(row.department() + "@" + row.place())) {
                add(counts, new DayKey(process, t.element(), t.version(), t.district(), t.subDistrict(), row.department(),
                        row.place()), column);
            }
        }
    }

    private static void add(Map<DayKey, long[]> counts, DayKey key, int column) {
        counts.computeIfAbsent(key, k -> new long[2])[column]++;
    }

    private static void add(Map<BucketKey, long[]> buckets, BucketKey key) {
        buckets.computeIfAbsent(key, k -> new long[1])[0]++;
    }
}
