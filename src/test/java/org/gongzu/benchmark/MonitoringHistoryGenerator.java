package org.gongzu.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.gongzu.benchmark.HistoryShapes.Definition;
import org.gongzu.benchmark.HistoryShapes.Spec;
import org.gongzu.identity.AccessBootstrap;
import org.gongzu.place.Place;
import org.gongzu.place.PlaceRepository;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fills the product's database with a realistic history for the monitoring benchmark: N cases of
 * the product's processes (default 1,000,000) over the two years up to now, about 10 % still open,
 * skewed by district (some five times busier) and by step (log-normal durations, some steps much
 * slower, slower districts), due dates on part of the tasks. Everything the engine and the product
 * would have written: history (process, activity, task instances, candidate-group links), the
 * product's monitoring_task, and for open cases the runtime (executions, tasks, links, department
 * queues, message subscriptions), so Cockpit and Tasklist see them too. TenantMoveIn gets a second
 * version (a copy of the first, as a manager's redeployment), used by cases of the last 300 days.
 *
 * <p>Loaded with COPY on two connections, with the history tables' secondary indexes dropped during
 * the load and rebuilt after it (the same definitions), then VACUUM ANALYZE. A table
 * {@code bench_history} remembers what was generated, so a database given with --db-url is filled
 * once and measured many times.
 */
final class MonitoringHistoryGenerator {

    static final List<String> BULK_TABLES = List.of("act_hi_procinst", "act_hi_actinst", "act_hi_taskinst",
            "act_hi_identitylink", "monitoring_task");
    static final List<String> ALL_TABLES = List.of("act_hi_procinst", "act_hi_actinst", "act_hi_taskinst",
            "act_hi_identitylink", "monitoring_task", "act_ru_execution", "act_ru_task", "act_ru_identitylink",
            "task_queue", "act_ru_event_subscr");
    static final int YEARS_DAYS = 730;
    /** Cases of TenantMoveIn that started in the last 300 days run its second version. */
    static final int SECOND_VERSION_DAYS = 300;
    private static final int CHUNK = 2_000;
    private static final long DAY = 86_400_000L;

    /** Busier districts (cases per district relative to the others) and how much slower their steps run. */
    static final Map<String, Double> DISTRICT_WEIGHT = Map.of("110105", 5.0, "110108", 5.0, "110114", 5.0,
            "110106", 3.0, "110115", 3.0, "110112", 2.0);
    static final Map<String, Double> DISTRICT_SLOWNESS = Map.of("110114", 2.2, "110106", 1.6, "110105", 1.4,
            "110112", 1.3, "110108", 0.8);
    static final int SUB_DISTRICTS_PER_DISTRICT = 6;
    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九"};

    record District(String code, String name, double weight, double slowness, List<String> subDistricts) {
    }

    record Summary(int cases, long open, Map<String, Long> rows, double seconds, String generatedAt, boolean reused) {
    }

    private final Product product;
    private final BenchDatabase db;
    private final int cases;
    private final double openShare;
    private final long seed;
    private final int workers;

    MonitoringHistoryGenerator(Product product, BenchDatabase db, int cases, double openShare, long seed, int workers) {
        this.product = product;
        this.db = db;
        this.cases = cases;
        this.openShare = openShare;
        this.seed = seed;
        this.workers = workers;
    }

    /** The history of this database: generated now, or found from an earlier run of the same size. */
    Summary ensure() throws Exception {
        JdbcTemplate jdbc = product.jdbc();
        jdbc.execute("create table if not exists bench_history (cases int, open_cases bigint, seconds double precision,"
                + " generated_at timestamp, row_counts varchar(2000))");
        List<Summary> earlier = jdbc.query("select * from bench_history order by generated_at desc", (rs, i) -> {
            Map<String, Long> rows = new LinkedHashMap<>();
            for (String pair : rs.getString("row_counts").split(",")) {
                String[] kv = pair.split("=");
                rows.put(kv[0], Long.parseLong(kv[1]));
            }
            return new Summary(rs.getInt("cases"), rs.getLong("open_cases"), rows, rs.getDouble("seconds"),
                    rs.getTimestamp("generated_at").toString(), true);
        });
        if (!earlier.isEmpty()) {
            if (earlier.get(0).cases() != cases) {
                throw new IllegalStateException("this database holds a generated history of " + earlier.get(0).cases()
                        + " cases, not " + cases + ": use a fresh database");
            }
            return earlier.get(0);
        }
        Summary summary = generate();
        jdbc.update("insert into bench_history values (?, ?, ?, ?, ?)", summary.cases(), summary.open(), summary.seconds(),
                Timestamp.valueOf(summary.generatedAt()), String.join(",", summary.rows().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).toList()));
        return summary;
    }

    private Summary generate() throws Exception {
        long started = System.nanoTime();
        long now = System.currentTimeMillis();
        List<District> districts = places();
        Map<String, List<Definition>> definitions = definitions();
        System.out.printf(Locale.ROOT, "generating %,d cases over %d districts and %d sub-districts (seed %d, %d workers)%n",
                cases, districts.size(), districts.stream().mapToInt(d -> d.subDistricts().size()).sum(), seed, workers);
        Map<String, String> indexes = secondaryIndexes();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String name : indexes.keySet()) {
                s.execute("drop index " + name);
            }
        }
        List<Spec> specs = HistoryShapes.specs();
        double totalShare = specs.stream().mapToDouble(Spec::share).sum();
        double openableShare = specs.stream().filter(Spec::mayBeOpen).mapToDouble(Spec::share).sum();
        double openWhereOpenable = openShare * totalShare / openableShare;
        double districtTotal = districts.stream().mapToDouble(District::weight).sum();

        Map<String, LongAdder> rows = new ConcurrentHashMap<>();
        AtomicLong open = new AtomicLong();
        AtomicInteger nextChunk = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        long loadStart = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int worker = w + 1;
            futures.add(pool.submit(() -> {
                CaseHistory history = new CaseHistory(worker);
                try (Connection connection = connect()) {
                    int chunk;
                    while ((long) (chunk = nextChunk.getAndIncrement()) * CHUNK < cases) {
                        int from = chunk * CHUNK;
                        int to = Math.min(cases, from + CHUNK);
                        for (int n = from; n < to; n++) {
                            SplittableRandom r = new SplittableRandom(seed * 1_000_003L + n);
                            Spec spec = pick(specs, Spec::share, totalShare, r.nextDouble());
                            District district = pick(districts, District::weight, districtTotal, r.nextDouble());
                            int sub = zipf(district.subDistricts().size(), r.nextDouble());
                            String subDistrict = district.subDistricts().get(sub);
                            List<Definition> versions = definitions.get(spec.key());
                            boolean isOpen = spec.mayBeOpen() && r.nextDouble() < openWhereOpenable;
                            double x = (-0.5 + Math.sqrt(0.25 + 2 * r.nextDouble())); // more cases lately
                            long ago = (long) ((1 - x) * YEARS_DAYS * DAY);
                            CaseHistory.Case c = new CaseHistory.Case(spec, at -> version(versions, at, now),
                                    spec.path().apply(r), n, district.code(), subDistrict,
                                    HistoryShapes.RECEIVERS.get(r.nextInt(HistoryShapes.RECEIVERS.size())),
                                    district.slowness() * (0.75 + 0.1 * sub), isOpen, now, ago, r);
                            if (history.write(c)) {
                                open.incrementAndGet();
                            }
                        }
                        for (CopyText table : history.tables()) {
                            rows.computeIfAbsent(table.table(), k -> new LongAdder()).add(table.send(connection));
                        }
                        long total = done.addAndGet(to - from);
                        if (total % 100_000 < CHUNK) {
                            System.out.printf(Locale.ROOT, "  %,d cases loaded, %.0f cases/s%n", total,
                                    total / ((System.nanoTime() - loadStart) / 1e9));
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        System.out.printf(Locale.ROOT, "loaded in %.0f s; rebuilding %d indexes%n", loadSeconds, indexes.size());
        long indexStart = System.nanoTime();
        rebuild(indexes);
        System.out.printf(Locale.ROOT, "indexes rebuilt in %.0f s; VACUUM ANALYZE%n", (System.nanoTime() - indexStart) / 1e9);
        long vacuumStart = System.nanoTime();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String table : ALL_TABLES) {
                s.execute("vacuum analyze " + table);
            }
        }
        System.out.printf(Locale.ROOT, "VACUUM ANALYZE in %.0f s%n", (System.nanoTime() - vacuumStart) / 1e9);
        targets();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : ALL_TABLES) {
            counts.put(table, rows.containsKey(table) ? rows.get(table).sum() : 0);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Summary(cases, open.get(), counts, seconds, new Timestamp(now).toString(), false);
    }

    /** An item drawn in proportion to its weight. */
    private static <T> T pick(List<T> items, java.util.function.ToDoubleFunction<T> weight, double total, double u) {
        double at = u * total;
        for (T item : items) {
            at -= weight.applyAsDouble(item);
            if (at <= 0) {
                return item;
            }
        }
        return items.get(items.size() - 1);
    }

    /** Index 0..n-1 with weight 1/(i+1): a few sub-districts of a district take most of its cases. */
    private static int zipf(int n, double u) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += 1.0 / (i + 1);
        }
        double at = u * total;
        for (int i = 0; i < n; i++) {
            at -= 1.0 / (i + 1);
            if (at <= 0) {
                return i;
            }
        }
        return n - 1;
    }

    private static Definition version(List<Definition> versions, long at, long now) {
        if (versions.size() == 1 || at < now - SECOND_VERSION_DAYS * DAY) {
            return versions.get(0);
        }
        return versions.get(versions.size() - 1);
    }

    /** Beijing's 16 districts with six sub-districts each (the demo's real ones kept), and their department groups. */
    private List<District> places() {
        PlaceRepository places = product.bean(PlaceRepository.class);
        List<Place> all = places.findAll();
        List<District> districts = new ArrayList<>();
        for (Place district : all.stream().filter(p -> p.kind() == Place.Kind.DISTRICT)
                .sorted(Comparator.comparing(Place::code)).toList()) {
            List<String> subs = new ArrayList<>(all.stream().filter(p -> p.kind() == Place.Kind.SUBDISTRICT
                    && p.code().startsWith(district.code()) && !p.code().substring(6).startsWith("9"))
                    .map(Place::code).sorted().toList());
            for (int i = 0; subs.size() < SUB_DISTRICTS_PER_DISTRICT; i++) {
                String code = district.code() + String.format("%03d", 101 + i);
                places.addSubDistrictIfAbsent(code, district.name() + "第" + NUMERALS[i] + "街道");
                if (!subs.contains(code)) {
                    subs.add(code);
                }
            }
            districts.add(new District(district.code(), district.name(), DISTRICT_WEIGHT.getOrDefault(district.code(), 1.0),
                    DISTRICT_SLOWNESS.getOrDefault(district.code(), 1.0), subs));
        }
        product.bean(AccessBootstrap.class).ensureAll();
        return districts;
    }

    /** Every version of every process, read from the engine; TenantMoveIn's second version deployed first. */
    private Map<String, List<Definition>> definitions() {
        RepositoryService repository = product.bean(RepositoryService.class);
        ProcessDefinition moveIn = repository.createProcessDefinitionQuery().processDefinitionKey("TenantMoveIn")
                .withoutTenantId().latestVersion().singleResult();
        if (moveIn.getVersion() == 1) {
            // a process manager's redeployment of the same model, with the forms it binds
            DeploymentBuilder deployment = repository.createDeployment().name("TenantMoveIn").source("bench-history");
            for (String resource : repository.getDeploymentResourceNames(moveIn.getDeploymentId())) {
                deployment.addInputStream(resource, repository.getResourceAsStream(moveIn.getDeploymentId(), resource));
            }
            deployment.deploy();
        }
        DecisionService decisions = product.bean(DecisionService.class);
        Map<String, List<Definition>> definitions = new LinkedHashMap<>();
        for (Spec spec : HistoryShapes.specs()) {
            List<Definition> versions = repository.createProcessDefinitionQuery().processDefinitionKey(spec.key())
                    .withoutTenantId().orderByProcessDefinitionVersion().asc().list().stream()
                    .map(d -> HistoryShapes.read(d, repository, decisions)).toList();
            if (versions.isEmpty()) {
                throw new IllegalStateException("process " + spec.key() + " is not deployed");
            }
            definitions.put(spec.key(), versions);
        }
        return definitions;
    }

    /** The bulk tables' indexes that are not constraints, by name, with their definitions. */
    private Map<String, String> secondaryIndexes() {
        Map<String, String> indexes = new LinkedHashMap<>();
        product.jdbc().query("select indexname, indexdef from pg_indexes where tablename in ('"
                + String.join("','", BULK_TABLES) + "') and not exists (select 1 from pg_constraint c"
                + " where c.conname = indexname) order by tablename, indexname",
                rs -> {
                    indexes.put(rs.getString(1), rs.getString(2));
                });
        return indexes;
    }

    /** Builds the dropped indexes again, on two connections. */
    private void rebuild(Map<String, String> indexes) throws Exception {
        List<String> definitions = new ArrayList<>(indexes.values());
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            futures.add(pool.submit(() -> {
                try (Connection c = connect(); Statement s = c.createStatement()) {
                    s.execute("set maintenance_work_mem = '512MB'");
                    int i;
                    while ((i = next.getAndIncrement()) < definitions.size()) {
                        s.execute(definitions.get(i));
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
    }

    /** Targets a process owner would set for TenantMoveIn, so the view shows breaches. */
    private void targets() {
        JdbcTemplate jdbc = product.jdbc();
        Object[][] targets = {{"Task_ConfirmMoveIn", 72, 50}, {"Task_RegisterMembers", 168, 100},
            {"Task_ConfirmActualPopulation", 240, 100}, {"Task_RegisterFloatingPopulation", 480, 100}};
        for (Object[] t : targets) {
            jdbc.update("insert into monitoring_threshold (process_key, element_id, p90_max_hours, backlog_max, updated_by,"
                    + " updated_at) select 'TenantMoveIn', ?, ?, ?, 'bench', current_timestamp where not exists (select 1"
                    + " from monitoring_threshold where process_key = 'TenantMoveIn' and element_id = ?)", t[0], t[1], t[2], t[0]);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(db.url(), db.user(), db.password());
    }
}
