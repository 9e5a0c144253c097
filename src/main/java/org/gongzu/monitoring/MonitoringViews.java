package org.gongzu.monitoring;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.gongzu.identity.Department;
import org.gongzu.place.Place;
import org.gongzu.place.PlaceRepository;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The monitoring views as JSON-ready records, with the Chinese names of steps, departments and
 * places: a process's steps (the heatmap), the backlog per department and place, the weekly trend,
 * and the open tasks behind a figure. "Now" is the engine's clock.
 */
@Component
class MonitoringViews {

    private final MonitoringQueries queries;
    private final Thresholds thresholds;
    private final RepositoryService repositoryService;
    private final PlaceRepository places;

    MonitoringViews(MonitoringQueries queries, Thresholds thresholds, RepositoryService repositoryService,
            PlaceRepository places) {
        this.queries = queries;
        this.thresholds = thresholds;
        this.repositoryService = repositoryService;
        this.places = places;
    }

    static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    record Window(int days, Instant from, Instant to) {
        static Window of(MonitoringFilter f) {
            return new Window(f.days(), f.from(), f.to());
        }
    }

    record Step(String elementId, String name, long waiting, long overdue, Timestamp oldestWaitingSince, long completed,
            Double p50Ms, Double p90Ms, boolean percentilesEstimated, Integer p90TargetHours, Integer backlogTarget,
            boolean p90Breached) {
    }

    record ProcessView(String processKey, String name, Integer version, List<Integer> versions, Window window,
            String district, String subDistrict, String department, List<Step> steps) {
    }

    ProcessView process(String processKey, MonitoringFilter filter) {
        ProcessDefinition definition = definition(processKey, filter.version());
        Map<String, String> names = stepNames(definition);
        Map<String, MonitoringQueries.Open> open = queries.open(processKey, filter);
        Map<String, MonitoringQueries.Done> done = queries.done(processKey, filter);
        Map<String, Thresholds.Target> targets = thresholds.of(processKey);
        List<String> elements = new ArrayList<>(names.keySet());
        // steps of earlier versions that still hold cases
        open.keySet().stream().filter(e -> !names.containsKey(e)).forEach(elements::add);
        done.keySet().stream().filter(e -> !names.containsKey(e) && !elements.contains(e)).forEach(elements::add);
        List<Step> steps = new ArrayList<>();
        for (String element : elements) {
            MonitoringQueries.Open o = open.getOrDefault(element, new MonitoringQueries.Open(0, 0, null));
            MonitoringQueries.Done d = done.get(element);
            Thresholds.Target target = targets.get(element);
            Double p90 = d == null ? null : d.p90();
            boolean breached = target != null && target.p90MaxHours() != null && p90 != null
                    && p90 > target.p90MaxHours() * 3_600_000.0;
            steps.add(new Step(element, names.getOrDefault(element, element), o.waiting(), o.overdue(), o.oldest(),
                    d == null ? 0 : d.completed(), d == null ? null : d.p50(), p90, d != null && d.estimated(),
                    target == null ? null : target.p90MaxHours(), target == null ? null : target.backlogMax(), breached));
        }
        List<Integer> versions = repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey).list()
                .stream().map(ProcessDefinition::getVersion).sorted().toList();
        return new ProcessView(processKey, definition.getName(), filter.version(), versions, Window.of(filter),
                filter.district(), filter.subDistrict(), filter.department(), steps);
    }

    record BacklogRow(String department, String departmentName, String placeCode, String placeName, String groupName,
            long open, long overdue, Timestamp oldestWaitingSince, long completed, Integer backlogTarget,
            boolean backlogBreached) {
    }

    record Backlog(String processKey, Window window, List<BacklogRow> rows) {
    }

    Backlog backlog(String processKey, MonitoringFilter filter) {
        if (processKey != null) {
            definition(processKey, null);
        }
        Map<String, Place> known = new HashMap<>();
        Integer target = processKey == null ? null : thresholds.of(processKey).values().stream()
                .map(Thresholds.Target::backlogMax).filter(java.util.Objects::nonNull).min(Integer::compare).orElse(null);
        List<BacklogRow> rows = queries.backlog(processKey, filter).stream().map(cell -> {
            Department department = Department.ofCode(cell.department()).orElseThrow();
            Place place = known.computeIfAbsent(cell.placeCode(), code -> places.find(code).orElse(null));
            String placeName = place == null ? cell.placeCode() : place.name();
            return new BacklogRow(cell.department(), department.chineseName(), cell.placeCode(), placeName,
                    placeName + " " + department.chineseName(), cell.open(), cell.overdue(), cell.oldest(),
                    cell.completed(), target, target != null && cell.open() > target);
        }).toList();
        return new Backlog(processKey, Window.of(filter), rows);
    }

    record Week(LocalDate weekStart, long arrivals, long completions) {
    }

    record StepTrend(String elementId, String name, List<Week> weeks) {
    }

    record Trend(String processKey, Window window, List<StepTrend> steps) {
    }

    Trend trend(String processKey, MonitoringFilter filter) {
        Map<String, String> names = stepNames(definition(processKey, filter.version()));
        Map<String, TreeMap<LocalDate, long[]>> byStep = new LinkedHashMap<>();
        names.keySet().forEach(e -> byStep.put(e, new TreeMap<>()));
        for (MonitoringQueries.Day day : queries.days(processKey, filter)) {
            LocalDate week = day.day().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            long[] counts = byStep.computeIfAbsent(day.elementId(), e -> new TreeMap<>()).computeIfAbsent(week,
                    w -> new long[2]);
            counts[0] += day.arrivals();
            counts[1] += day.completions();
        }
        List<StepTrend> steps = new ArrayList<>();
        byStep.forEach((element, weeks) -> steps.add(new StepTrend(element, names.getOrDefault(element, element),
                weeks.entrySet().stream().map(e -> new Week(e.getKey(), e.getValue()[0], e.getValue()[1])).toList())));
        return new Trend(processKey, Window.of(filter), steps);
    }

    /** An open task behind a figure; its task id lets a supervisor urge it (催办). */
    record CaseRow(String taskId, String caseId, String processKey, String elementId, String stepName, String groupId,
            String groupName, Timestamp waitingSince, Timestamp dueAt, boolean overdue) {
    }

    List<CaseRow> cases(String processKey, String elementId, String department, String placeCode, MonitoringFilter filter) {
        Map<String, Map<String, String>> names = new HashMap<>();
        Timestamp now = Timestamp.from(filter.to());
        return queries.openTasks(processKey, elementId, department, placeCode, filter).stream().map(t -> {
            String step = names.computeIfAbsent(t.processKey(), k -> stepNames(definition(k, null)))
                    .getOrDefault(t.elementId(), t.elementId());
            return new CaseRow(t.taskId(), t.caseId(), t.processKey(), t.elementId(), step, t.groupId(), groupName(t.groupId()),
                    t.createdAt(), t.dueAt(), t.dueAt() != null && t.dueAt().before(now));
        }).sorted(Comparator.comparing(CaseRow::waitingSince)).toList();
    }

    private String groupName(String groupId) {
        return StepRecorder.placed(groupId).map(p -> places.find(p.place())
                .map(place -> place.name() + " " + p.department().chineseName()).orElse(groupId)).orElse(groupId);
    }

    private ProcessDefinition definition(String processKey, Integer version) {
        var query = repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey).withoutTenantId();
        ProcessDefinition definition = version == null ? query.latestVersion().singleResult()
                : query.processDefinitionVersion(version).singleResult();
        if (definition == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有该流程或版本：" + processKey
                    + (version == null ? "" : " 第" + version + "版"));
        }
        return definition;
    }

    /** The user tasks of a process's latest version with their Chinese names (for targets and breaches). */
    Map<String, String> stepNames(String processKey) {
        return stepNames(definition(processKey, null));
    }

    /** The user tasks of a version, in the model's order, with their Chinese names. */
    private Map<String, String> stepNames(ProcessDefinition definition) {
        Map<String, String> names = new LinkedHashMap<>();
        repositoryService.getBpmnModelInstance(definition.getId()).getModelElementsByType(UserTask.class)
                .forEach(task -> names.put(task.getId(), task.getName()));
        return names;
    }
}
