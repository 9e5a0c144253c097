package org.gongzu.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.gongzu.support.GongzuTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A target a process manager sets is compared with the figures; a breach puts one task before the
 * municipal supervisors, however often it is checked, until the figure is back within the target.
 */
@GongzuTest
class BreachWatchTest {

    private static final long HOUR = 3_600_000L;

    @Autowired BreachWatch watch;
    @Autowired JdbcTemplate jdbc;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired org.camunda.bpm.engine.AuthorizationService authorizationService;
    @Autowired TestRestTemplate http;

    @AfterEach
    void clean() {
        jdbc.update("delete from monitoring_threshold where process_key = 'CommitteeSetup' and element_id = 'Task_ElectCommittee'");
        jdbc.update("delete from monitoring_task where district_code = '990102'");
    }

    private void completed(long durationMs, Instant now) {
        jdbc.update("insert into monitoring_task (task_id, group_id, department, place_code, district_code,"
                + " sub_district_code, process_key, process_definition_id, process_version, element_id, created_at,"
                + " ended_at, outcome, duration_ms) values (?, 'sdo-990102001', 'sdo', '990102001', '990102', '990102001',"
                + " 'CommitteeSetup', 'known', 1, 'Task_ElectCommittee', ?, ?, 'COMPLETED', ?)", UUID.randomUUID().toString(),
                Timestamp.from(now.minusMillis(durationMs + HOUR)), Timestamp.from(now.minusMillis(HOUR)), durationMs);
    }

    private long breachTasks() {
        return taskService.createTaskQuery().processDefinitionKey("TargetBreach").taskCandidateGroup("supervisor-990102")
                .taskNameLike("办理时长超出目标：选举产生社区居民委员会%").count();
    }

    @Test
    void aBreachRaisesOneTaskForTheProcessOwnersUntilItIsOverAndANewOneRaisesAnother() {
        Instant now = Instant.now();
        // every real election in the test database took milliseconds: a day-long one breaks a one-hour p90 target
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.withBasicAuth("manager", "demo").exchange("/api/monitoring/thresholds/CommitteeSetup/Task_ElectCommittee",
                HttpMethod.PUT, new HttpEntity<>("{\"p90MaxHours\": 1}", headers), String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        long before = breachTasks();
        for (int i = 0; i < 20; i++) {
            completed(24 * HOUR, now);
        }
        assertThat(watch.check(now)).anyMatch(b -> b.startsWith("CommitteeSetup Task_ElectCommittee P90"));
        assertThat(watch.check(now)).noneMatch(b -> b.startsWith("CommitteeSetup Task_ElectCommittee P90"));
        assertThat(breachTasks()).isEqualTo(before + 1);
        Task task = taskService.createTaskQuery().processDefinitionKey("TargetBreach").taskCandidateGroup("supervisor-990102")
                .taskNameLike("办理时长超出目标：选举产生社区居民委员会%").orderByTaskCreateTime().desc().list().get(0);
        assertThat(task.getDescription()).contains("第90百分位办理时长为 24.0 小时", "目标不超过 1.0 小时");
        assertThat(http.withBasicAuth("supervisor", "demo").getForEntity("/api/monitoring/processes/CommitteeSetup",
                String.class).getBody()).contains("\"p90Breached\":true");

        // back within the target: the breach closes; a new one later is a new task
        jdbc.update("delete from monitoring_task where district_code = '990102'");
        assertThat(watch.check(now)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from monitoring_breach where process_key = 'CommitteeSetup'"
                + " and element_id = 'Task_ElectCommittee' and open_marker = 'Y'", Integer.class)).isZero();
        for (int i = 0; i < 20; i++) {
            completed(24 * HOUR, now);
        }
        assertThat(watch.check(now)).hasSize(1);
        assertThat(breachTasks()).isEqualTo(before + 2);

        // the district's supervisors take it up in Tasklist and record what they did
        if (identityService.createGroupQuery().groupId("supervisor-990102").count() == 0) {
            // a district of its own, given the rights AccessBootstrap gives every district's supervisors
            identityService.saveGroup(identityService.newGroup("supervisor-990102"));
            org.camunda.bpm.engine.authorization.Authorization read = authorizationService.createNewAuthorization(
                    org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
            read.setGroupId("supervisor-990102");
            read.setResource(org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION);
            read.setResourceId("*");
            read.addPermission(org.camunda.bpm.engine.authorization.Permissions.READ);
            authorizationService.saveAuthorization(read);
        }
        String districtSupervisor = org.gongzu.support.TestUsers.create(identityService, "dsup", "demo", "supervisor-990102");
        identityService.setAuthentication(districtSupervisor, java.util.List.of("supervisor-990102"));
        try {
            taskService.claim(task.getId(), districtSupervisor);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> taskService.complete(task.getId(), java.util.Map.of()))
                    .hasMessageContaining("「采取的措施」为必填项");
            taskService.complete(task.getId(), java.util.Map.of("measures", "约谈街道办事处，限期办结积压"));
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
        assertThat(jdbc.queryForList("select response from monitoring_breach where process_key = 'CommitteeSetup'"
                + " and element_id = 'Task_ElectCommittee' and response is not null", String.class))
                .contains("约谈街道办事处，限期办结积压");
    }
}
