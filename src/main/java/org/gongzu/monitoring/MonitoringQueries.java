package org.gongzu.monitoring;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The monitoring figures, aggregated in the database from monitoring_task (never from raw history):
 * per step, per department and place, per day; and the open tasks behind a figure. Percentiles are
 * {@code percentile_cont} over the time each completed task spent in its step (interpolated: the
 * median of 1, 2, 3 and 4 hours is 2.5 hours).
 */
@Repository
class MonitoringQueries {

    static final int MAX_CASES = 200;

    private final JdbcTemplate jdbc;
    private final MonitoringSummary summary;
    private volatile long exactUpTo;

    MonitoringQueries(JdbcTemplate jdbc, MonitoringSummary summary,
            @Value("${gongzu.monitoring.exact-percentiles-up-to:100000}") long exactUpTo) {
        this.jdbc = jdbc;
        this.summary = summary;
        this.exactUpTo = exactUpTo;
    }

    /** Up to how many completed tasks a window's percentiles are exact (tests lower it to read the buckets). */
    void exactPercentilesUpTo(long tasks) {
        this.exactUpTo = tasks;
    }

    long exactPercentilesUpTo() {
        return exactUpTo;
    }

    /** Open tasks of a process per step: waiting, overdue at {@code now}, oldest waiting since. */
    record Open(long waiting, long overdue, Timestamp oldest) {
    }

    Map<String, Open> open(String processKey, MonitoringFilter filter) {
        Where where = new Where("process_key = ? and ended_at is null", processKey).filtered(filter);
        Map<String, Open> open = new LinkedHashMap<>();
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(filter.to())));
        args.addAll(where.args);
        // one row per task first (a task routed to two departments has two rows), then per step: hashing
        // instead of count(distinct …)'s sort (docs/performance.md, "Monitoring at 1,000,000 cases")
        jdbc.query("select element_id, count(*) as waiting, sum(overdue) as overdue, min(created_at) as oldest"
                + " from (select element_id, task_id, max(case when due_at < ? then 1 else 0 end) as overdue,"
                + " min(created_at) as created_at from monitoring_task where " + where.sql
                + " group by element_id, task_id) tasks group by element_id", rs -> {
                    open.put(rs.getString("element_id"), new Open(rs.getLong("waiting"), rs.getLong("overdue"),
                            rs.getTimestamp("oldest")));
                }, args.toArray());
        return open;
    }

    /**
     * Tasks of a process completed in the window per step: how many, and p50 and p90 of the time they
     * took (ms); {@code estimated} when read from the summary's duration buckets.
     */
    record Done(long completed, Double p50, Double p90, boolean estimated) {
    }

    /**
     * Exact percentiles ({@code percentile_cont} over the tasks) while the window holds at most
     * {@code gongzu.monitoring.exact-percentiles-up-to} completed tasks, or when it filters a
     * sub-district; above that, from the summary's buckets for its whole days and the tasks of the
     * rest of the window (ADR 0021).
     */
    Map<String, Done> done(String processKey, MonitoringFilter filter) {
        Split split = split(filter.from(), filter.to());
        if (split.summarized() && filter.subDistrict() == null) {
            Where level = summaryLevel(new Where("process_key = ? and on_day >= ? and on_day < ?", processKey,
                    Date.valueOf(split.from()), Date.valueOf(split.until())), filter);
            Long completed = jdbc.queryForObject("select sum(completions) from monitoring_day where " + level.sql,
                    Long.class, level.args.toArray());
            if (completed != null && completed > exactUpTo) {
                return bucketed(processKey, filter, split);
            }
        }
        return exact(processKey, filter);
    }

    private Map<String, Done> exact(String processKey, MonitoringFilter filter) {
        Where where = new Where("process_key = ? and outcome = 'COMPLETED' and ended_at >= ? and ended_at < ?",
                processKey, Timestamp.from(filter.from()), Timestamp.from(filter.to())).filtered(filter);
        Map<String, Done> done = new LinkedHashMap<>();
        // one row per task, however many departments it was routed to
        jdbc.query("select element_id, count(*) as completed,"
                + " percentile_cont(0.5) within group (order by duration_ms) as p50,"
                + " percentile_cont(0.9) within group (order by duration_ms) as p90"
                + " from (select distinct task_id, element_id, duration_ms from monitoring_task where " + where.sql
                + ") t group by element_id", rs -> {
                    done.put(rs.getString("element_id"), new Done(rs.getLong("completed"), rs.getDouble("p50"),
                            rs.getDouble("p90"), false));
                }, where.args.toArray());
        return done;
    }

    private Map<String, Done> bucketed(String processKey, MonitoringFilter filter, Split split) {
        Map<String, DurationBuckets> steps = new LinkedHashMap<>();
        Where where = new Where("process_key = ? and on_day >= ? and on_day < ?", processKey,
                Date.valueOf(split.from()), Date.valueOf(split.until()));
        where.and("district_code = ?", filter.district() == null ? MonitoringSummary.ALL : filter.district());
        where.and("department = ?", filter.department() == null ? MonitoringSummary.ALL : filter.department());
        if (filter.version() != null) {
            where.and("process_version = ?", filter.version());
        }
        jdbc.query("select element_id, bucket, sum(completed) as n from monitoring_duration_day where " + where.sql
                + " group by element_id, bucket", rs -> {
                    steps.computeIfAbsent(rs.getString("element_id"), e -> new DurationBuckets()).add(rs.getInt("bucket"),
                            rs.getLong("n"));
                }, where.args.toArray());
        for (Instant[] span : split.raw()) {
            Where edge = new Where("process_key = ? and outcome = 'COMPLETED' and ended_at >= ? and ended_at < ?",
                    processKey, Timestamp.from(span[0]), Timestamp.from(span[1])).filtered(filter);
            jdbc.query("select element_id, task_id, max(duration_ms) as duration_ms from monitoring_task where "
                    + edge.sql + " group by element_id, task_id", rs -> {
                        steps.computeIfAbsent(rs.getString("element_id"), e -> new DurationBuckets())
                                .add(DurationBuckets.of(rs.getLong("duration_ms")), 1);
                    }, edge.args.toArray());
        }
        Map<String, Done> done = new LinkedHashMap<>();
        steps.forEach((element, buckets) -> {
            if (buckets.total() > 0) {
                done.put(element, new Done(buckets.total(), buckets.quantile(0.5), buckets.quantile(0.9), true));
            }
        });
        return done;
    }

    /** Per district and step: the p90 of the time completed tasks took in the window (ms), for the targets. */
    record DistrictP90(String districtCode, String elementId, long completed, double p90) {
    }

    List<DistrictP90> p90ByDistrict(String processKey, MonitoringFilter filter) {
        return jdbc.query("select district_code, element_id, count(*) as completed,"
                + " percentile_cont(0.9) within group (order by duration_ms) as p90 from (select distinct task_id,"
                + " district_code, element_id, duration_ms from monitoring_task where process_key = ?"
                + " and outcome = 'COMPLETED' and ended_at >= ? and ended_at < ?) t group by district_code, element_id",
                (rs, i) -> new DistrictP90(rs.getString("district_code"), rs.getString("element_id"),
                        rs.getLong("completed"), rs.getDouble("p90")),
                processKey, Timestamp.from(filter.from()), Timestamp.from(filter.to()));
    }

    /** One cell of the backlog: a department of a place. */
    record Cell(String department, String placeCode, long open, long overdue, Timestamp oldest, long completed) {
    }

    List<Cell> backlog(String processKey, MonitoringFilter filter) {
        // open tasks and tasks ended in the window, each read from its own index (one OR of both read the
        // whole table); a (department, place) is one group, and a task has one row per group, so plain
        // counts count tasks (docs/performance.md, "Monitoring at 1,000,000 cases"). Completions of the
        // summary's whole days come from its cells (ADR 0021).
        Map<String, Cell> cells = new LinkedHashMap<>();
        Where open = new Where("ended_at is null");
        if (processKey != null) {
            open.and("process_key = ?", processKey);
        }
        open.filtered(filter);
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(filter.to())));
        args.addAll(open.args);
        jdbc.query("select department, place_code, count(*) as open_count,"
                + " count(case when due_at < ? then 1 end) as overdue, min(created_at) as oldest"
                + " from monitoring_task where " + open.sql + " group by department, place_code", rs -> {
                    cells.put(rs.getString("department") + "@" + rs.getString("place_code"), new Cell(rs.getString("department"),
                            rs.getString("place_code"), rs.getLong("open_count"), rs.getLong("overdue"),
                            rs.getTimestamp("oldest"), 0));
                }, args.toArray());
        Split split = split(filter.from(), filter.to());
        for (Instant[] span : split.raw()) {
            Where ended = new Where("ended_at >= ? and ended_at < ? and outcome = 'COMPLETED'", Timestamp.from(span[0]),
                    Timestamp.from(span[1]));
            if (processKey != null) {
                ended.and("process_key = ?", processKey);
            }
            ended.filtered(filter);
            jdbc.query("select department, place_code, count(*) as n from monitoring_task where " + ended.sql
                    + " group by department, place_code", rs -> {
                        completed(cells, rs.getString("department"), rs.getString("place_code"), rs.getLong("n"));
                    }, ended.args.toArray());
        }
        if (split.summarized()) {
            Where where = new Where("on_day >= ? and on_day < ? and district_code <> '*' and sub_district_code <> '*'"
                    + " and department <> '*'", Date.valueOf(split.from()), Date.valueOf(split.until()));
            if (processKey != null) {
                where.and("process_key = ?", processKey);
            }
            where.filtered(filter);
            jdbc.query("select department, place_code, sum(completions) as n from monitoring_day where " + where.sql
                    + " group by department, place_code", rs -> {
                        completed(cells, rs.getString("department"), rs.getString("place_code"), rs.getLong("n"));
                    }, where.args.toArray());
        }
        return cells.values().stream().filter(c -> c.open() > 0 || c.completed() > 0)
                .sorted(Comparator.comparingLong(Cell::open).reversed().thenComparing(Cell::department)
                        .thenComparing(Cell::placeCode))
                .toList();
    }

    private static void completed(Map<String, Cell> cells, String department, String place, long n) {
        cells.merge(department + "@" + place, new Cell(department, place, 0, 0, null, n), (a, b) -> new Cell(department,
                place, a.open(), a.overdue(), a.oldest(), a.completed() + b.completed()));
    }

    /** Arrivals and completions of a process per step and day in the window. */
    record Day(String elementId, LocalDate day, long arrivals, long completions) {
    }

    List<Day> days(String processKey, MonitoringFilter filter) {
        // the column alias is not "day": that is a keyword in H2 (the zero-setup run)
        Map<String, Day> days = new LinkedHashMap<>();
        Split split = split(filter.from(), filter.to());
        for (Instant[] span : split.raw()) {
            for (String column : List.of("created_at", "ended_at")) {
                Where where = new Where("process_key = ? and " + column + " >= ? and " + column + " < ?", processKey,
                        Timestamp.from(span[0]), Timestamp.from(span[1])).filtered(filter);
                if (column.equals("ended_at")) {
                    where.and("outcome = 'COMPLETED'");
                }
                // one row per task first, then per step and day (as in open())
                jdbc.query("select element_id, on_day, count(*) as n from (select element_id, cast(" + column
                        + " as date) as on_day, task_id from monitoring_task where " + where.sql + " group by element_id, cast("
                        + column + " as date), task_id) tasks group by element_id, on_day",
                        rs -> {
                            long n = rs.getLong("n");
                            boolean arrivals = column.equals("created_at");
                            day(days, rs.getString("element_id"), rs.getObject("on_day", LocalDate.class), arrivals ? n : 0,
                                    arrivals ? 0 : n);
                        }, where.args.toArray());
            }
        }
        if (split.summarized()) {
            Where where = summaryLevel(new Where("process_key = ? and on_day >= ? and on_day < ?", processKey,
                    Date.valueOf(split.from()), Date.valueOf(split.until())), filter);
            jdbc.query("select element_id, on_day, sum(arrivals) as arrivals, sum(completions) as completions"
                    + " from monitoring_day where " + where.sql + " group by element_id, on_day", rs -> {
                        day(days, rs.getString("element_id"), rs.getObject("on_day", LocalDate.class), rs.getLong("arrivals"),
                                rs.getLong("completions"));
                    }, where.args.toArray());
        }
        return new ArrayList<>(days.values());
    }

    private static void day(Map<String, Day> days, String element, LocalDate day, long arrivals, long completions) {
        days.merge(element + "@" + day, new Day(element, day, arrivals, completions),
                (a, b) -> new Day(element, day, a.arrivals() + b.arrivals(), a.completions() + b.completions()));
    }

    /**
     * A window split at the summary: its whole days that the summary holds ({@code from} until
     * {@code until}, possibly none) and the spans before and after them, read from monitoring_task.
     */
    record Split(LocalDate from, LocalDate until, List<Instant[]> raw) {
        boolean summarized() {
            return from.isBefore(until);
        }
    }

    Split split(Instant from, Instant to) {
        ZoneId zone = summary.zone();
        MonitoringSummary.Coverage coverage = summary.coverage();
        LocalDate firstWhole = from.atZone(zone).toLocalDate();
        if (firstWhole.atStartOfDay(zone).toInstant().isBefore(from)) {
            firstWhole = firstWhole.plusDays(1);
        }
        LocalDate start = max(firstWhole, coverage.from());
        LocalDate end = min(to.atZone(zone).toLocalDate(), coverage.until());
        if (!start.isBefore(end)) {
            return new Split(start, start, List.<Instant[]>of(new Instant[] {from, to}));
        }
        List<Instant[]> raw = new ArrayList<>();
        Instant summaryFrom = start.atStartOfDay(zone).toInstant();
        Instant summaryTo = end.atStartOfDay(zone).toInstant();
        if (from.isBefore(summaryFrom)) {
            raw.add(new Instant[] {from, summaryFrom});
        }
        if (summaryTo.isBefore(to)) {
            raw.add(new Instant[] {summaryTo, to});
        }
        return new Split(start, end, raw);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /** The summary's rows at the filter's level: the city, a district or a sub-district; every department or one. */
    private static Where summaryLevel(Where where, MonitoringFilter filter) {
        if (filter.subDistrict() != null) {
            where.and("district_code = ? and sub_district_code = ?", filter.subDistrict().substring(0, 6),
                    filter.subDistrict());
        } else if (filter.district() != null) {
            where.and("district_code = ? and sub_district_code = '*'", filter.district());
        } else {
            where.and("district_code = '*' and sub_district_code = '*'");
        }
        where.and("department " + (filter.department() == null ? "= '*'" : "= ?"),
                filter.department() == null ? new Object[0] : new Object[] {filter.department()});
        if (filter.version() != null) {
            where.and("process_version = ?", filter.version());
        }
        return where;
    }

    /** An open task behind a figure: its case, step, department and place, since when, until when. */
    record OpenTask(String taskId, String caseId, String processKey, String elementId, String groupId, Timestamp createdAt,
            Timestamp dueAt) {
    }

    List<OpenTask> openTasks(String processKey, String elementId, String department, String placeCode,
            MonitoringFilter filter) {
        Where where = new Where("ended_at is null");
        if (processKey != null) {
            where.and("process_key = ?", processKey);
        }
        if (elementId != null) {
            where.and("element_id = ?", elementId);
        }
        if (placeCode != null) {
            where.and("place_code = ?", placeCode);
        }
        where.filtered(department == null ? filter : new MonitoringFilter(filter.days(), filter.from(), filter.to(),
                filter.version(), filter.district(), filter.subDistrict(), department));
        return jdbc.query("select task_id, case_id, process_key, element_id, group_id, created_at, due_at"
                + " from monitoring_task where " + where.sql + " order by created_at, task_id limit " + MAX_CASES,
                (rs, i) -> new OpenTask(rs.getString("task_id"), rs.getString("case_id"), rs.getString("process_key"),
                        rs.getString("element_id"), rs.getString("group_id"), rs.getTimestamp("created_at"),
                        rs.getTimestamp("due_at")), where.args.toArray());
    }

    /** Open tasks of a process per step and place (for the backlog targets). */
    record OpenCount(String elementId, String placeCode, long open) {
    }

    List<OpenCount> openByStepAndPlace(String processKey) {
        return jdbc.query("select element_id, place_code, count(distinct task_id) as open_count from monitoring_task"
                + " where process_key = ? and ended_at is null group by element_id, place_code",
                (rs, i) -> new OpenCount(rs.getString("element_id"), rs.getString("place_code"), rs.getLong("open_count")),
                processKey);
    }

    /** The processes with figures, by key. */
    List<String> processKeys() {
        return jdbc.queryForList("select distinct process_key from monitoring_task order by process_key", String.class);
    }

    /** A where clause and its arguments, built from the filter. */
    static final class Where {
        private String sql;
        private final List<Object> args = new ArrayList<>();

        Where(String sql, Object... args) {
            this.sql = sql;
            this.args.addAll(List.of(args));
        }

        Where and(String condition, Object... values) {
            sql += " and " + condition;
            args.addAll(List.of(values));
            return this;
        }

        Where filtered(MonitoringFilter filter) {
            if (filter.version() != null) {
                and("process_version = ?", filter.version());
            }
            if (filter.district() != null) {
                and("district_code = ?", filter.district());
            }
            if (filter.subDistrict() != null) {
                if (filter.district() == null) {
                    // its district too: the tasks of a district have their own index (V14_1)
                    and("district_code = ?", filter.subDistrict().substring(0, 6));
                }
                and("sub_district_code = ?", filter.subDistrict());
            }
            if (filter.department() != null) {
                and("department = ?", filter.department());
            }
            return this;
        }
    }

}
