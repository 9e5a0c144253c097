package org.gongzu.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzu.support.MoveInFixture.SUB_DISTRICT;

import java.net.http.HttpResponse;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.gongzu.support.GongzuTest;
import org.gongzu.support.MoveInFixture;
import org.gongzu.support.TestUsers;
import org.gongzu.support.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Task visibility comes from the tasks' links, with no authorization row per task (ADR 0013).
 * The matrix: the task's department sees and works it on every route; another department of the
 * same place, the same department of another place and a department of the district see nothing
 * of it: not the task by id, its variables, its process instance's variables, its history, its
 * form, its identity links, nor a claim.
 */
@GongzuTest
class TaskVisibilityTest {

    private static final List<String> OUTSIDERS = List.of("hdpolice", "cyrc", "hdedu", "hdowner");

    @Autowired TestRestTemplate http;
    @Autowired MoveInFixture fixture;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired IdentityService identityService;
    @Autowired AuthorizationService authorizationService;
    @Autowired JdbcTemplate jdbc;

    @Test
    void noAuthorizationRowIsWrittenPerTaskWhateverHappensToIt() {
        Task task = fixture.registrationTaskIn(SUB_DISTRICT);
        assertThat(rest("hdrc", "POST", "/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"hdrc\"}")
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(jdbc.queryForObject("select count(*) from act_ru_authorization where resource_type_ = ? and resource_id_ <> '*'",
                Long.class, Resources.TASK.resourceType())).isZero();
    }

    @Test
    void outsidersReachNothingOfTheTaskOverRest() {
        Task task = fixture.registrationTaskIn(SUB_DISTRICT);
        String id = task.getId();
        String pi = task.getProcessInstanceId();
        for (String user : OUTSIDERS) {
            for (String path : List.of("/engine-rest/task/" + id, "/engine-rest/task/" + id + "/variables",
                    "/engine-rest/task/" + id + "/form-variables", "/engine-rest/task/" + id + "/identity-links",
                    "/engine-rest/task/" + id + "/form", "/engine-rest/process-instance/" + pi + "/variables")) {
                assertThat(rest(user, "GET", path, null).getStatusCode()).as(user + " " + path)
                        .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
            }
            for (String path : List.of("/engine-rest/task?maxResults=100&processInstanceId=" + pi,
                    "/engine-rest/task?maxResults=100&taskId=" + id,
                    "/engine-rest/variable-instance?maxResults=100&processInstanceIdIn=" + pi,
                    "/engine-rest/history/task?maxResults=100&processInstanceId=" + pi,
                    "/engine-rest/history/variable-instance?maxResults=100&processInstanceId=" + pi,
                    "/engine-rest/history/process-instance?maxResults=100&processInstanceId=" + pi)) {
                ResponseEntity<String> response = rest(user, "GET", path, null);
                assertThat(response.getStatusCode()).as(user + " " + path).isEqualTo(HttpStatus.OK);
                assertThat(response.getBody()).as(user + " " + path).isEqualTo("[]");
            }
            assertThat(rest(user, "POST", "/engine-rest/task/" + id + "/claim", "{\"userId\":\"" + user + "\"}")
                    .getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(rest(user, "PUT", "/engine-rest/task/" + id + "/variables/note",
                    "{\"value\":\"x\",\"type\":\"String\"}").getStatusCode()).as(user)
                    .isIn(HttpStatus.FORBIDDEN, HttpStatus.BAD_REQUEST);
        }
        assertThat(taskService.createTaskQuery().taskId(id).singleResult().getAssignee()).isNull();
        assertThat(taskService.getVariable(id, "note")).isNull();
    }

    @Test
    void theDepartmentSeesAndReadsItsTaskOnEveryRoute() {
        Task task = fixture.registrationTaskIn(SUB_DISTRICT);
        String id = task.getId();
        assertThat(rest("hdrc", "GET", "/engine-rest/task/" + id, null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rest("hdrc", "GET", "/engine-rest/task/" + id + "/form-variables", null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(rest("hdrc", "GET", "/engine-rest/task?maxResults=100&processInstanceId=" + task.getProcessInstanceId(), null).getBody())
                .contains(id);
        WebappSession hdrc = WebappSession.login(http, "hdrc");
        assertThat(hdrc.get(WebappSession.engine("/task/" + id)).statusCode()).isEqualTo(200);
        WebappSession police = WebappSession.login(http, "hdpolice");
        assertThat(police.get(WebappSession.engine("/task/" + id)).statusCode()).isIn(403, 404);
        HttpResponse<String> policeList = police.get(WebappSession.engine("/task?maxResults=100&processInstanceId=" + task.getProcessInstanceId()));
        assertThat(policeList.statusCode()).isEqualTo(200);
        assertThat(policeList.body()).isEqualTo("[]");
    }

    @Test
    void aTaskIsNoLongerVisibleToSomeoneItNoLongerNames() {
        // an administrator names an outsider as owner; once someone else is owner, the task is gone for them
        Task task = fixture.registrationTaskIn(SUB_DISTRICT);
        String outsider = TestUsers.create(identityService, "vis", "demo");
        taskService.setOwner(task.getId(), outsider);
        assertThat(rest(outsider, "GET", "/engine-rest/task/" + task.getId(), null).getStatusCode()).isEqualTo(HttpStatus.OK);
        taskService.setOwner(task.getId(), "hdrc");
        assertThat(rest(outsider, "GET", "/engine-rest/task/" + task.getId(), null).getStatusCode())
                .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        assertThat(rest(outsider, "GET", "/engine-rest/task?maxResults=100&taskId=" + task.getId(), null).getBody()).isEqualTo("[]");
    }

    @Test
    void aGrantMadeInAdminOnAProcessStillOpensItsTasks() {
        Task task = fixture.registrationTaskIn(SUB_DISTRICT);
        String auditor = TestUsers.create(identityService, "audit", "demo");
        assertThat(rest(auditor, "GET", "/engine-rest/task?maxResults=100&taskId=" + task.getId(), null).getBody()).isEqualTo("[]");

        Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setUserId(auditor);
        grant.setResource(Resources.PROCESS_DEFINITION);
        grant.setResourceId("TenantMoveIn");
        grant.addPermission(Permissions.READ_TASK);
        authorizationService.saveAuthorization(grant);
        try {
            assertThat(rest(auditor, "GET", "/engine-rest/task?maxResults=100&taskId=" + task.getId(), null).getBody()).contains(task.getId());
            assertThat(rest(auditor, "GET", "/engine-rest/task/" + task.getId(), null).getStatusCode()).isEqualTo(HttpStatus.OK);
            // reading is not working: no claim
            assertThat(rest(auditor, "POST", "/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"" + auditor + "\"}")
                    .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        } finally {
            authorizationService.deleteAuthorization(grant.getId());
        }
    }

    @Test
    void aDepartmentsFilterCountsExactlyItsOwnOpenTasks() {
        Task task = fixture.registrationTaskIn(SUB_DISTRICT);
        long expected = taskService.createTaskQuery().taskCandidateGroup("rc-" + SUB_DISTRICT).includeAssignedTasks().count();
        String filterId = jdbc.queryForObject("select id_ from act_ru_filter where name_ = '本部门待办'", String.class);
        WebappSession hdrc = WebappSession.login(http, "hdrc");
        HttpResponse<String> count = hdrc.get(WebappSession.engine("/filter/" + filterId + "/count"));
        assertThat(count.body()).isEqualTo("{\"count\":" + expected + "}");
        WebappSession police = WebappSession.login(http, "cyrc");
        assertThat(police.get(WebappSession.engine("/filter/" + filterId + "/list?maxResults=1000")).body())
                .doesNotContain(task.getId());
    }

    private ResponseEntity<String> rest(String user, String method, String path, String body) {
        var headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "demo").exchange(path, org.springframework.http.HttpMethod.valueOf(method),
                new org.springframework.http.HttpEntity<>(body, headers), String.class);
    }
}
