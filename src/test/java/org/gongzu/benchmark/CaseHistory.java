package org.gongzu.benchmark;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongFunction;

import org.gongzu.benchmark.HistoryShapes.Definition;
import org.gongzu.benchmark.HistoryShapes.Element;
import org.gongzu.benchmark.HistoryShapes.Subscription;
import org.gongzu.benchmark.HistoryShapes.Timing;

/**
 * Writes one case as the engine and the product leave it: the process instance, every activity
 * instance, task and candidate-group link in history, the product's monitoring_task rows, and for
 * a case still open its execution(s), its waiting task, the task's links and department queue rows
 * and the instance's message subscriptions. Rows collect in COPY buffers, one per table.
 */
final class CaseHistory {

    private static final long SECOND = 1000L;
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;

    final CopyText procinst = new CopyText("act_hi_procinst", "id_, proc_inst_id_, business_key_, proc_def_key_,"
            + " proc_def_id_, start_time_, end_time_, removal_time_, duration_, start_user_id_, start_act_id_, end_act_id_,"
            + " root_proc_inst_id_, state_");
    final CopyText actinst = new CopyText("act_hi_actinst", "id_, parent_act_inst_id_, proc_def_key_, proc_def_id_,"
            + " root_proc_inst_id_, proc_inst_id_, execution_id_, act_id_, task_id_, act_name_, act_type_, start_time_,"
            + " end_time_, duration_, act_inst_state_, sequence_counter_, removal_time_");
    final CopyText taskinst = new CopyText("act_hi_taskinst", "id_, task_def_key_, proc_def_key_, proc_def_id_,"
            + " root_proc_inst_id_, proc_inst_id_, execution_id_, act_inst_id_, name_, description_, assignee_, start_time_,"
            + " end_time_, duration_, delete_reason_, priority_, due_date_, removal_time_, task_state_");
    final CopyText hiLinks = new CopyText("act_hi_identitylink", "id_, timestamp_, type_, user_id_, group_id_, task_id_,"
            + " root_proc_inst_id_, proc_def_id_, operation_type_, assigner_id_, proc_def_key_, removal_time_");
    final CopyText monitoring = new CopyText("monitoring_task", "task_id, group_id, department, place_code, district_code,"
            + " sub_district_code, process_key, process_definition_id, process_version, element_id, case_id, created_at,"
            + " due_at, ended_at, outcome, duration_ms");
    final CopyText executions = new CopyText("act_ru_execution", "id_, rev_, root_proc_inst_id_, proc_inst_id_,"
            + " business_key_, parent_id_, proc_def_id_, act_id_, act_inst_id_, is_active_, is_concurrent_, is_scope_,"
            + " is_event_scope_, suspension_state_, cached_ent_state_, sequence_counter_, proc_def_key_");
    final CopyText tasks = new CopyText("act_ru_task", "id_, rev_, execution_id_, proc_inst_id_, proc_def_id_, name_,"
            + " description_, task_def_key_, priority_, create_time_, due_date_, suspension_state_, task_state_");
    final CopyText links = new CopyText("act_ru_identitylink", "id_, rev_, group_id_, type_, task_id_");
    final CopyText queue = new CopyText("task_queue", "group_id, task_id, created");
    final CopyText subscriptions = new CopyText("act_ru_event_subscr", "id_, rev_, event_type_, event_name_,"
            + " execution_id_, proc_inst_id_, activity_id_, created_");

    /** In load order: runtime parents before their children. */
    List<CopyText> tables() {
        return List.of(procinst, actinst, taskinst, hiLinks, monitoring, executions, tasks, links, queue, subscriptions);
    }

    private final Ids ids;

    CaseHistory(int worker) {
        this.ids = new Ids(worker);
    }

    /**
     * One case to write. {@code now} is the end of the history; an open case waits at one of its user
     * tasks since {@code waiting} before now; a finished one started {@code ago} before now (or earlier,
     * if it took longer). {@code slowness} multiplies its tasks' durations (its district and sub-district).
     */
    record Case(HistoryShapes.Spec spec, LongFunction<Definition> definitionAt, List<String> path, long number,
            String district, String subDistrict, String receiver, double slowness, boolean open, long now,
            long ago, SplittableRandom random) {
    }

    /** One activity instance on the case's path, with its times relative to the case's start. */
    private static final class Instance {
        Element element;
        boolean interrupted;
        long start;
        Long end;
        String id;
        String execution;
        String parent;
        String taskId;
        List<String> groups;
        Long due;
        String assignee;
    }

    /** Writes the case; answers whether it is open. */
    boolean write(Case c) {
        Definition shape = c.definitionAt().apply(c.now());
        SplittableRandom r = c.random();
        List<Instance> path = new ArrayList<>();
        for (String step : c.path()) {
            Instance instance = new Instance();
            instance.interrupted = step.endsWith(HistoryShapes.INTERRUPTED);
            instance.element = shape.element(instance.interrupted ? step.substring(0, step.length() - 1) : step);
            path.add(instance);
        }
        int openAt = c.open() ? openStep(c, path) : -1;
        if (openAt >= 0) {
            path = new ArrayList<>(path.subList(0, openAt + 1));
        }
        // times relative to the start; a container (sub-process) spans its elements
        long cursor = 0;
        List<Instance> containers = new ArrayList<>();
        for (Instance instance : path) {
            while (!containers.isEmpty() && !containers.get(containers.size() - 1).element.id()
                    .equals(instance.element.flowScope())) {
                containers.remove(containers.size() - 1).end = cursor;
            }
            if (instance.element.asyncBefore()) {
                cursor += SECOND / 2 + r.nextLong(5 * SECOND);
            }
            instance.start = cursor;
            if ("subProcess".equals(instance.element.type())) {
                containers.add(instance);
                continue;
            }
            cursor += duration(c, instance, r);
            instance.end = cursor;
            if (instance.element.asyncAfter()) {
                cursor += SECOND / 2 + r.nextLong(5 * SECOND);
            }
        }
        Instance last = path.get(path.size() - 1);
        long begin;
        if (openAt >= 0) {
            Timing timing = c.spec().timings().get(last.element.id());
            long waiting = Math.min(700 * DAY, lognormal(r, timing.medianHours() * 2 * c.slowness(), timing.sigma() + 0.5));
            begin = c.now() - waiting - last.start;
            last.end = null;
            containers.forEach(container -> container.end = null);
        } else {
            containers.forEach(container -> container.end = last.end);
            begin = Math.min(c.now() - c.ago(), c.now() - last.end - 60 * SECOND);
        }
        Definition definition = c.definitionAt().apply(begin);
        emit(c, definition, path, begin, openAt >= 0);
        return openAt >= 0;
    }

    /**
     * Where an open case waits: a user task, chosen in proportion to how long that step takes (Little's
     * law); -1 (the case is finished) on a path without user tasks.
     */
    private static int openStep(Case c, List<Instance> path) {
        double total = 0;
        double[] weights = new double[path.size()];
        for (int i = 0; i < path.size(); i++) {
            Instance instance = path.get(i);
            if (instance.element.userTask() && !instance.interrupted) {
                weights[i] = c.spec().timings().get(instance.element.id()).medianHours();
                total += weights[i];
            }
        }
        if (total == 0) {
            return -1;
        }
        double pick = c.random().nextDouble() * total;
        for (int i = 0; i < path.size(); i++) {
            pick -= weights[i];
            if (weights[i] > 0 && pick <= 0) {
                return i;
            }
        }
        return -1;
    }

    private static long duration(Case c, Instance instance, SplittableRandom r) {
        Element element = instance.element;
        if (element.userTask()) {
            Timing timing = c.spec().timings().get(element.id());
            double median = timing.medianHours() * c.slowness() * (instance.interrupted ? 0.5 : 1.0);
            return Math.max(30 * SECOND, lognormal(r, median, timing.sigma()));
        }
        return switch (element.type()) {
            case "intermediateTimer" -> 30 * DAY + r.nextLong(HOUR);
            case "businessRuleTask" -> 20 + r.nextLong(200);
            case "serviceTask" -> 3 + r.nextLong(40);
            case "exclusiveGateway", "inclusiveGateway", "boundaryMessage" -> r.nextLong(2);
            default -> r.nextLong(15);
        };
    }

    /** A log-normal duration in ms with this median (hours) and sigma. */
    static long lognormal(SplittableRandom r, double medianHours, double sigma) {
        double u1 = Math.max(1e-12, r.nextDouble());
        double z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * r.nextDouble());
        return (long) (medianHours * HOUR * Math.exp(sigma * z));
    }

    private void emit(Case c, Definition definition, List<Instance> path, long begin, boolean open) {
        String pi = ids.next();
        String key = c.spec().level() == HistoryShapes.Level.HOUSEHOLD
                ? String.format("HH-%d-%06d", java.time.Instant.ofEpochMilli(begin).atZone(java.time.ZoneOffset.UTC).getYear(),
                        c.number() % 1_000_000)
                : "BP-" + c.subDistrict() + "-" + (c.number() % 20);
        Instance last = path.get(path.size() - 1);
        Long end = open ? null : begin + last.end;
        Long removal = end == null ? null : end + definition.historyDays() * DAY;
        SplittableRandom r = c.random();
        // ids, executions and parents, as the engine gives them
        java.util.Map<String, Instance> openContainers = new java.util.HashMap<>();
        String previousAssignee = null;
        for (Instance instance : path) {
            Element element = instance.element;
            String uuid = ids.next();
            String composite = element.id() + ":" + uuid;
            instance.id = composite.length() > 64 ? uuid : composite;
            Instance container = element.flowScope() == null ? null : openContainers.get(element.flowScope());
            instance.parent = container == null ? pi : container.id;
            String scopeExecution = container == null ? pi : container.execution;
            instance.execution = element.scope() ? ids.next() : scopeExecution;
            if ("subProcess".equals(element.type())) {
                openContainers.put(element.id(), instance);
            }
            if (element.userTask()) {
                instance.taskId = ids.next();
                instance.groups = definition.groups(element.id(), c.receiver(), c.district(), c.subDistrict());
                Timing timing = c.spec().timings().get(element.id());
                if (timing.dueShare() > 0 && r.nextDouble() < timing.dueShare()) {
                    instance.due = begin + instance.start + timing.dueDays() * DAY;
                }
                instance.assignee = instance.end == null || instance.interrupted ? null : "u-" + instance.groups.get(0);
            }
        }
        procinst.str(pi).str(pi).str(key).str(definition.key()).str(definition.id()).time(begin).time(end).time(removal)
                .num(end == null ? null : end - begin)
                .str(c.spec().level() == HistoryShapes.Level.HOUSEHOLD && "TenantMoveIn".equals(definition.key())
                        ? "u-" + path.get(1).groups.get(0) : null)
                .str(path.get(0).element.id()).str(end == null ? null : last.element.id()).str(pi)
                .str(open ? "ACTIVE" : "COMPLETED").end();
        int sequence = 1;
        for (int i = 0; i < path.size(); i++) {
            Instance instance = path.get(i);
            Element element = instance.element;
            Long start = begin + instance.start;
            Long finished = instance.end == null ? null : begin + instance.end;
            int state = finished == null ? 0 : instance.interrupted ? 2 : element.type().endsWith("EndEvent") ? 1
                    : "inclusiveGateway".equals(element.type()) ? 0 : 4;
            actinst.str(instance.id).str(instance.parent).str(definition.key()).str(definition.id()).str(pi).str(pi)
                    .str(instance.execution).str(element.id()).str(instance.taskId).str(element.name()).str(element.type())
                    .time(start).time(finished).num(finished == null ? null : finished - start).num(state).num(sequence)
                    .time(removal).end();
            sequence += 2;
            if (!element.userTask()) {
                continue;
            }
            String name = element.taskName() != null ? element.taskName() : element.name();
            taskinst.str(instance.taskId).str(element.id()).str(definition.key()).str(definition.id()).str(pi).str(pi)
                    .str(instance.execution).str(instance.id).str(name).str(element.taskDescription()).str(instance.assignee)
                    .time(start).time(finished).num(finished == null ? null : finished - start)
                    .str(finished == null ? null : instance.interrupted ? "deleted" : "completed").num(50).time(instance.due)
                    .time(removal).str(finished == null ? "Created" : instance.interrupted ? "Deleted" : "Completed").end();
            for (String group : instance.groups) {
                hiLinks.str(ids.next()).time(start).str("candidate").str(null).str(group).str(instance.taskId).str(pi)
                        .str(definition.id()).str("add").str(previousAssignee).str(definition.key()).time(removal).end();
                int dash = group.indexOf('-');
                String place = group.substring(dash + 1);
                monitoring.str(instance.taskId).str(group).str(group.substring(0, dash)).str(place).str(c.district())
                        .str(c.subDistrict()).str(definition.key()).str(definition.id()).num(definition.version())
                        .str(element.id()).str(key).time(start).time(instance.due).time(finished)
                        .str(finished == null ? null : instance.interrupted ? "DELETED" : "COMPLETED")
                        .num(finished == null ? null : finished - start).end();
            }
            if (instance.assignee != null) {
                long at = finished - Math.min(finished - start, 2 * SECOND);
                hiLinks.str(ids.next()).time(at).str("assignee").str(instance.assignee).str(null).str(instance.taskId)
                        .str(pi).str(definition.id()).str("add").str(instance.assignee).str(definition.key()).time(removal)
                        .end();
                previousAssignee = instance.assignee;
            }
        }
        if (open) {
            running(c, definition, pi, key, begin, last, sequence - 2);
        }
    }

    /** The runtime rows of a case waiting at its last (user) task. */
    private void running(Case c, Definition definition, String pi, String key, long begin, Instance waiting, int sequence) {
        int instanceMessages = definition.instanceMessages().isEmpty() ? 0 : 1;
        Element element = waiting.element;
        if (element.scope()) {
            executions.str(pi).num(2).str(pi).str(pi).str(key).str(null).str(definition.id()).str(null).str(pi)
                    .bool(false).bool(false).bool(true).bool(false).num(1).num(instanceMessages).num(sequence - 1)
                    .str(definition.key()).end();
            int boundary = element.boundaryMessages().isEmpty() ? 0 : 1;
            executions.str(waiting.execution).num(1).str(null).str(pi).str(null).str(pi).str(definition.id())
                    .str(element.id()).str(waiting.id).bool(true).bool(false).bool(true).bool(false).num(1)
                    .num(2 | boundary).num(sequence).str(definition.key()).end();
        } else {
            executions.str(pi).num(2).str(pi).str(pi).str(key).str(null).str(definition.id()).str(element.id())
                    .str(waiting.id).bool(true).bool(false).bool(true).bool(false).num(1).num(2 | instanceMessages)
                    .num(sequence).str(definition.key()).end();
        }
        long created = begin + waiting.start;
        String name = element.taskName() != null ? element.taskName() : element.name();
        tasks.str(waiting.taskId).num(1).str(waiting.execution).str(pi).str(definition.id()).str(name)
                .str(element.taskDescription()).str(element.id()).num(50).time(created).time(waiting.due).num(1)
                .str("Created").end();
        for (String group : waiting.groups) {
            links.str(ids.next()).num(1).str(group).str("candidate").str(waiting.taskId).end();
            queue.str(group).str(waiting.taskId).time(created).end();
        }
        for (Subscription s : definition.instanceMessages()) {
            subscriptions.str(ids.next()).num(1).str("message").str(s.eventName()).str(pi).str(pi).str(s.activityId())
                    .time(begin).end();
        }
        for (Subscription s : element.boundaryMessages()) {
            subscriptions.str(ids.next()).num(1).str("message").str(s.eventName()).str(waiting.execution).str(pi)
                    .str(s.activityId()).time(created).end();
        }
    }

    /** Sends every buffer in load order on this connection. */
    void send(Connection connection) throws SQLException {
        for (CopyText table : tables()) {
            table.send(connection);
        }
    }

    /**
     * Ids shaped like the engine's time-based UUIDs, unique per worker: a counter scrambled by an odd
     * multiplier (a bijection of 48 bits), so that consecutive ids land all over an index, as the
     * engine's do.
     */
    static final class Ids {
        private static final char[] HEX = "0123456789abcdef".toCharArray();
        private final int worker;
        private long counter;

        Ids(int worker) {
            this.worker = worker;
        }

        String next() {
            long value = (++counter * 0x5DEECE66DL) & 0xFFFF_FFFF_FFFFL;
            char[] id = new char[36];
            hex(id, 0, value >>> 16, 8);
            id[8] = '-';
            hex(id, 9, value & 0xFFFF, 4);
            id[13] = '-';
            "11f1-8".getChars(0, 6, id, 14);
            hex(id, 20, worker & 0xFFF, 3);
            id[23] = '-';
            "be0c00000001".getChars(0, 12, id, 24);
            return new String(id);
        }

        private static void hex(char[] into, int at, long value, int digits) {
            for (int i = digits - 1; i >= 0; i--) {
                into[at + i] = HEX[(int) (value & 0xF)];
                value >>>= 4;
            }
        }
    }
}
