package org.gongzu.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gongzu.support.GongzuTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The daily summary (ADR 0021) on a known history of 45 days in a district no other test uses
 * (990102): every view gives the same figures before and after the summary holds those days; the
 * percentiles read from its buckets stay within a bucket of the exact ones; a task routed to two
 * departments counts once; the figures outlive the task rows; two nodes summarizing at once write
 * each day once.
 */
@GongzuTest
class MonitoringSummaryTest {

    static final String DISTRICT = "990102";
    static final String SUB_A = "990102001";
    static final String SUB_B = "990102002";
    static final long HOUR = 3_600_000L;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired JdbcTemplate jdbc;
    @Autowired TestRestTemplate http;
    @Autowired MonitoringSummary summary;
    @Autowired MonitoringQueries queries;

    private final ZoneId zone = ZoneId.systemDefault();
    private Instant now;
    private int version;
    private long exactUpTo;
    private String twiceTask;
    private LocalDate twiceDay;

    @BeforeEach
    void knownHistory() {
        exactUpTo = queries.exactPercentilesUpTo();
        reset();
        now = Instant.now();
        version = jdbc.queryForObject("select max(VERSION_) from ACT_RE_PROCDEF where KEY_ = 'TenantMoveIn'", Integer.class);
        Random random = new Random(990102);
        // three steps, two sub-districts and cases of the district itself, over 45 days; about a fifth
        // still open, a few cancelled
        String[][] steps = {{"Task_ConfirmMoveIn", "owner"}, {"Task_RegisterMembers", "rc"},
            {"Task_ConfirmActualPopulation", "police"}};
        for (int i = 0; i < 900; i++) {
            String[] step = steps[i % 3];
            Instant created = now.minusSeconds((long) (random.nextDouble() * 45 * 86_400));
            long duration = (long) (HOUR * 20 * Math.exp(random.nextGaussian()));
            Instant ended = created.plusMillis(duration);
            boolean districtCase = i % 10 == 0;
            String sub = districtCase ? null : (i % 3 == 1 ? SUB_B : SUB_A);
            String department = districtCase ? "edu" : step[1];
            String place = districtCase ? DISTRICT : sub;
            String outcome = ended.isAfter(now) ? null : i % 17 == 0 ? "DELETED" : "COMPLETED";
            String task = UUID.randomUUID().toString();
            row(task, department, place, sub, step[0], created, ended.isAfter(now) ? null : ended, outcome, duration);
            if (i % 7 == 0 && !districtCase && step[1].equals("owner")) {
                // routed to the owner and the police at once: one task, two rows
                row(task, "police", place, sub, step[0], created, ended.isAfter(now) ? null : ended, outcome, duration);
                if (twiceTask == null && outcome != null && created.isBefore(now.minusSeconds(5 * 86_400))) {
                    twiceTask = task;
                    twiceDay = created.atZone(zone).toLocalDate();
                }
            }
        }
    }

    @AfterEach
    void reset() {
        queries.exactPercentilesUpTo(exactUpTo);
        jdbc.update("delete from monitoring_task where district_code = ?", DISTRICT);
        jdbc.update("delete from monitoring_day");
        jdbc.update("delete from monitoring_duration_day");
        jdbc.update("delete from monitoring_summary_state");
    }

    private void row(String task, String department, String place, String sub, String element, Instant created,
            Instant ended, String outcome, long duration) {
        jdbc.update("insert into monitoring_task (task_id, group_id, department, place_code, district_code,"
                + " sub_district_code, process_key, process_definition_id, process_version, element_id, case_id,"
                + " created_at, due_at, ended_at, outcome, duration_ms) values (?, ?, ?, ?, ?, ?, 'TenantMoveIn',"
                + " 'known', ?, ?, ?, ?, ?, ?, ?, ?)", task, department + "-" + place, department, place, DISTRICT, sub,
                version, element, "HH-S-" + task.substring(0, 8), Timestamp.from(created),
                Timestamp.from(created.plusSeconds(86_400)), ended == null ? null : Timestamp.from(ended), outcome,
                ended == null ? null : duration);
    }

    private static final List<String> FILTERS = List.of("district=" + DISTRICT, "subDistrict=" + SUB_A,
            "district=" + DISTRICT + "&department=owner", "district=" + DISTRICT + "&department=police",
            "subDistrict=" + SUB_B + "&department=rc", "district=" + DISTRICT + "&department=edu");

    /** Every view for every window and filter, as the supervisor's JSON answers them. */
    private Map<String, JsonNode> views() throws Exception {
        Map<String, JsonNode> views = new LinkedHashMap<>();
        for (int days : new int[] {3, 7, 30, 45}) {
            for (String filter : FILTERS) {
                String q = "?days=" + days + "&" + filter;
                views.put("process" + q, get("/api/monitoring/processes/TenantMoveIn" + q).path("steps"));
                views.put("trend" + q, get("/api/monitoring/processes/TenantMoveIn/trend" + q).path("steps"));
                views.put("backlog" + q, get("/api/monitoring/backlog" + q + "&processKey=TenantMoveIn").path("rows"));
                views.put("backlog-all" + q, get("/api/monitoring/backlog" + q).path("rows"));
            }
        }
        return views;
    }

    private JsonNode get(String path) throws Exception {
        ResponseEntity<String> answer = http.withBasicAuth("supervisor", "demo").getForEntity(path, String.class);
        assertThat(answer.getStatusCode()).as(path + " " + answer.getBody()).isEqualTo(HttpStatus.OK);
        return JSON.readTree(answer.getBody());
    }

    @Test
    void everyViewGivesTheSameFiguresFromTheSummaryAsFromTheTasks() throws Exception {
        Map<String, JsonNode> exact = views();
        assertThat(summary.coverage().from()).isEqualTo(summary.coverage().until());

        int days = summary.cover(now.minusSeconds(46 * 86_400L).atZone(zone).toLocalDate());
        assertThat(days).isGreaterThanOrEqualTo(45);
        assertThat(summary.coverage().until()).isEqualTo(summary.openDay(Instant.now()));
        assertThat(queries.split(now.minusSeconds(30 * 86_400L), now).summarized()).isTrue();
        Map<String, JsonNode> summarized = views();
        exact.forEach((view, figures) -> assertThat(summarized.get(view)).as(view).isEqualTo(figures));

        // the figures come from the summary: the rows of the whole days it holds can go (as raw history
        // does) and the 45-day figures stay; the open tasks and the window's edges are still read from the tasks
        LocalDate firstWhole = now.minusSeconds(45 * 86_400L).atZone(zone).toLocalDate().plusDays(1);
        LocalDate summarizedUntil = summary.coverage().until();
        int gone = jdbc.update("delete from monitoring_task where district_code = ? and created_at >= ? and ended_at < ?",
                DISTRICT, Timestamp.valueOf(firstWhole.atStartOfDay()), Timestamp.valueOf(summarizedUntil.atStartOfDay()));
        assertThat(gone).isGreaterThan(500);
        // (exact percentiles read the tasks: the step view's figures are taken from the buckets here)
        queries.exactPercentilesUpTo(0);
        Map<String, JsonNode> after = views();
        int checked = 0;
        for (String view : exact.keySet()) {
            if (!view.contains("?days=45&") || view.startsWith("process") && view.contains("subDistrict")) {
                continue; // (a sub-district's percentiles are always exact: read from the tasks)
            }
            if (view.startsWith("trend")) {
                assertThat(after.get(view)).as(view).isEqualTo(exact.get(view));
            } else {
                assertThat(completed(after.get(view))).as(view).isEqualTo(completed(exact.get(view)));
            }
            checked++;
        }
        assertThat(checked).isEqualTo(FILTERS.size() * 4 - 2);
    }

    @Test
    void percentilesOfLongWindowsFromTheBucketsStayWithinABucketOfTheExactOnes() throws Exception {
        summary.cover(now.minusSeconds(46 * 86_400L).atZone(zone).toLocalDate());
        List<String> paths = List.of("?days=45&district=" + DISTRICT, "?days=30&district=" + DISTRICT + "&department=owner",
                "?days=45&district=" + DISTRICT + "&version=" + version, "?days=8&district=" + DISTRICT);
        Map<String, JsonNode> exact = new LinkedHashMap<>();
        for (String p : paths) {
            exact.put(p, get("/api/monitoring/processes/TenantMoveIn" + p).path("steps"));
        }
        queries.exactPercentilesUpTo(0);
        int compared = 0;
        for (String p : paths) {
            JsonNode estimated = get("/api/monitoring/processes/TenantMoveIn" + p).path("steps");
            for (int i = 0; i < estimated.size(); i++) {
                JsonNode e = estimated.get(i);
                JsonNode x = exact.get(p).get(i);
                assertThat(e.path("elementId").asText()).isEqualTo(x.path("elementId").asText());
                assertThat(e.path("completed").asLong()).as(p).isEqualTo(x.path("completed").asLong());
                if (x.path("completed").asLong() >= 20) {
                    assertThat(e.path("percentilesEstimated").asBoolean()).isTrue();
                    assertThat(x.path("percentilesEstimated").asBoolean()).isFalse();
                    for (String q : List.of("p50Ms", "p90Ms")) {
                        double want = x.path(q).asDouble();
                        assertThat(e.path(q).asDouble()).as(p + " " + e.path("elementId") + " " + q)
                                .isCloseTo(want, within(want * (DurationBuckets.RATIO - 1)));
                    }
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(9);
        // a sub-district is always exact
        JsonNode sub = get("/api/monitoring/processes/TenantMoveIn?days=45&subDistrict=" + SUB_A).path("steps");
        assertThat(sub.get(0).path("percentilesEstimated").asBoolean()).isFalse();
    }

    @Test
    void aTaskRoutedToTwoDepartmentsCountsOnceForTheStepAndOnceForEachDepartment() {
        assertThat(twiceTask).isNotNull();
        summary.cover(twiceDay);
        String element = "Task_ConfirmMoveIn";
        long tasks = jdbc.queryForObject("select count(distinct task_id) from monitoring_task where element_id = ?"
                + " and district_code = ? and created_at >= ? and created_at < ?", Long.class, element, DISTRICT,
                Timestamp.valueOf(twiceDay.atStartOfDay()), Timestamp.valueOf(twiceDay.plusDays(1).atStartOfDay()));
        long police = jdbc.queryForObject("select count(*) from monitoring_task where element_id = ? and district_code = ?"
                + " and department = 'police' and created_at >= ? and created_at < ?", Long.class, element, DISTRICT,
                Timestamp.valueOf(twiceDay.atStartOfDay()), Timestamp.valueOf(twiceDay.plusDays(1).atStartOfDay()));
        assertThat(police).isPositive();
        assertThat(arrivals(element, DISTRICT, "*", "*")).isEqualTo(tasks);
        assertThat(arrivals(element, DISTRICT, "*", "police")).isEqualTo(police);
        // the sub-districts and the district's own cases add up to the district; the departments add up to more
        long bySub = jdbc.queryForObject("select sum(arrivals) from monitoring_day where on_day = ? and element_id = ?"
                + " and district_code = ? and sub_district_code <> '*' and department = '*'", Long.class,
                Date.valueOf(twiceDay), element, DISTRICT);
        assertThat(bySub).isEqualTo(tasks);
        long byDepartment = jdbc.queryForObject("select sum(arrivals) from monitoring_day where on_day = ? and element_id = ?"
                + " and district_code = ? and sub_district_code = '*' and department <> '*'", Long.class,
                Date.valueOf(twiceDay), element, DISTRICT);
        assertThat(byDepartment).isGreaterThan(tasks);
    }

    @Test
    void twoNodesSummarizingAtOnceWriteEachDayOnce() throws Exception {
        LocalDate open = summary.openDay(Instant.now());
        LocalDate from = open.minusDays(20);
        jdbc.update("insert into monitoring_summary_state (id, covered_from, covered_until, updated_at) values (1, ?, ?, ?)",
                Date.valueOf(from), Date.valueOf(from), Timestamp.from(Instant.now()));
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> both = List.of(summary::catchUp, summary::catchUp);
            int written = 0;
            for (Future<Integer> node : nodes.invokeAll(both)) {
                written += node.get();
            }
            assertThat(written).isEqualTo(20);
        } finally {
            nodes.shutdown();
        }
        assertThat(summary.coverage()).isEqualTo(new MonitoringSummary.Coverage(from, open));
        // what they wrote is what one node writes
        List<Map<String, Object>> written = jdbc.queryForList("select * from monitoring_day where district_code = ?"
                + " order by on_day, element_id, sub_district_code, department, place_code", DISTRICT);
        jdbc.update("delete from monitoring_day");
        summary.refresh(from, open);
        assertThat(jdbc.queryForList("select * from monitoring_day where district_code = ?"
                + " order by on_day, element_id, sub_district_code, department, place_code", DISTRICT)).isEqualTo(written);
        assertThat(written).isNotEmpty();
        // a day not closed yet is never summarized
        assertThat(summary.catchUp()).isZero();
    }

    @Test
    void bucketsHoldTheirBoundsAndQuantilesInterpolate() {
        assertThat(DurationBuckets.of(999)).isZero();
        assertThat(DurationBuckets.of(1000)).isEqualTo(1);
        for (long ms : new long[] {1_500, 60_000, 3_600_000, 86_400_000, 30L * 86_400_000}) {
            int b = DurationBuckets.of(ms);
            assertThat(DurationBuckets.lower(b)).isLessThanOrEqualTo(ms);
            assertThat(DurationBuckets.lower(b + 1)).isGreaterThan(ms);
        }
        DurationBuckets buckets = new DurationBuckets();
        assertThat(buckets.quantile(0.5)).isNull();
        for (long h = 1; h <= 100; h++) {
            buckets.add(DurationBuckets.of(h * HOUR), 1);
        }
        assertThat(buckets.total()).isEqualTo(100);
        assertThat(buckets.quantile(0.5)).isCloseTo(50.5 * HOUR, within(5.05 * HOUR));
        assertThat(buckets.quantile(0.9)).isCloseTo(90.1 * HOUR, within(9.01 * HOUR));
    }

    private long arrivals(String element, String district, String sub, String department) {
        return jdbc.queryForObject("select coalesce(sum(arrivals), 0) from monitoring_day where on_day = ? and element_id = ?"
                + " and district_code = ? and sub_district_code = ? and department = ?", Long.class, Date.valueOf(twiceDay),
                element, district, sub, department);
    }

    private static List<Long> completed(JsonNode rows) {
        List<Long> completed = new ArrayList<>();
        rows.forEach(r -> completed.add(r.path("completed").asLong()));
        return completed;
    }
}
