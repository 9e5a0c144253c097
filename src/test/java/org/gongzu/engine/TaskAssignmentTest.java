package org.gongzu.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gongzu.support.MoveInFixture.SUB_DISTRICT;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.gongzu.support.GongzuTest;
import org.gongzu.support.MoveInFixture;
import org.gongzu.support.TestUsers;
import org.gongzu.support.WebappSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who may give a task to whom (TaskAssignmentRules), tried on every route an attacker has: the Java
 * API with a user set, Camunda's REST API, and the webapps' own REST application that Tasklist uses.
 * {@code hdrc} and its colleague {@code hdrc2} are the residents' committee of 学院路街道.
 */
@GongzuTest
class TaskAssignmentTest {

    private static final String COLLEAGUE = "hdrc2";
    private static final String RC_GROUP = "rc-" + SUB_DISTRICT;

    @Autowired TestRestTemplate http;
    @Autowired MoveInFixture fixture;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    @BeforeEach
    void colleagueOfTheResidentsCommitteeExists() {
        TestUsers.ensure(identityService, COLLEAGUE, "demo", RC_GROUP, "staff");
    }

    @Test
    void claimingForAnotherUserIsRefusedThroughTheJavaApi() {
        Task task = fixture.registrationTaskIn(SUB_DISTRICT);
        identityService.setAuthentication("hdrc", List.of(RC_GROUP, "staff"));
        try {
            for (String other : List.of(COLLEAGUE, "cypolice")) {
                assertThatThrownBy(() -> taskService.claim(task.getId(), other))
                        .isInstanceOf(AuthorizationException.class).hasMessage("只能由本人认领任务，不能替他人认领");
            }
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(assignee(task)).isNull();
    }

    @Test
    void claimingForAnotherUserAnswers403OverRestAndTheTaskStaysUnassigned() {
        Task task = fixture.registrationTaskIn(SUB_DISTRICT);
        for (String other : List.of("cypolice", COLLEAGUE, "demo")) {
            ResponseEntity<String> response = post("hdrc", "/engine-rest/task/" + task.getId() + "/claim",
                    "{\"userId\":\"" + other + "\"}");
            assertThat(response.getStatusCode()).as(other).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(assignee(task)).isNull();
    }

    @Test
    void claimingForAnotherUserAnswers403ThroughTheWebappsRest() {
        Task task = fixture.registrationTaskIn(SUB_DISTRICT);
        WebappSession hdrc = WebappSession.login(http, "hdrc");
        HttpResponse<String> response = hdrc.postJson(WebappSession.engine("/task/" + task.getId() + "/claim"),
                "{\"userId\":\"cypolice\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.body()).contains("只能由本人认领任务");
        assertThat(assignee(task)).isNull();

        HttpResponse<String> own = hdrc.postJson(WebappSession.engine("/task/" + task.getId() + "/claim"),
                "{\"userId\":\"hdrc\"}");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(204);
        assertThat(assignee(task)).isEqualTo("hdrc");
    }

    @Test
    void aTaskIsHandedOnlyToAColleagueOfItsDepartmentAndTheHandOverIsJournalled() {
        Task task = fixture.registrationTaskIn(SUB_DISTRICT);
        assertThat(post("hdrc", "/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"hdrc\"}").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        for (String outsider : List.of("cyrc", "hdpolice", "supervisor", "nobody")) {
            assertThat(post("hdrc", "/engine-rest/task/" + task.getId() + "/assignee", "{\"userId\":\"" + outsider + "\"}")
                    .getStatusCode()).as(outsider).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(assignee(task)).isEqualTo("hdrc");

        assertThat(post("hdrc", "/engine-rest/task/" + task.getId() + "/assignee", "{\"userId\":\"" + COLLEAGUE + "\"}")
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(assignee(task)).isEqualTo(COLLEAGUE);
        assertThat(handOvers(task)).singleElement().satisfies(entry -> {
            assertThat(entry.get("user_id")).isEqualTo("hdrc");
            assertThat((String) entry.get("entry")).contains("登记家庭成员信息", "hdrc", COLLEAGUE);
            assertThat(entry.get("recorded_at")).isNotNull();
        });
    }

    @Test
    void aColleagueCannotTakeOverATaskSomeoneElseIsWorking() {
        Task task = fixture.registrationTaskIn(SUB_DISTRICT);
        post("hdrc", "/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"hdrc\"}");
        assertThat(post(COLLEAGUE, "/engine-rest/task/" + task.getId() + "/assignee", "{\"userId\":\"" + COLLEAGUE + "\"}")
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(COLLEAGUE, "/engine-rest/task/" + task.getId() + "/unclaim", "").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(assignee(task)).isEqualTo("hdrc");
        assertThat(handOvers(task)).isEmpty();
    }

    @Test
    void staffCompletingAStepOverRestHandTheCaseToTheNextDepartment() {
        Task task = fixture.registrationTaskIn(SUB_DISTRICT);
        String members = "[{\\\"name\\\":\\\"张三\\\",\\\"idNumber\\\":\\\"" + MoveInFixture.HEAD_BEIJING + "\\\","
                + "\\\"relation\\\":\\\"HEAD\\\",\\\"hukou\\\":\\\"BEIJING\\\",\\\"birthDate\\\":\\\"1985-03-15\\\","
                + "\\\"employment\\\":\\\"EMPLOYED\\\",\\\"minLivingAllowance\\\":false}]";
        ResponseEntity<String> response = post("hdrc", "/engine-rest/task/" + task.getId() + "/complete",
                "{\"variables\":{\"members\":{\"type\":\"Json\",\"value\":\"" + members + "\"}}}");

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        Task police = taskService.createTaskQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
        assertThat(police.getTaskDefinitionKey()).isEqualTo("Task_ConfirmActualPopulation");
        assertThat(taskService.getIdentityLinksForTask(police.getId())).extracting(l -> l.getGroupId())
                .containsExactly("police-" + SUB_DISTRICT);
    }

    @Test
    void aClaimedTaskIsCompletedOnlyByTheOneWhoClaimedIt() {
        Task task = fixture.registrationTaskIn(SUB_DISTRICT);
        post("hdrc", "/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"hdrc\"}");
        ResponseEntity<String> response = post(COLLEAGUE, "/engine-rest/task/" + task.getId() + "/complete",
                "{\"variables\":{}}");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getBody()).contains("只有办理人本人可以办理");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    }

    @Test
    void delegationFollowsTheSameRule() {
        Task task = fixture.registrationTaskIn(SUB_DISTRICT);
        post("hdrc", "/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"hdrc\"}");
        assertThat(post("hdrc", "/engine-rest/task/" + task.getId() + "/delegate", "{\"userId\":\"cypolice\"}")
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(assignee(task)).isEqualTo("hdrc");

        assertThat(post("hdrc", "/engine-rest/task/" + task.getId() + "/delegate", "{\"userId\":\"" + COLLEAGUE + "\"}")
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        Task delegated = taskService.createTaskQuery().taskId(task.getId()).singleResult();
        assertThat(delegated.getAssignee()).isEqualTo(COLLEAGUE);
        assertThat(delegated.getOwner()).isEqualTo("hdrc");
        identityService.setAuthentication("hdrc", List.of(RC_GROUP, "staff"));
        try {
            assertThatThrownBy(() -> taskService.setOwner(task.getId(), "cypolice"))
                    .isInstanceOf(AuthorizationException.class).hasMessage("只能转交给负责本任务的部门的工作人员");
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(handOvers(task)).hasSize(1);
    }

    @Test
    void otherDepartmentsAndDistrictsCannotAssignAtAll() {
        Task task = fixture.registrationTaskIn(SUB_DISTRICT);
        for (String user : List.of("cyrc", "hdpolice", "supervisor")) {
            assertThat(post(user, "/engine-rest/task/" + task.getId() + "/assignee", "{\"userId\":\"" + user + "\"}")
                    .getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(post(user, "/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"" + user + "\"}")
                    .getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(assignee(task)).isNull();
    }

    @Test
    void staffCannotChangeWhichDepartmentsATaskBelongsTo() {
        Task task = fixture.registrationTaskIn(SUB_DISTRICT);
        assertThat(post("hdrc", "/engine-rest/task/" + task.getId() + "/identity-links",
                "{\"groupId\":\"police-110105028\",\"type\":\"candidate\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("hdrc", "/engine-rest/task/" + task.getId() + "/identity-links",
                "{\"userId\":\"cypolice\",\"type\":\"candidate\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("hdrc", "/engine-rest/task/" + task.getId() + "/identity-links/delete",
                "{\"groupId\":\"" + RC_GROUP + "\",\"type\":\"candidate\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(l -> l.getGroupId())
                .containsExactly(RC_GROUP);
        assertThat(http.withBasicAuth("cypolice", "demo").getForEntity("/engine-rest/task/" + task.getId(), String.class)
                .getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    }

    @Test
    void evenAnAdministratorHandsATaskOnlyToItsDepartment() {
        Task task = fixture.registrationTaskIn(SUB_DISTRICT);
        assertThat(post("demo", "/engine-rest/task/" + task.getId() + "/assignee", "{\"userId\":\"cypolice\"}")
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("demo", "/engine-rest/task/" + task.getId() + "/assignee", "{\"userId\":\"hdrc\"}")
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(handOvers(task)).singleElement().satisfies(e -> assertThat(e.get("user_id")).isEqualTo("demo"));
    }

    private String assignee(Task task) {
        return taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee();
    }

    private List<Map<String, Object>> handOvers(Task task) {
        String caseId = (String) taskService.getVariable(task.getId(), "caseId");
        return jdbc.queryForList("select user_id, entry, recorded_at from case_journal where case_id = ? and step = ?",
                caseId, TaskAssignmentRules.JOURNAL_STEP);
    }

    private ResponseEntity<String> post(String user, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "demo").postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }
}
