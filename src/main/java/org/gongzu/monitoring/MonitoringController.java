package org.gongzu.monitoring;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;

import org.gongzu.validation.FieldError;
import org.gongzu.validation.InvalidInputException;
import org.gongzu.webapp.Caller;
import org.gongzu.webapp.Callers;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The monitoring figures as JSON, or CSV with {@code format=csv}: {@code /api/monitoring/…} with HTTP
 * Basic and {@code /camunda/api/gongzu/monitoring/…} with the webapps' session (the Cockpit view).
 * Filters on every view: {@code days}, {@code version}, {@code district}, {@code subDistrict},
 * {@code department}.
 */
@RestController
class MonitoringController {

    private static final String BASIC = "/api/monitoring";
    private static final String SESSION = "${camunda.bpm.webapp.application-path:/camunda}/api/gongzu/monitoring";

    private final MonitoringViews views;
    private final Thresholds thresholds;
    private final Callers callers;

    MonitoringController(MonitoringViews views, Thresholds thresholds, Callers callers) {
        this.views = views;
        this.thresholds = thresholds;
        this.callers = callers;
    }

    @GetMapping({BASIC + "/processes/{key}", SESSION + "/processes/{key}"})
    ResponseEntity<?> process(@PathVariable String key, @RequestParam Map<String, String> params,
            HttpServletRequest request) {
        MonitoringFilter filter = filter(params, request);
        MonitoringViews.ProcessView view = callers.asSystem(() -> views.process(key, filter));
        return answer(params, view, "流程环节-" + key, view.steps(),
                List.of("环节编号", "环节", "当前等待", "逾期", "最早等待自", "窗口内办结", "P50（小时）", "P90（小时）",
                        "P90目标（小时）", "是否超出目标", "百分位为估算"),
                s -> List.of(s.elementId(), s.name(), s.waiting(), s.overdue(), time(s.oldestWaitingSince()), s.completed(),
                        hours(s.p50Ms()), hours(s.p90Ms()), s.p90TargetHours() == null ? "" : s.p90TargetHours(),
                        s.p90Breached() ? "是" : "否", s.percentilesEstimated() ? "是" : "否"));
    }

    @GetMapping({BASIC + "/processes/{key}/trend", SESSION + "/processes/{key}/trend"})
    ResponseEntity<?> trend(@PathVariable String key, @RequestParam Map<String, String> params,
            HttpServletRequest request) {
        MonitoringFilter filter = filter(params, request);
        MonitoringViews.Trend trend = callers.asSystem(() -> views.trend(key, filter));
        List<Object[]> rows = new ArrayList<>();
        trend.steps().forEach(step -> step.weeks().forEach(week -> rows.add(new Object[] {step.elementId(), step.name(),
            week.weekStart(), week.arrivals(), week.completions()})));
        return answer(params, trend, "流程趋势-" + key, rows, List.of("环节编号", "环节", "周（起始日）", "到达", "办结"),
                row -> java.util.Arrays.asList(row));
    }

    @GetMapping({BASIC + "/backlog", SESSION + "/backlog"})
    ResponseEntity<?> backlog(@RequestParam Map<String, String> params, HttpServletRequest request) {
        String processKey = blankToNull(params.get("processKey"));
        MonitoringFilter filter = filter(params, request);
        MonitoringViews.Backlog backlog = callers.asSystem(() -> views.backlog(processKey, filter));
        return answer(params, backlog, "积压", backlog.rows(),
                List.of("部门", "地区", "部门名称", "待办", "逾期", "最早等待自", "窗口内办结"),
                r -> List.of(r.department(), r.placeCode(), r.groupName(), r.open(), r.overdue(),
                        time(r.oldestWaitingSince()), r.completed()));
    }

    @GetMapping({BASIC + "/cases", SESSION + "/cases"})
    ResponseEntity<?> cases(@RequestParam Map<String, String> params, HttpServletRequest request) {
        String place = blankToNull(params.get("place"));
        if (place != null && !place.matches("\\d{6}|\\d{9}")) {
            throw new InvalidInputException(List.of(new FieldError("place", "「地区」的取值无效")));
        }
        MonitoringFilter filter = filter(params, request);
        List<MonitoringViews.CaseRow> cases = callers.asSystem(() -> views.cases(blankToNull(params.get("processKey")),
                blankToNull(params.get("elementId")), filter.department(), place, filter));
        return answer(params, cases, "案卷", cases,
                List.of("案卷号", "流程", "环节", "办理部门", "等待自", "期限", "是否逾期"),
                c -> List.of(c.caseId() == null ? "" : c.caseId(), c.processKey(), c.stepName(), c.groupName(),
                        time(c.waitingSince()), time(c.dueAt()), c.overdue() ? "是" : "否"));
    }

    /** The targets of a process, for everyone who sees its monitoring. */
    @GetMapping({BASIC + "/thresholds/{key}", SESSION + "/thresholds/{key}"})
    Map<String, Thresholds.Target> targets(@PathVariable String key, HttpServletRequest request) {
        MonitoringAccess.scoped(callers.of(request).groups(), new MonitoringFilter(1, null, null, null, null, null, null));
        return thresholds.of(key);
    }

    /** A step's targets, set by process managers: {@code {"p90MaxHours": 120, "backlogMax": 50}}; both empty removes them. */
    @PutMapping({BASIC + "/thresholds/{key}/{elementId}", SESSION + "/thresholds/{key}/{elementId}"})
    Map<String, Thresholds.Target> setTarget(@PathVariable String key, @PathVariable String elementId,
            @RequestBody Map<String, Object> body, HttpServletRequest request) {
        Caller caller = callers.of(request);
        MonitoringAccess.mayChangeTargets(caller.groups());
        Map<String, String> steps = callers.asSystem(() -> views.stepNames(key));
        List<FieldError> errors = new ArrayList<>();
        if (!steps.containsKey(elementId)) {
            errors.add(new FieldError("elementId", "「环节」不是该流程的人工任务：" + elementId));
        }
        Integer p90 = positive(body, "p90MaxHours", "P90目标（小时）", 24 * 366, errors);
        Integer backlog = positive(body, "backlogMax", "积压目标（件）", 1_000_000, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        thresholds.set(key, elementId, p90, backlog, caller.userId(), MonitoringViews.now());
        return thresholds.of(key);
    }

    private MonitoringFilter filter(Map<String, String> params, HttpServletRequest request) {
        List<String> groups = callers.of(request).groups();
        return MonitoringAccess.scoped(groups, MonitoringFilter.of(params, MonitoringViews.now()));
    }

    private static <T> ResponseEntity<?> answer(Map<String, String> params, Object json, String fileName, List<T> rows,
            List<String> headers, Function<T, List<?>> row) {
        if (!"csv".equalsIgnoreCase(params.getOrDefault("format", ""))) {
            return ResponseEntity.ok(json);
        }
        StringBuilder csv = new StringBuilder("\uFEFF"); // a BOM, so that Excel reads the Chinese as UTF-8
        csv.append(String.join(",", headers.stream().map(MonitoringController::cell).toList())).append("\r\n");
        for (T r : rows) {
            csv.append(String.join(",", row.apply(r).stream().map(v -> cell(String.valueOf(v))).toList())).append("\r\n");
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName + ".csv", StandardCharsets.UTF_8).build().toString())
                .body(csv.toString());
    }

    /** A CSV cell, quoted; a leading formula character is defused so that a spreadsheet shows it as text. */
    static String cell(String value) {
        String text = value == null || value.equals("null") ? "" : value;
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private static Integer positive(Map<String, Object> body, String key, String label, int max, List<FieldError> errors) {
        Object raw = body == null ? null : body.get(key);
        if (raw == null || raw.toString().isBlank()) {
            return null;
        }
        try {
            int value = Integer.parseInt(raw.toString().strip());
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        errors.add(new FieldError(key, "「" + label + "」应为1至" + max + "之间的整数"));
        return null;
    }

    private static String hours(Double ms) {
        return ms == null ? "" : String.format("%.1f", ms / 3_600_000.0);
    }

    private static String time(Timestamp time) {
        return time == null ? "" : time.toLocalDateTime().toString().replace('T', ' ');
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
