package org.gongzu.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.gongzu.identity.Department;
import org.gongzu.monitoring.MonitoringSummary;
import org.gongzu.identity.Roles;
import org.gongzu.support.WebappSession;

/**
 * The monitoring views at city scale: on a generated history of N cases (default 1,000,000; see
 * {@link MonitoringHistoryGenerator}), times every monitoring request through the product's HTTP
 * API as the municipal supervisor and as a district supervisor (process view, trend, backlog of the
 * process and of all processes, cases behind a step; windows 7/30/90/365 days; no filter, district,
 * sub-district, department, version), beside Cockpit's own statistics on the same data, and the
 * write path's cost per task completion with the monitoring's StepRecorder on and off. Prints p50 and
 * p95 per view and filter, and RESULT lines. Not a test: run with bench/run-monitoring; figures go
 * to docs/performance.md.
 */
public final class MonitoringBenchmark {

    static final String PROCESS = "TenantMoveIn";
    /** The district supervisor's district (海淀区, one of the busy ones) and its busiest sub-district. */
    static final String DISTRICT = "110108";
    static final String SUB_DISTRICT = "110108015";
    static final String DEPARTMENT = Department.RESIDENTS_COMMITTEE.code();
    /** The step whose cases the drill-down lists: the one holding most open cases. */
    static final String DRILL_STEP = "Task_ConfirmActualPopulation";
    static final String DRILL_DEPARTMENT = Department.POLICE.code();
    static final int[] WINDOWS = {7, 30, 90, 365};
    private static final ObjectMapper JSON = new ObjectMapper();

    record Timing(String who, String view, int days, String filter, Percentiles times, int bytes) {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = new BenchOptions(args, "cases", "open-share", "seed", "loaders", "iterations", "warmup",
                "cockpit-seconds", "combo-seconds", "write-seconds", "write-rounds", "views", "who", "parts", "db-url", "db-user", "db-password");
        int cases = options.number("cases", 1_000_000);
        int iterations = options.number("iterations", 20);
        int warmUp = options.number("warmup", 3);
        int cockpitSeconds = options.number("cockpit-seconds", 60);
        int writeSeconds = options.number("write-seconds", 30);
        Set<String> parts = Set.of(options.text("parts", "views,cockpit,write").split(","));
        BenchDatabase db = BenchDatabase.product(options, "gongzu_monitoring");
        System.out.println("database: " + db.description() + "; " + Runtime.getRuntime().availableProcessors()
                + " CPUs, Java " + System.getProperty("java.version"));
        List<String> results = new ArrayList<>();
        Product product = new Product(db, "--gongzu.monitoring.breach-check=PT24H");
        try {
            var generator = new MonitoringHistoryGenerator(product, db, cases,
                    Double.parseDouble(options.text("open-share", "0.10")), Long.parseLong(options.text("seed", "20261129")),
                    options.number("loaders", 2));
            MonitoringHistoryGenerator.Summary history = generator.ensure();
            System.out.printf(Locale.ROOT, "history: %,d cases (%,d open), %s, %s %.0f s%n", history.cases(), history.open(),
                    history.rows(), history.reused() ? "generated earlier (" + history.generatedAt() + ") in"
                            : "generated in", history.seconds());
            results.add(String.format(Locale.ROOT, "RESULT history cases=%d open=%d actinst=%d taskinst=%d monitoring_task=%d"
                    + " generator_s=%.0f", history.cases(), history.open(), history.rows().get("act_hi_actinst"),
                    history.rows().get("act_hi_taskinst"), history.rows().get("monitoring_task"), history.seconds()));
            // the daily summary of every day of the history (what the nightly job does for one day)
            long summaryStart = System.nanoTime();
            MonitoringSummary summary = product.bean(MonitoringSummary.class);
            int summarized = summary.cover(java.time.LocalDate.now().minusYears(3));
            double summarySeconds = (System.nanoTime() - summaryStart) / 1e9;
            long dayRows = product.bean(org.springframework.jdbc.core.JdbcTemplate.class)
                    .queryForObject("select count(*) from monitoring_day", Long.class);
            long bucketRows = product.bean(org.springframework.jdbc.core.JdbcTemplate.class)
                    .queryForObject("select count(*) from monitoring_duration_day", Long.class);
            System.out.printf(Locale.ROOT, "summary: %d days summarized in %.0f s; %,d day rows, %,d bucket rows%n",
                    summarized, summarySeconds, dayRows, bucketRows);
            results.add(String.format(Locale.ROOT, "RESULT summary days=%d seconds=%.1f ms_per_day=%.0f day_rows=%d"
                    + " bucket_rows=%d", summarized, summarySeconds, summarized == 0 ? 0 : summarySeconds * 1000 / summarized,
                    dayRows, bucketRows));
            product.user("benchsupervisor", List.of(Roles.SUPERVISOR));
            product.user("benchdistrict", List.of(Roles.DISTRICT_SUPERVISOR_PREFIX + DISTRICT));
            product.user("benchadmin", List.of(Roles.ADMIN));
            if (parts.contains("views")) {
                views(product, warmUp, iterations, options.number("combo-seconds", 20),
                        Set.of(options.text("views", "process,trend,backlog,backlog-all,cases").split(",")),
                        Set.of(options.text("who", "municipal,district").split(",")), results);
            }
            if (parts.contains("cockpit")) {
                cockpit(product, cockpitSeconds, results);
            }
            if (parts.contains("write")) {
                // on and off alternately, each after a restart, so that the machine's drift hits both
                Map<Boolean, List<WriteCost>> write = new LinkedHashMap<>(Map.of(true, new ArrayList<>(), false, new ArrayList<>()));
                int rounds = options.number("write-rounds", 2);
                for (int round = 0; round < rounds; round++) {
                    for (boolean recorder : List.of(true, false)) {
                        product.close();
                        product = new Product(db, "--gongzu.monitoring.breach-check=PT24H",
                                "--gongzu.monitoring.record=" + recorder);
                        write.get(recorder).add(writePath(product, writeSeconds, recorder));
                    }
                }
                WriteCost on = WriteCost.mean(write.get(true));
                WriteCost off = WriteCost.mean(write.get(false));
                results.add(String.format(Locale.ROOT, "RESULT write rounds=%d recorder_on_ms_per_task=%.1f"
                        + " recorder_off_ms_per_task=%.1f recorder_on_statements=%.1f recorder_off_statements=%.1f"
                        + " recorder_sql_ms_per_task=%.2f", rounds, on.msPerTask(), off.msPerTask(), on.statements(),
                        off.statements(), on.recorderMs()));
            }
        } finally {
            product.close();
        }
        results.forEach(System.out::println);
        System.exit(0);
    }

    /** Every view × window × filter, as the municipal supervisor and as 海淀区's district supervisor. */
    private static void views(Product product, int warmUp, int iterations, int comboSeconds, Set<String> only,
            Set<String> whoOnly, List<String> results) {
        String version = String.valueOf(product.bean(RepositoryService.class).createProcessDefinitionQuery()
                .processDefinitionKey(PROCESS).withoutTenantId().latestVersion().singleResult().getVersion());
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("none", "");
        filters.put("district", "&district=" + DISTRICT);
        filters.put("subDistrict", "&subDistrict=" + SUB_DISTRICT);
        filters.put("department", "&department=" + DEPARTMENT);
        filters.put("version", "&version=" + version);
        Map<String, String> views = new LinkedHashMap<>();
        views.put("process", "/api/monitoring/processes/" + PROCESS + "?");
        views.put("trend", "/api/monitoring/processes/" + PROCESS + "/trend?");
        views.put("backlog", "/api/monitoring/backlog?processKey=" + PROCESS + "&");
        views.put("backlog-all", "/api/monitoring/backlog?");
        views.put("cases", "/api/monitoring/cases?processKey=" + PROCESS + "&elementId=" + DRILL_STEP + "&");
        views.keySet().retainAll(only);
        Basic supervisor = new Basic(product.base, "benchsupervisor");
        Basic district = new Basic(product.base, "benchdistrict");
        printFigures(supervisor.get("/api/monitoring/processes/" + PROCESS + "?days=30"));
        List<Timing> timings = new ArrayList<>();
        System.out.printf("%-10s %-12s %5s %-12s %9s %9s %9s %4s %8s%n", "who", "view", "days", "filter", "p50 ms", "p95 ms",
                "max ms", "n", "bytes");
        List<Basic> users = new ArrayList<>();
        if (whoOnly.contains("municipal")) {
            users.add(supervisor);
        }
        if (whoOnly.contains("district")) {
            users.add(district);
        }
        for (Basic who : users) {
            for (var view : views.entrySet()) {
                for (int days : WINDOWS) {
                    for (var filter : filters.entrySet()) {
                        if (who == district && filter.getKey().equals("district")) {
                            continue; // the district supervisor's figures are always of the district
                        }
                        String path = view.getValue() + "days=" + days + (view.getKey().equals("cases")
                                && filter.getKey().equals("department") ? "&department=" + DRILL_DEPARTMENT : filter.getValue());
                        int bytes = who.get(path).length();
                        Percentiles times = measure(warmUp, iterations, comboSeconds, () -> who.get(path));
                        Timing t = new Timing(who == supervisor ? "municipal" : "district", view.getKey(), days,
                                filter.getKey(), times, bytes);
                        timings.add(t);
                        System.out.printf(Locale.ROOT, "%-10s %-12s %5d %-12s %9.1f %9.1f %9.1f %4d %8d%n", t.who(), t.view(),
                                days, t.filter(), times.p(50), times.p(95), times.p(100), times.count(), bytes);
                    }
                }
            }
        }
        Timing worst = timings.stream().max(java.util.Comparator.comparingDouble(t -> t.times().p(95))).orElseThrow();
        long over = timings.stream().filter(t -> t.times().p(95) > 1000).count();
        for (String view : views.keySet()) {
            Timing slowest = timings.stream().filter(t -> t.view().equals(view))
                    .max(java.util.Comparator.comparingDouble(t -> t.times().p(95))).orElseThrow();
            results.add(String.format(Locale.ROOT, "RESULT view=%s worst_p95_ms=%.1f at=%s/%dd/%s p50_ms=%.1f", view,
                    slowest.times().p(95), slowest.who(), slowest.days(), slowest.filter(), slowest.times().p(50)));
        }
        results.add(String.format(Locale.ROOT, "RESULT monitoring requests=%d max_p95_ms=%.1f at=%s/%s/%dd/%s over_1s=%d",
                timings.size(), worst.times().p(95), worst.who(), worst.view(), worst.days(), worst.filter(), over));
    }

    /**
     * {@code iterations} timed calls after {@code warmUp} untimed ones, fewer (at least 8) when they take
     * more than {@code seconds} in all: the slowest requests take seconds each.
     */
    private static Percentiles measure(int warmUp, int iterations, int seconds, Runnable call) {
        for (int i = 0; i < warmUp; i++) {
            call.run();
        }
        List<Double> millis = new ArrayList<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (millis.size() < iterations && (millis.size() < 8 || System.nanoTime() < end)) {
            long start = System.nanoTime();
            call.run();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return new Percentiles(millis.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The process view's figures at 30 days, to show what the history looks like. */
    private static void printFigures(String body) {
        try {
            JsonNode view = JSON.readTree(body);
            System.out.println("process view, 30 days, all districts:");
            for (JsonNode step : view.get("steps")) {
                System.out.printf(Locale.ROOT, "  %-34s waiting %7d overdue %6d completed %7d p50 %7.1f h p90 %7.1f h%n",
                        step.get("elementId").asText(), step.get("waiting").asLong(), step.get("overdue").asLong(),
                        step.get("completed").asLong(), step.path("p50Ms").asDouble() / 3.6e6,
                        step.path("p90Ms").asDouble() / 3.6e6);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Cockpit's own statistics on the same data: what the Community edition offers a supervisor today. */
    private static void cockpit(Product product, int seconds, List<String> results) {
        String definitionId = product.bean(RepositoryService.class).createProcessDefinitionQuery()
                .processDefinitionKey(PROCESS).withoutTenantId().latestVersion().singleResult().getId();
        Map<String, Runnable> requests = new LinkedHashMap<>();
        Basic admin = new Basic(product.base, "benchadmin");
        Basic supervisor = new Basic(product.base, "benchsupervisor");
        requests.put("engine-rest process-definition/statistics?incidents=true (admin)",
                () -> admin.get("/engine-rest/process-definition/statistics?incidents=true"));
        requests.put("engine-rest process-definition/statistics?incidents=true (supervisor)",
                () -> supervisor.get("/engine-rest/process-definition/statistics?incidents=true"));
        WebappSession cockpit = new WebappSession(product.base);
        if (cockpit.login("benchadmin", Product.PASSWORD, "cockpit") != 200) {
            throw new IllegalStateException("Cockpit login of benchadmin refused");
        }
        String engine = "/camunda/api/engine/engine/default";
        String plugin = "/camunda/api/cockpit/plugin/base/default";
        requests.put("Cockpit dashboard: process-definition/statistics?rootIncidents=true",
                () -> session(cockpit, engine + "/process-definition/statistics?rootIncidents=true"));
        requests.put("Cockpit processes page: plugin statistics (first 50) + statistics-count",
                () -> {
                    session(cockpit, plugin + "/process-definition/statistics?firstResult=0&maxResults=50&sortBy=name&sortOrder=asc");
                    session(cockpit, plugin + "/process-definition/statistics-count");
                });
        requests.put("Cockpit diagram of TenantMoveIn: process-definition/{id}/statistics?incidents=true",
                () -> session(cockpit, engine + "/process-definition/" + definitionId + "/statistics?incidents=true"));
        requests.put("Cockpit tasks dashboard: task/report/candidate-group-count",
                () -> session(cockpit, engine + "/task/report/candidate-group-count"));
        double worst = 0;
        String worstName = "";
        for (var request : requests.entrySet()) {
            Percentiles times = measureFor(seconds, request.getValue());
            System.out.printf(Locale.ROOT, "%-80s %s%n", request.getKey(), times);
            if (times.p(95) > worst) {
                worst = times.p(95);
                worstName = request.getKey();
            }
            results.add(String.format(Locale.ROOT, "RESULT cockpit=\"%s\" p50_ms=%.1f p95_ms=%.1f n=%d", request.getKey(),
                    times.p(50), times.p(95), times.count()));
        }
        System.out.printf(Locale.ROOT, "slowest Cockpit request: %s, p95 %.1f ms%n", worstName, worst);
    }

    /** At least 5 calls after one warm-up call, more while the time budget lasts (some of these take seconds). */
    private static Percentiles measureFor(int seconds, Runnable call) {
        call.run();
        List<Double> millis = new ArrayList<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (millis.size() < 5 || (System.nanoTime() < end && millis.size() < 200)) {
            long start = System.nanoTime();
            call.run();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return new Percentiles(millis.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static String session(WebappSession session, String path) {
        HttpResponse<String> response = session.get(path);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** What a completed task cost in one window: time, statements, and time in monitoring_task's statements. */
    record WriteCost(double msPerTask, double statements, double recorderMs) {
        static WriteCost mean(List<WriteCost> costs) {
            return new WriteCost(costs.stream().mapToDouble(WriteCost::msPerTask).average().orElseThrow(),
                    costs.stream().mapToDouble(WriteCost::statements).average().orElseThrow(),
                    costs.stream().mapToDouble(WriteCost::recorderMs).average().orElseThrow());
        }
    }

    /** Three-task TenantMoveIn cases through the Java API, one worker, on top of the generated history. */
    private static WriteCost writePath(Product product, int seconds, boolean recorder) throws Exception {
        product.addSubDistricts(1);
        String sd = Product.subDistrict(0);
        Map<String, List<String>> users = new HashMap<>();
        for (Department d : List.of(Department.OWNER, Department.RESIDENTS_COMMITTEE, Department.POLICE)) {
            String user = "bench" + d.code();
            users.put(user, List.of(d.groupId(sd)));
            product.user(user, users.get(user));
        }
        var flows = new ThroughputBenchmark.ProductFlows(product, sd, users);
        long before = product.jdbc().queryForObject("select count(*) from monitoring_task where place_code = ?", Long.class, sd);
        Map<String, Long> nanosBefore = product.sql.nanosByKind();
        ThroughputBenchmark.Window window = ThroughputBenchmark.run("StepRecorder " + (recorder ? "on" : "off"), 1, 10,
                seconds, flows::apiCase, product.sql);
        Map<String, Long> nanosAfter = product.sql.nanosByKind();
        long after = product.jdbc().queryForObject("select count(*) from monitoring_task where place_code = ?", Long.class, sd);
        // the recorder's statements (insert and update of monitoring_task), timed in the driver; warm-up included
        double recorderNanos = nanosAfter.entrySet().stream().filter(e -> e.getKey().endsWith(" monitoring_task"))
                .mapToDouble(e -> e.getValue() - nanosBefore.getOrDefault(e.getKey(), 0L)).sum();
        WriteCost cost = new WriteCost(1000 / window.tps(), window.statementsPerTask(),
                recorderNanos / 1e6 / Math.max(1, after - before));
        System.out.printf(Locale.ROOT, "StepRecorder %s: %.1f tasks/s = %.1f ms per task, %.1f SQL statements per task,"
                + " %d monitoring_task rows written, %.2f ms per task in their statements%n", recorder ? "on" : "off",
                window.tps(), cost.msPerTask(), cost.statements(), after - before, cost.recorderMs());
        return cost;
    }

    /** A script's client: HTTP Basic on /api and /engine-rest, one connection kept. */
    static final class Basic {
        private final HttpClient http = HttpClient.newHttpClient();
        private final String base;
        private final String authorization;
        private final String user;

        Basic(String base, String user) {
            this.base = base;
            this.user = user;
            this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + Product.PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
        }

        String get(String path) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", authorization).header("Accept", "application/json").GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("GET " + path + " as " + user + " answered " + response.statusCode()
                            + ": " + response.body());
                }
                return response.body();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
