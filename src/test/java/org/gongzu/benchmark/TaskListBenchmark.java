package org.gongzu.benchmark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.gongzu.identity.Department;
import org.gongzu.identity.Roles;
import org.gongzu.support.MoveInFixture;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How fast Tasklist answers a department user and a supervisor when N TenantMoveIn cases are open
 * over G owner groups, next to the engine's bare task query on the same data.
 * Not a test: run with bench/run-task-list; figures go to docs/performance.md.
 */
public final class TaskListBenchmark {

    /** Enough calls for the JIT to compile the request path, as on a server that has been running. */
    private static final int WARM_UP = 100;
    private static final int ITERATIONS = 200;
    private static final int CASES_PER_TRANSACTION = 50;

    public static void main(String[] args) throws Exception {
        BenchOptions options = new BenchOptions(args, "open", "groups", "db-url", "db-user", "db-password", "loaders");
        int open = options.number("open", 20000);
        int groups = options.number("groups", 4);
        int loaders = options.number("loaders", 2);
        BenchDatabase db = BenchDatabase.product(options, "gongzu_tasklist");
        System.out.println("database: " + db.description());
        try (Product product = new Product(db)) {
            product.addSubDistricts(groups);
            List<String> ownerGroups = new ArrayList<>();
            for (int g = 0; g < groups; g++) {
                String code = Product.subDistrict(g);
                ownerGroups.add(Department.OWNER.groupId(code));
                product.insertProject("BENCH-" + g, code, true);
            }
            product.user("benchowner0", List.of(ownerGroups.get(0)));
            product.user("benchsupervisor", List.of(Roles.SUPERVISOR));

            load(product, open, groups, loaders);
            // what autovacuum does on a database in use: statistics, and the visibility map that lets
            // counts read an index alone (a freshly loaded table has none yet)
            long analyzeStart = System.nanoTime();
            product.jdbc().execute("vacuum analyze");
            System.out.printf("VACUUM ANALYZE: %.1f s%n", (System.nanoTime() - analyzeStart) / 1e9);
            System.out.println("rows: act_ru_task " + rows(product, "act_ru_task") + ", act_ru_identitylink "
                    + rows(product, "act_ru_identitylink") + ", act_ru_authorization " + rows(product, "act_ru_authorization"));

            int perGroup = open / groups + (open % groups > 0 ? 1 : 0);
            TasklistSession department = new TasklistSession(product.base, "benchowner0", Product.PASSWORD);
            List<TasklistSession.Filter> departmentFilters = department.filters();
            TasklistSession.Filter opened = departmentFilters.get(0);
            long seen = department.list(opened);
            System.out.printf("department user benchowner0 opens 「%s」: %d tasks (expected %d)%n", opened.name(), seen, perGroup);
            if (seen != perGroup) {
                throw new IllegalStateException("the department user sees " + seen + " tasks, not " + perGroup);
            }
            Percentiles floor = Percentiles.measure(WARM_UP, ITERATIONS, department::version);
            System.out.println("  a request without work (GET …/version), for reference: " + floor);
            Percentiles tasklist = Percentiles.measure(WARM_UP, ITERATIONS, () -> department.list(opened));
            System.out.println("  list+count 「" + opened.name() + "」: " + tasklist);
            double countP95 = 0;
            for (TasklistSession.Filter filter : departmentFilters) {
                Percentiles count = Percentiles.measure(WARM_UP, ITERATIONS, () -> department.count(filter));
                System.out.println("  sidebar count 「" + filter.name() + "」 (" + department.count(filter) + "): " + count);
                countP95 = Math.max(countP95, count.p(95));
            }

            TasklistSession supervisor = new TasklistSession(product.base, "benchsupervisor", Product.PASSWORD);
            double supervisorP95 = 0;
            for (TasklistSession.Filter filter : supervisor.filters()) {
                Percentiles list = Percentiles.measure(WARM_UP, ITERATIONS, () -> supervisor.list(filter));
                Percentiles count = Percentiles.measure(WARM_UP, ITERATIONS, () -> supervisor.count(filter));
                System.out.println("supervisor 「" + filter.name() + "」 (" + supervisor.count(filter) + " tasks): list+count "
                        + list + "; sidebar count " + count);
                supervisorP95 = Math.max(supervisorP95, Math.max(list.p(95), count.p(95)));
            }

            // the engine's own query on the same data: no authentication, so no authorization check
            TaskService tasks = product.bean(TaskService.class);
            String group = ownerGroups.get(0);
            Percentiles rawList = Percentiles.measure(WARM_UP, ITERATIONS,
                    () -> tasks.createTaskQuery().taskCandidateGroup(group).listPage(0, 50));
            Percentiles rawCount = Percentiles.measure(WARM_UP, ITERATIONS,
                    () -> tasks.createTaskQuery().taskCandidateGroup(group).count());
            System.out.println("bare query taskCandidateGroup(" + group + ").listPage(0,50): " + rawList);
            System.out.println("bare query taskCandidateGroup(" + group + ").count() ("
                    + tasks.createTaskQuery().taskCandidateGroup(group).count() + "): " + rawCount);

            System.out.printf(java.util.Locale.ROOT,
                    "RESULT open=%d groups=%d tasklist_p95_ms=%.1f count_p95_ms=%.1f supervisor_p95_ms=%.1f"
                            + " raw_list_p95_ms=%.1f raw_count_p95_ms=%.1f%n",
                    open, groups, tasklist.p(95), countP95, supervisorP95, rawList.p(95), rawCount.p(95));
        }
        System.exit(0);
    }

    /** Starts the cases without authentication, many per transaction, on a few threads. */
    private static void load(Product product, int open, int groups, int loaders) throws Exception {
        RuntimeService runtime = product.bean(RuntimeService.class);
        TransactionTemplate transaction = new TransactionTemplate(product.bean(PlatformTransactionManager.class));
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(loaders);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < loaders; t++) {
            done.add(pool.submit(() -> {
                int first;
                while ((first = next.getAndAdd(CASES_PER_TRANSACTION)) < open) {
                    int from = first;
                    transaction.executeWithoutResult(status -> {
                        for (int i = from; i < Math.min(open, from + CASES_PER_TRANSACTION); i++) {
                            runtime.startProcessInstanceByKey("TenantMoveIn", lease(i, groups));
                        }
                    });
                    int loaded = Math.min(open, from + CASES_PER_TRANSACTION);
                    if (loaded % 2000 == 0) {
                        System.out.printf("  loaded %d cases, %.0f cases/s%n", loaded,
                                loaded / ((System.nanoTime() - start) / 1e9));
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        System.out.printf("loaded %d open cases over %d owner groups in %.1f s (%.0f cases/s)%n", open, groups,
                (System.nanoTime() - start) / 1e9, open / ((System.nanoTime() - start) / 1e9));
    }

    private static Map<String, Object> lease(int i, int groups) {
        Map<String, Object> lease = new HashMap<>();
        lease.put("projectId", "BENCH-" + (i % groups));
        lease.put("unitNo", "1-1-" + i);
        lease.put("leaseNo", "BL-" + i);
        lease.put("leaseSignedOn", "2026-01-10");
        lease.put("headName", "张三");
        lease.put("headIdNumber", MoveInFixture.HEAD_BEIJING);
        return lease;
    }

    private static long rows(Product product, String table) {
        return product.jdbc().queryForObject("select count(*) from " + table, Long.class);
    }
}
