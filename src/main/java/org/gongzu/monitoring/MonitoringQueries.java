package org.gongzu.monitoring;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    MonitoringQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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

    /** Tasks of a process completed in the window per step: how many, and p50 and p90 of the time they took (ms). */
    record Done(long completed, double p50, double p90) {
    }

    Map<String, Done> done(String processKey, MonitoringFilter filter) {
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
                            rs.getDouble("p90")));
                }, where.args.toArray());
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
        // counts count tasks (docs/performance.md, "Monitoring at 1,000,000 cases")
        Where open = new Where("ended_at is null");
        Where ended = new Where("ended_at >= ?", Timestamp.from(filter.from()));
        if (processKey != null) {
            open.and("process_key = ?", processKey);
            ended.and("process_key = ?", processKey);
        }
        open.filtered(filter);
        ended.filtered(filter);
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(filter.to())));
        args.addAll(open.args);
        args.add(Timestamp.from(filter.to()));
        args.addAll(ended.args);
        return jdbc.query("select department, place_code, sum(open_count) as open_count, sum(overdue) as overdue,"
                + " min(oldest) as oldest, sum(completed) as completed from ("
                + "select department, place_code, count(*) as open_count,"
                + " count(case when due_at < ? then 1 end) as overdue, min(created_at) as oldest, 0 as completed"
                + " from monitoring_task where " + open.sql + " group by department, place_code"
                + " union all select department, place_code, 0, 0, null,"
                + " count(case when outcome = 'COMPLETED' and ended_at < ? then 1 end)"
                + " from monitoring_task where " + ended.sql + " group by department, place_code) cells"
                + " group by department, place_code order by open_count desc, department, place_code",
                (rs, i) -> new Cell(rs.getString("department"), rs.getString("place_code"), rs.getLong("open_count"),
                        rs.getLong("overdue"), rs.getTimestamp("oldest"), rs.getLong("completed")), args.toArray());
    }

    /** Arrivals and completions of a process per step and day in the window. */
    record Day(String elementId, LocalDate day, long arrivals, long completions) {
    }

    List<Day> days(String processKey, MonitoringFilter filter) {
        // the column alias is not "day": that is a keyword in H2 (the zero-setup run)
        Map<String, Day> days = new LinkedHashMap<>();
        for (String column : List.of("created_at", "ended_at")) {
            Where where = new Where("process_key = ? and " + column + " >= ? and " + column + " < ?", processKey,
                    Timestamp.from(filter.from()), Timestamp.from(filter.to())).filtered(filter);
            if (column.equals("ended_at")) {
                where.and("outcome = 'COMPLETED'");
            }
            // one row per task first, then per step and day (as in open())
            jdbc.query("select element_id, on_day, count(*) as n from (select element_id, cast(" + column
                    + " as date) as on_day, task_id from monitoring_task where " + where.sql + " group by element_id, cast("
                    + column + " as date), task_id) tasks group by element_id, on_day",
                    rs -> {
                        String element = rs.getString("element_id");
                        LocalDate day = rs.getObject("on_day", LocalDate.class);
                        long n = rs.getLong("n");
                        days.merge(element + "@" + day, column.equals("created_at") ? new Day(element, day, n, 0)
                                : new Day(element, day, 0, n), (a, b) -> new Day(element, day,
                                        a.arrivals() + b.arrivals(), a.completions() + b.completions()));
                    }, where.args.toArray());
        }
        return new ArrayList<>(days.values());
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
                and("sub_district_code = ?", filter.subDistrict());
            }
            if (filter.department() != null) {
                and("department = ?", filter.department());
            }
            return this;
        }
    }

}
