package org.gongzu.monitoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.gongzu.engine.SystemActions;
import org.gongzu.identity.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compares the figures with the targets every few minutes ({@code gongzu.monitoring.breach-check},
 * default 5 minutes) and puts a task before the process owners (the municipal supervisors) once per
 * breach: a breach is a row claimed with a unique key while it lasts, so neither a second check nor a
 * second node raises it again; once the figure is back within the target the breach closes, and a
 * later one is new.
 */
@Component
@org.springframework.scheduling.annotation.EnableScheduling
public class BreachWatch {

    private static final Logger LOG = LoggerFactory.getLogger(BreachWatch.class);

    private final Thresholds thresholds;
    private final MonitoringQueries queries;
    private final JdbcTemplate jdbc;
    private final TaskService taskService;
    private final MonitoringViews views;

    BreachWatch(Thresholds thresholds, MonitoringQueries queries, JdbcTemplate jdbc, TaskService taskService,
            MonitoringViews views) {
        this.thresholds = thresholds;
        this.queries = queries;
        this.jdbc = jdbc;
        this.taskService = taskService;
        this.views = views;
    }

    @Scheduled(fixedDelayString = "${gongzu.monitoring.breach-check:PT5M}", initialDelayString = "${gongzu.monitoring.breach-check:PT5M}")
    void scheduled() {
        try {
            check(MonitoringViews.now());
        } catch (RuntimeException e) {
            LOG.warn("Monitoring targets not checked: {}", e.toString());
        }
    }

    /** Checks every target over the default window up to {@code now}; answers the breaches newly raised. */
    @Transactional
    public List<String> check(Instant now) {
        MonitoringFilter window = new MonitoringFilter(MonitoringFilter.DEFAULT_DAYS,
                now.minusSeconds(MonitoringFilter.DEFAULT_DAYS * 86_400L), now, null, null, null, null);
        List<String> raised = new ArrayList<>();
        thresholds.all().forEach((processKey, targets) -> {
            Map<String, MonitoringQueries.Done> done = queries.done(processKey, window);
            Map<String, Long> openByStepAndPlace = new HashMap<>();
            for (MonitoringQueries.OpenCount count : queries.openByStepAndPlace(processKey)) {
                openByStepAndPlace.merge(count.elementId() + "|" + count.placeCode(), count.open(), Long::sum);
            }
            targets.values().forEach(target -> {
                String element = target.elementId();
                if (target.p90MaxHours() != null) {
                    MonitoringQueries.Done d = done.get(element);
                    long limit = target.p90MaxHours() * 3_600_000L;
                    evaluate(processKey, element, "P90", "ALL", d == null ? 0 : Math.round(d.p90()), limit, now, raised);
                }
                if (target.backlogMax() != null) {
                    List<String> placesSeen = new ArrayList<>();
                    openByStepAndPlace.forEach((key, open) -> {
                        if (key.startsWith(element + "|")) {
                            String place = key.substring(element.length() + 1);
                            placesSeen.add(place);
                            evaluate(processKey, element, "BACKLOG", place, open, target.backlogMax(), now, raised);
                        }
                    });
                    // places whose backlog emptied close their breach
                    jdbc.queryForList("select place_code from monitoring_breach where process_key = ? and element_id = ?"
                            + " and kind = 'BACKLOG' and open_marker = 'Y'", String.class, processKey, element).stream()
                            .filter(place -> !placesSeen.contains(place))
                            .forEach(place -> close(processKey, element, "BACKLOG", place, now));
                }
            });
        });
        return raised;
    }

    private void evaluate(String processKey, String element, String kind, String place, long measured, long target,
            Instant now, List<String> raised) {
        if (measured <= target) {
            close(processKey, element, kind, place, now);
            return;
        }
        int claimed = jdbc.update("insert into monitoring_breach (process_key, element_id, kind, place_code, measured,"
                + " target, opened_at, open_marker) select ?, ?, ?, ?, ?, ?, ?, 'Y' where not exists (select 1 from"
                + " monitoring_breach where process_key = ? and element_id = ? and kind = ? and place_code = ?"
                + " and open_marker = 'Y')", processKey, element, kind, place, measured, target, Timestamp.from(now),
                processKey, element, kind, place);
        if (claimed == 0) {
            return;
        }
        String stepName = views.process(processKey, new MonitoringFilter(1, now.minusSeconds(86_400), now, null, null,
                null, null)).steps().stream().filter(s -> s.elementId().equals(element)).findFirst()
                .map(MonitoringViews.Step::name).orElse(element);
        String name = "P90".equals(kind) ? "办理时长超出目标：" + stepName
                : "积压超出目标：" + stepName + "（" + place + "）";
        String description = "P90".equals(kind)
                ? "近30天「" + stepName + "」的第90百分位办理时长为 " + hours(measured) + " 小时，目标不超过 " + hours(target) + " 小时。"
                : "「" + stepName + "」在 " + place + " 的待办积压为 " + measured + " 件，目标不超过 " + target + " 件。";
        Task task = SystemActions.run(() -> {
            Task created = taskService.newTask();
            created.setName(name);
            created.setDescription(description + "请查看流程监控并采取措施。");
            taskService.saveTask(created);
            taskService.addCandidateGroup(created.getId(), Roles.SUPERVISOR);
            return created;
        });
        jdbc.update("update monitoring_breach set task_id = ? where process_key = ? and element_id = ? and kind = ?"
                + " and place_code = ? and open_marker = 'Y'", task.getId(), processKey, element, kind, place);
        LOG.info("Monitoring target breached: {} {} {} at {}: {} over {}", processKey, element, kind, place, measured, target);
        raised.add(processKey + " " + element + " " + kind + " " + place);
    }

    private void close(String processKey, String element, String kind, String place, Instant now) {
        jdbc.update("update monitoring_breach set closed_at = ?, open_marker = null where process_key = ?"
                + " and element_id = ? and kind = ? and place_code = ? and open_marker = 'Y'", Timestamp.from(now),
                processKey, element, kind, place);
    }

    private static String hours(long ms) {
        return String.format("%.1f", ms / 3_600_000.0);
    }
}
