package org.gongzu.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gongzu.support.GongzuTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The monitoring figures on a small known history, written to monitoring_task for a district no
 * other test uses (990101): waiting, overdue, durations and their percentiles, the backlog per
 * department and place, the weekly trend, the cases behind a figure, and CSV.
 */
@GongzuTest
class MonitoringFiguresTest {

    static final String DISTRICT = "990101";
    static final String SUB = "990101001";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long HOUR = 3_600_000L;

    @Autowired JdbcTemplate jdbc;
    @Autowired TestRestTemplate http;

    private Instant now;
    private String version;

    @BeforeEach
    void knownHistory() {
        now = Instant.now();
        jdbc.update("delete from monitoring_task where district_code = ?", DISTRICT);
        version = String.valueOf(jdbc.queryForObject("select max(VERSION_) from ACT_RE_PROCDEF where KEY_ = 'TenantMoveIn'",
                Integer.class));
        // four confirmations completed in the last day, taking 1, 2, 3 and 4 hours
        for (int h = 1; h <= 4; h++) {
            row("owner-" + SUB, "owner", SUB, "Task_ConfirmMoveIn", "HH-M-" + h, now.minusSeconds(3600L * (h + 5)),
                    null, now.minusSeconds(3600L * 5), h * HOUR);
        }
        // one task routed to two departments, completed in 10 hours: counted once in the step's figures
        String twice = UUID.randomUUID().toString();
        row(twice, "owner-" + SUB, "owner", SUB, "Task_ConfirmMoveIn", "HH-M-5", now.minusSeconds(3600L * 40), null,
                now.minusSeconds(3600L * 30), 10 * HOUR);
        row(twice, "police-" + SUB, "police", SUB, "Task_ConfirmMoveIn", "HH-M-5", now.minusSeconds(3600L * 40), null,
                now.minusSeconds(3600L * 30), 10 * HOUR);
        // completed before the window: not in it
        row("owner-" + SUB, "owner", SUB, "Task_ConfirmMoveIn", "HH-M-6", now.minusSeconds(86_400L * 40), null,
                now.minusSeconds(86_400L * 35), 50 * HOUR);
        // three registrations waiting with the committee: one overdue, one due later, one without a due date
        row("rc-" + SUB, "rc", SUB, "Task_RegisterMembers", "HH-M-1", now.minusSeconds(3600L * 5), now.minusSeconds(3600), null, null);
        row("rc-" + SUB, "rc", SUB, "Task_RegisterMembers", "HH-M-2", now.minusSeconds(3600L * 4), now.plusSeconds(3600), null, null);
        row("rc-" + SUB, "rc", SUB, "Task_RegisterMembers", "HH-M-3", now.minusSeconds(3600L * 3), null, null, null);
    }

    private void row(String group, String department, String place, String element, String caseId, Instant created,
            Instant due, Instant ended, Long durationMs) {
        row(UUID.randomUUID().toString(), group, department, place, element, caseId, created, due, ended, durationMs);
    }

    private void row(String taskId, String group, String department, String place, String element, String caseId,
            Instant created, Instant due, Instant ended, Long durationMs) {
        jdbc.update("insert into monitoring_task (task_id, group_id, department, place_code, district_code,"
                + " sub_district_code, process_key, process_definition_id, process_version, element_id, case_id,"
                + " created_at, due_at, ended_at, outcome, duration_ms) values (?, ?, ?, ?, ?, ?, 'TenantMoveIn',"
                + " 'known', ?, ?, ?, ?, ?, ?, ?, ?)", taskId, group, department, place, DISTRICT, SUB,
                Integer.parseInt(version), element, caseId, Timestamp.from(created), due == null ? null : Timestamp.from(due),
                ended == null ? null : Timestamp.from(ended), ended == null ? null : "COMPLETED", durationMs);
    }

    private JsonNode get(String user, String path) throws Exception {
        ResponseEntity<String> answer = http.withBasicAuth(user, "demo").getForEntity(path, String.class);
        assertThat(answer.getStatusCode()).as(path + " " + answer.getBody()).isEqualTo(HttpStatus.OK);
        return JSON.readTree(answer.getBody());
    }

    private static JsonNode step(JsonNode view, String element) {
        for (JsonNode step : view.path("steps")) {
            if (step.path("elementId").asText().equals(element)) {
                return step;
            }
        }
        throw new AssertionError("no step " + element + " in " + view);
    }

    @Test
    void theStepsShowWaitingOverdueAndTheInterpolatedPercentilesOfTheWindow() throws Exception {
        JsonNode view = get("supervisor", "/api/monitoring/processes/TenantMoveIn?days=2&district=" + DISTRICT);
        assertThat(view.path("name").asText()).isEqualTo("承租家庭首次入住");
        JsonNode confirm = step(view, "Task_ConfirmMoveIn");
        assertThat(confirm.path("name").asText()).isEqualTo("确认入住并交付钥匙");
        assertThat(confirm.path("completed").asLong()).isEqualTo(5);
        // 1, 2, 3, 4 and 10 hours: the median is 3 hours; p90 lies 0.6 of the way from 4 to 10 hours
        assertThat(confirm.path("p50Ms").asDouble()).isEqualTo(3 * HOUR);
        assertThat(confirm.path("p90Ms").asDouble()).isEqualTo(4 * HOUR + 0.6 * 6 * HOUR);
        JsonNode register = step(view, "Task_RegisterMembers");
        assertThat(register.path("waiting").asLong()).isEqualTo(3);
        assertThat(register.path("overdue").asLong()).isEqualTo(1);
        assertThat(register.path("completed").asLong()).isZero();
        // a step with nothing in it is listed too, for the diagram
        assertThat(step(view, "Task_ConfirmActualPopulation").path("waiting").asLong()).isZero();

        // a one-day window leaves out the task that ended 30 hours ago
        JsonNode narrow = get("supervisor", "/api/monitoring/processes/TenantMoveIn?days=1&district=" + DISTRICT);
        assertThat(step(narrow, "Task_ConfirmMoveIn").path("completed").asLong()).isEqualTo(4);
        assertThat(step(narrow, "Task_ConfirmMoveIn").path("p50Ms").asDouble()).isEqualTo(2.5 * HOUR);
        assertThat(step(narrow, "Task_ConfirmMoveIn").path("p90Ms").asDouble()).isEqualTo(3.7 * HOUR);
        // the police department alone sees its one task
        JsonNode police = get("supervisor", "/api/monitoring/processes/TenantMoveIn?days=2&department=police&district=" + DISTRICT);
        assertThat(step(police, "Task_ConfirmMoveIn").path("completed").asLong()).isEqualTo(1);
        assertThat(step(police, "Task_ConfirmMoveIn").path("p50Ms").asDouble()).isEqualTo(10 * HOUR);
    }

    @Test
    void theBacklogNamesEachDepartmentAndPlaceWithOpenOverdueOldestAndCompleted() throws Exception {
        jdbc.update("insert into place (code, name, kind, parent_code) select ?, ?, 'SUBDISTRICT', null where not exists"
                + " (select 1 from place where code = ?)", SUB, "测试区测试街道", SUB);
        JsonNode rows = get("supervisor", "/api/monitoring/backlog?days=2&processKey=TenantMoveIn&district=" + DISTRICT)
                .path("rows");
        assertThat(rows).hasSize(3);
        JsonNode rc = rows.get(0);
        assertThat(rc.path("department").asText()).isEqualTo("rc");
        assertThat(rc.path("groupName").asText()).isEqualTo("测试区测试街道 居委会");
        assertThat(rc.path("open").asLong()).isEqualTo(3);
        assertThat(rc.path("overdue").asLong()).isEqualTo(1);
        assertThat(rc.path("oldestWaitingSince").asText()).isNotBlank();
        JsonNode owner = find(rows, "owner");
        assertThat(owner.path("open").asLong()).isZero();
        assertThat(owner.path("completed").asLong()).isEqualTo(5);
        assertThat(find(rows, "police").path("completed").asLong()).isEqualTo(1);
    }

    @Test
    void theTrendCountsArrivalsAndCompletionsPerWeekAndTheCasesBehindAStepAreListed() throws Exception {
        JsonNode trend = get("supervisor", "/api/monitoring/processes/TenantMoveIn/trend?days=3&district=" + DISTRICT);
        long arrivals = 0;
        long completions = 0;
        for (JsonNode step : trend.path("steps")) {
            if (step.path("elementId").asText().equals("Task_ConfirmMoveIn")) {
                for (JsonNode week : step.path("weeks")) {
                    arrivals += week.path("arrivals").asLong();
                    completions += week.path("completions").asLong();
                    LocalDate start = LocalDate.parse(week.path("weekStart").asText());
                    assertThat(start.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
                }
            }
        }
        assertThat(arrivals).isEqualTo(5);
        assertThat(completions).isEqualTo(5);

        JsonNode cases = get("supervisor", "/api/monitoring/cases?processKey=TenantMoveIn&elementId=Task_RegisterMembers"
                + "&district=" + DISTRICT);
        assertThat(cases).hasSize(3);
        assertThat(cases.get(0).path("caseId").asText()).isEqualTo("HH-M-1");
        assertThat(cases.get(0).path("overdue").asBoolean()).isTrue();
        assertThat(cases.get(0).path("stepName").asText()).isEqualTo("登记家庭成员信息");
        JsonNode cell = get("supervisor", "/api/monitoring/cases?department=rc&place=" + SUB);
        assertThat(cell).hasSize(3);
    }

    @Test
    void everyTableComesAsCsvWithChineseHeaders() {
        ResponseEntity<String> csv = http.withBasicAuth("supervisor", "demo").getForEntity(
                "/api/monitoring/backlog?format=csv&days=2&district=" + DISTRICT, String.class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        List<String> lines = csv.getBody().lines().toList();
        assertThat(lines.get(0)).contains("\"部门名称\"", "\"待办\"", "\"逾期\"");
        assertThat(lines).hasSize(4);
        ResponseEntity<String> steps = http.withBasicAuth("supervisor", "demo").getForEntity(
                "/api/monitoring/processes/TenantMoveIn?format=csv&days=1&district=" + DISTRICT, String.class);
        assertThat(steps.getBody()).contains("\"确认入住并交付钥匙\"", "\"2.5\"", "\"3.7\"");
        // a value that a spreadsheet would run as a formula is shown as text
        assertThat(MonitoringController.cell("=1+1")).isEqualTo("\"'=1+1\"");
    }

    private static JsonNode find(JsonNode rows, String department) {
        for (JsonNode row : rows) {
            if (row.path("department").asText().equals(department)) {
                return row;
            }
        }
        throw new AssertionError("no " + department + " in " + rows);
    }

}
