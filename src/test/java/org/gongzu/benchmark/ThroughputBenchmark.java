package org.gongzu.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.gongzu.identity.Department;
import org.gongzu.support.MoveInFixture;

/**
 * Tasks completed per second: the product's TenantMoveIn cases through the Java API (each step
 * authenticated as its department's user) and through /engine-rest with HTTP Basic, and a bare
 * engine with a model of the same shape, in one run on one PostgreSQL server. Also the SQL
 * statements each sends per completed task. Not a test: run with bench/run-throughput.
 */
public final class ThroughputBenchmark {

    /** Each case: 确认入住, 登记家庭成员 (one Beijing member), 核查配套设施 (all in use), 核对实有人口. */
    static final int TASKS_PER_CASE = 4;

    private static final AtomicInteger CASES = new AtomicInteger();

    interface Flow {
        void runCase(int n, IntConsumer tasksDone) throws Exception;
    }

    record Window(double tps, double statementsPerTask, long tasks) {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = new BenchOptions(args, "workers", "seconds", "warmup", "db-url", "db-user", "db-password");
        int workers = options.number("workers", 2);
        int seconds = options.number("seconds", 30);
        int warmUp = options.number("warmup", 10);
        BenchDatabase db = BenchDatabase.product(options, "gongzu_throughput");
        System.out.println("database: " + db.description() + "; workers " + workers + ", " + warmUp
                + " s warm-up, " + seconds + " s measured per variant");
        try (Product product = new Product(db); BareEngine bare = new BareEngine(db.sibling("bare_engine"))) {
            product.addSubDistricts(1);
            String sd = Product.subDistrict(0);
            Map<String, List<String>> users = new HashMap<>();
            for (Department d : List.of(Department.OWNER, Department.RESIDENTS_COMMITTEE, Department.POLICE)) {
                String user = "bench" + d.code();
                users.put(user, List.of(d.groupId(sd)));
                product.user(user, users.get(user));
            }
            ProductFlows flows = new ProductFlows(product, sd, users);

            Window api = run("product, Java API", workers, warmUp, seconds, flows::apiCase, product.sql);
            Window rest = run("product, REST", workers, warmUp, seconds, flows::restCase, product.sql);
            Window raw = run("bare engine, Java API", workers, warmUp, seconds, bare::runCase, bare.sql);
            System.out.printf(Locale.ROOT, "SQL statements per completed task: product (Java API) %.1f, product (REST) %.1f,"
                    + " bare engine %.1f%n", api.statementsPerTask(), rest.statementsPerTask(), raw.statementsPerTask());
            System.out.printf(Locale.ROOT, "RESULT workers=%d product_api_tps=%.1f product_rest_tps=%.1f raw_tps=%.1f"
                    + " ratio_api=%.2f ratio_rest=%.2f%n", workers, api.tps(), rest.tps(), raw.tps(),
                    api.tps() / raw.tps(), rest.tps() / raw.tps());
        }
        System.exit(0);
    }

    /** W threads run cases back to back; tasks and statements are counted in the measured window only. */
    static Window run(String name, int workers, int warmUp, int seconds, Flow flow, CountingDataSource sql)
            throws InterruptedException {
        AtomicLong tasks = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        long start = System.nanoTime();
        long measureFrom = start + warmUp * 1_000_000_000L;
        long end = measureFrom + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    try {
                        flow.runCase(CASES.incrementAndGet(), done -> {
                            long now = System.nanoTime();
                            if (now >= measureFrom && now < end) {
                                tasks.addAndGet(done);
                            }
                        });
                    } catch (Exception e) {
                        if (failures.incrementAndGet() <= 3) {
                            e.printStackTrace();
                        }
                    }
                }
            }, name + "-" + w);
            threads.add(thread);
            thread.start();
        }
        Thread.sleep(Math.max(0, (measureFrom - System.nanoTime()) / 1_000_000));
        long statementsBefore = sql.statements();
        Map<String, Long> kindsBefore = sql.byKind();
        Thread.sleep(Math.max(0, (end - System.nanoTime()) / 1_000_000));
        long statements = sql.statements() - statementsBefore;
        Map<String, Long> kindsAfter = sql.byKind();
        for (Thread thread : threads) {
            thread.join();
        }
        Window window = new Window(tasks.get() / (double) seconds, statements / (double) Math.max(1, tasks.get()),
                tasks.get());
        System.out.printf(Locale.ROOT, "%-22s %6d tasks in %d s = %7.1f tasks/s, %5.1f SQL statements per task, %d failed cases%n",
                name, window.tasks(), seconds, window.tps(), window.statementsPerTask(), failures.get());
        printKinds(kindsBefore, kindsAfter, Math.max(1, tasks.get()));
        if (failures.get() > 0) {
            throw new IllegalStateException(name + ": " + failures.get() + " cases failed");
        }
        return window;
    }

    /** Statements per task by kind in the window, most frequent first (kinds under 0.05 per task left out). */
    private static void printKinds(Map<String, Long> before, Map<String, Long> after, long tasks) {
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / (double) tasks))
                .filter(e -> e.getValue() >= 0.05)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> System.out.printf(Locale.ROOT, "    %5.2f  %s%n", e.getValue(), e.getKey()));
    }

    /** The product's cases, each on a new project so that the facility check of a first household runs. */
    static final class ProductFlows {

        private static final ObjectMapper JSON = new ObjectMapper();
        private final Product product;
        private final String subDistrict;
        private final Map<String, List<String>> users;
        private final IdentityService identity;
        private final RuntimeService runtime;
        private final TaskService taskService;
        private final org.gongzu.casefile.CaseDocuments documents;
        private final ThreadLocal<HttpClient> http = ThreadLocal.withInitial(HttpClient::newHttpClient);

        ProductFlows(Product product, String subDistrict, Map<String, List<String>> users) {
            this.product = product;
            this.subDistrict = subDistrict;
            this.users = users;
            this.identity = product.bean(IdentityService.class);
            this.runtime = product.bean(RuntimeService.class);
            this.taskService = product.bean(TaskService.class);
            this.documents = product.bean(org.gongzu.casefile.CaseDocuments.class);
        }

        // a database given with --db-url keeps the projects and leases of earlier runs
        private final String run = Long.toString(System.currentTimeMillis(), 36);

        private String newProject(int n) {
            String project = "TP-" + run + "-" + n;
            product.insertProject(project, subDistrict, true);
            return project;
        }

        private Map<String, Object> lease(int n, String project) {
            Map<String, Object> lease = new HashMap<>();
            lease.put("projectId", project);
            lease.put("unitNo", "1-1-101");
            lease.put("leaseNo", "TL-" + run + "-" + n);
            lease.put("leaseSignedOn", "2026-01-10");
            lease.put("headName", "张三");
            lease.put("headIdNumber", MoveInFixture.HEAD_BEIJING);
            return lease;
        }

        private static final byte[] LEASE_SCAN = org.gongzu.casefile.CaseDocuments.samplePdf("租赁合同");

        void apiCase(int n, IntConsumer tasksDone) {
            Map<String, Object> lease = lease(n, newProject(n));
            org.camunda.bpm.engine.runtime.ProcessInstance started = as("benchowner",
                    () -> runtime.startProcessInstanceByKey("TenantMoveIn", lease));
            String pi = started.getId();
            // the owner's move-in step needs the lease's scan on the case
            documents.attach(started.getBusinessKey(), org.gongzu.casefile.DocumentKind.LEASE_CONTRACT, "lease.pdf",
                    "application/pdf", LEASE_SCAN, "benchowner");
            apiStep(pi, "benchowner", "Task_ConfirmMoveIn", MoveInFixture.moveIn());
            tasksDone.accept(1);
            apiStep(pi, "benchrc", "Task_RegisterMembers", MoveInFixture.memberGroups(List.of(MoveInFixture.head())));
            tasksDone.accept(1);
            apiStep(pi, "benchpolice", "Task_ConfirmActualPopulation", MoveInFixture.confirmation());
            tasksDone.accept(1);
        }

        private void apiStep(String pi, String user, String taskKey, Map<String, Object> variables) {
            as(user, () -> {
                String id = taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey(taskKey)
                        .singleResult().getId();
                taskService.complete(id, variables);
                return null;
            });
        }

        private <T> T as(String user, java.util.function.Supplier<T> call) {
            identity.setAuthentication(user, users.get(user));
            try {
                return call.get();
            } finally {
                identity.clearAuthentication();
            }
        }

        void restCase(int n, IntConsumer tasksDone) throws IOException, InterruptedException {
            String lease = variables(lease(n, newProject(n)));
            var started = JSON.readTree(send("benchowner", "POST", "/engine-rest/process-definition/key/TenantMoveIn/start",
                    "{\"variables\":" + lease + "}", 200));
            String pi = started.get("id").asText();
            // the lease's scan, as the owner's lease system would upload it (through the Java API here)
            documents.attach(started.get("businessKey").asText(), org.gongzu.casefile.DocumentKind.LEASE_CONTRACT,
                    "lease.pdf", "application/pdf", LEASE_SCAN, "benchowner");
            restStep(pi, "benchowner", "Task_ConfirmMoveIn", variables(MoveInFixture.moveIn()));
            tasksDone.accept(1);
            String member = JSON.writeValueAsString(MoveInFixture.head());
            restStep(pi, "benchrc", "Task_RegisterMembers", "{\"memberCount\":{\"value\":1},\"member1\":{\"type\":\"Json\","
                    + "\"value\":" + JSON.writeValueAsString(member) + "}}");
            tasksDone.accept(1);
            restStep(pi, "benchpolice", "Task_ConfirmActualPopulation", variables(MoveInFixture.confirmation()));
            tasksDone.accept(1);
        }

        private void restStep(String pi, String user, String taskKey, String variables)
                throws IOException, InterruptedException {
            String list = send(user, "GET", "/engine-rest/task?processInstanceId=" + pi + "&taskDefinitionKey=" + taskKey + "&maxResults=1",
                    null, 200);
            String id = JSON.readTree(list).get(0).get("id").asText();
            send(user, "POST", "/engine-rest/task/" + id + "/complete", "{\"variables\":" + variables + "}", 204);
        }

        private static String variables(Map<String, Object> values) throws IOException {
            Map<String, Object> typed = new HashMap<>();
            values.forEach((k, v) -> typed.put(k, Map.of("value", v)));
            return JSON.writeValueAsString(typed);
        }

        private String send(String user, String method, String path, String body, int expected)
                throws IOException, InterruptedException {
            String auth = Base64.getEncoder().encodeToString((user + ":" + Product.PASSWORD).getBytes(StandardCharsets.UTF_8));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(product.base + path))
                    .header("Authorization", "Basic " + auth).header("Accept", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            HttpResponse<String> response = http.get().send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + " as " + user + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }
    }
}
