package org.gongzu.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gongzu.GongzuApplication;
import org.gongzu.support.EmbeddedPostgresInitializer;
import org.gongzu.support.MoveInFixture;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How fast a department user's task list answers as open cases grow (the engine's task query with
 * candidate groups and authorization checks, camunda-bpm-platform#2217), and how fast cases move.
 * Not a test: run with bench/run-task-list; prints figures for docs/performance.md.
 */
public final class TaskListBenchmark {

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length > 0 ? java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray()
                : new int[] {500, 2000};
        String url = EmbeddedPostgresInitializer.newDatabaseUrl("gongzu_bench");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GongzuApplication.class)
                .profiles("demo").run("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                        "--spring.datasource.password=", "--server.port=0", "--management.server.port=0",
                        "--logging.level.root=WARN", "--gongzu.demo-on-any-database=true")) {
            RuntimeService runtime = app.getBean(RuntimeService.class);
            TaskService tasks = app.getBean(TaskService.class);
            IdentityService identity = app.getBean(IdentityService.class);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            String[] subDistricts = {MoveInFixture.SUB_DISTRICT, MoveInFixture.OTHER_SUB_DISTRICT};
            String[] projects = new String[2];
            for (int i = 0; i < 2; i++) {
                projects[i] = "BENCH-" + i;
                jdbc.update("insert into housing_project (id, name, sub_district_code, owner_name, first_move_in_case_id)"
                        + " values (?, ?, ?, ?, 'EARLIER')", projects[i], "压测项目" + i, subDistricts[i], "压测");
            }
            System.out.printf("%-10s %-14s %-26s %-26s %-26s%n", "open", "cases/s", "engine query hdrc (ms)",
                    "REST /task hdrc (ms)", "REST /task hdpolice (ms)");
            int open = 0;
            for (int size : sizes) {
                long started = System.nanoTime();
                int created = size - open;
                for (int i = 0; i < created; i++) {
                    // half of the registration tasks in each sub-district: hdrc sees about size / 2
                    String project = projects[i % 2];
                    Map<String, Object> lease = Map.of("projectId", project, "unitNo", "1-1-" + i,
                            "leaseNo", "B-" + project + "-" + (open + i), "leaseSignedOn", "2026-01-10",
                            "headName", "张三", "headIdNumber", MoveInFixture.HEAD_BEIJING);
                    ProcessInstance pi = runtime.startProcessInstanceByKey("TenantMoveIn", lease);
                    String confirm = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();
                    tasks.complete(confirm, MoveInFixture.moveIn());
                }
                double casesPerSecond = created / ((System.nanoTime() - started) / 1e9);
                open = size;

                List<String> hdrcGroups = identity.createGroupQuery().groupMember("hdrc").list().stream()
                        .map(g -> g.getId()).toList();
                Stats engine = measure(50, () -> {
                    identity.setAuthentication("hdrc", hdrcGroups);
                    try {
                        return tasks.createTaskQuery().taskCandidateGroupIn(hdrcGroups).includeAssignedTasks()
                                .orderByTaskCreateTime().desc().listPage(0, 50).size();
                    } finally {
                        identity.clearAuthentication();
                    }
                });
                Stats restRc = measure(50, () -> get(base + "/engine-rest/task?maxResults=50&sortBy=created&sortOrder=desc",
                        "hdrc"));
                Stats restPolice = measure(50, () -> get(base + "/engine-rest/task?maxResults=50", "hdpolice"));
                System.out.printf("%-10d %-14.1f %-26s %-26s %-26s%n", size, casesPerSecond, engine, restRc, restPolice);
            }
            if (Boolean.getBoolean("bench.hold")) {
                // keep the database up for EXPLAIN ANALYZE from psql
                System.out.println("holding; database: " + url);
                Thread.sleep(600_000);
            }
        }
        System.exit(0);
    }

    record Stats(double p50, double p95, int lastResultSize) {
        @Override
        public String toString() {
            return String.format("p50 %.1f  p95 %.1f  (%d)", p50, p95, lastResultSize);
        }
    }

    private static Stats measure(int iterations, Supplier<Integer> call) {
        for (int i = 0; i < 10; i++) {
            call.get();
        }
        List<Double> millis = new ArrayList<>();
        int size = 0;
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            size = call.get();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        return new Stats(millis.get(iterations / 2), millis.get((int) (iterations * 0.95) - 1), size);
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static int get(String url, String user) {
        try {
            String auth = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Basic " + auth).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode());
            }
            return response.body().split("\"id\"").length - 1;
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
