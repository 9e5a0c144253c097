package org.gongzu.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gongzu.support.GongzuTest;
import org.gongzu.support.MoveInFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine keeps monitoring_task as steps are routed, rescheduled, completed and cancelled; and the
 * figures are for supervisors only, a district's supervisor kept to the district.
 */
@GongzuTest
class MonitoringRecordAndAccessTest {

    @Autowired MoveInFixture fixture;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestRestTemplate http;

    @Test
    void eachStepIsRecordedWithItsDepartmentPlaceDueDateAndHowItEnded() {
        ProcessInstance pi = fixture.startMoveIn(fixture.occupiedProject(MoveInFixture.SUB_DISTRICT));
        Task confirm = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        Map<String, Object> row = jdbc.queryForMap("select * from monitoring_task where task_id = ?", confirm.getId());
        assertThat(row).containsEntry("group_id", "owner-110108015").containsEntry("department", "owner")
                .containsEntry("place_code", "110108015").containsEntry("district_code", "110108")
                .containsEntry("sub_district_code", "110108015").containsEntry("process_key", "TenantMoveIn")
                .containsEntry("element_id", "Task_ConfirmMoveIn").containsEntry("case_id", pi.getBusinessKey());
        assertThat(row.get("ended_at")).isNull();

        Date due = new Date(System.currentTimeMillis() + 86_400_000L);
        taskService.setDueDate(confirm.getId(), due);
        assertThat(jdbc.queryForObject("select due_at from monitoring_task where task_id = ?", java.sql.Timestamp.class,
                confirm.getId()).getTime()).isEqualTo(due.getTime());

        taskService.complete(confirm.getId(), MoveInFixture.moveIn());
        Map<String, Object> done = jdbc.queryForMap("select * from monitoring_task where task_id = ?", confirm.getId());
        assertThat(done.get("outcome")).isEqualTo("COMPLETED");
        assertThat(((Number) done.get("duration_ms")).longValue()).isGreaterThanOrEqualTo(0);

        Task register = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(jdbc.queryForObject("select group_id from monitoring_task where task_id = ?", String.class,
                register.getId())).isEqualTo("rc-110108015");
        // a case cancelled: its open step ended, not completed, and not counted as done
        runtimeService.deleteProcessInstance(pi.getId(), "测试撤销");
        assertThat(jdbc.queryForObject("select outcome from monitoring_task where task_id = ?", String.class,
                register.getId())).isEqualTo("DELETED");
    }

    @Test
    void supervisorsSeeEveryDistrictADistrictsSupervisorItsOwnAndNobodyElseAnything() throws Exception {
        String path = "/api/monitoring/processes/TenantMoveIn";
        assertThat(status("supervisor", path)).isEqualTo(HttpStatus.OK);
        assertThat(status("demo", path)).isEqualTo(HttpStatus.OK);
        // a district's supervisor is kept to the district, and refused another one
        ResponseEntity<String> own = http.withBasicAuth("hdsupervisor", "demo").getForEntity(path, String.class);
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(own.getBody()).contains("\"district\":\"110108\"");
        assertThat(status("hdsupervisor", path + "?district=110105")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status("hdsupervisor", path + "?subDistrict=110105028")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status("cysupervisor", "/api/monitoring/backlog?district=110108")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status("cysupervisor", "/api/monitoring/cases?district=110108")).isEqualTo(HttpStatus.FORBIDDEN);
        // department staff and managers see nothing of it; nobody without a login
        for (String user : List.of("hdrc", "hdowner", "hdcivil", "manager")) {
            assertThat(status(user, path)).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(status(user, "/api/monitoring/backlog")).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(http.getForEntity(path, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        // bad filters are named in Chinese
        ResponseEntity<String> bad = http.withBasicAuth("supervisor", "demo").getForEntity(path + "?days=0&district=abc",
                String.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody()).contains("时间范围（天）", "「区」的取值无效");
        assertThat(status("supervisor", "/api/monitoring/processes/NoSuchProcess")).isEqualTo(HttpStatus.NOT_FOUND);
        // read-only for supervisors: targets are the process managers'
        assertThat(put("supervisor", "/api/monitoring/thresholds/TenantMoveIn/Task_ConfirmMoveIn", "{\"p90MaxHours\":48}"))
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(put("manager", "/api/monitoring/thresholds/TenantMoveIn/Task_NoSuchStep", "{\"p90MaxHours\":48}"))
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aDistrictsSupervisorOpensTheCasesBehindItsFiguresMaskedAndOnlyInItsDistrict() {
        Task police = fixture.policeStepIn(MoveInFixture.SUB_DISTRICT);
        String caseId = fixture.caseOf(police);
        ResponseEntity<String> seen = http.withBasicAuth("hdsupervisor", "demo").getForEntity("/api/cases/" + caseId,
                String.class);
        assertThat(seen.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(seen.getBody()).contains("王五").doesNotContain(MoveInFixture.SPOUSE_BEIJING)
                .contains(MoveInFixture.SPOUSE_BEIJING.substring(0, 6) + "**********");
        assertThat(status("hdsupervisor", "/api/households/" + caseId)).isEqualTo(HttpStatus.OK);
        assertThat(status("hdsupervisor", "/api/cases/" + caseId + "/documents")).isEqualTo(HttpStatus.OK);
        // the other district's supervisor learns nothing of it
        assertThat(status("cysupervisor", "/api/cases/" + caseId)).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status("cysupervisor", "/api/households/" + caseId)).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status("cysupervisor", "/api/cases/" + caseId + "/documents")).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private HttpStatus status(String user, String path) {
        return (HttpStatus) http.withBasicAuth(user, "demo").getForEntity(path, String.class).getStatusCode();
    }

    private HttpStatus put(String user, String path, String json) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        return (HttpStatus) http.withBasicAuth(user, "demo").exchange(path, HttpMethod.PUT, new HttpEntity<>(json, headers),
                String.class).getStatusCode();
    }
}
