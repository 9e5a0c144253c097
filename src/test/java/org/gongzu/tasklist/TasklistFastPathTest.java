package org.gongzu.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzu.support.MoveInFixture.SUB_DISTRICT;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.gongzu.support.GongzuTest;
import org.gongzu.support.MoveInFixture;
import org.gongzu.support.WebappSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tasklist's fast path answers exactly what the engine's own filter resource answers, for every
 * user and filter it serves, and leaves to the engine whatever it cannot answer exactly.
 */
@GongzuTest
class TasklistFastPathTest {

    static final String HAL = "application/hal+json, application/json; q=0.5";
    static final String TASKLIST_BODY = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
            + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired TestRestTemplate http;
    @Autowired MoveInFixture fixture;
    @Autowired TasklistFastPath fastPath;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired FilterService filterService;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void enabledAgain() {
        fastPath.setEnabled(true);
    }

    @Test
    void departmentOwnAndSupervisorListsAreTheEnginesAnswer() throws Exception {
        Task first = fixture.registrationTaskIn(SUB_DISTRICT);
        fixture.registrationTaskIn(SUB_DISTRICT);
        fixture.registrationTaskIn(MoveInFixture.OTHER_SUB_DISTRICT);
        WebappSession hdrc = WebappSession.login(http, "hdrc");
        assertThat(hdrc.postJson(WebappSession.engine("/task/" + first.getId() + "/claim"), "{\"userId\":\"hdrc\"}")
                .statusCode()).isEqualTo(204);

        long servedBefore = fastPath.served();
        int compared = 0;
        for (String user : List.of("hdrc", "cyrc", "hdpolice", "supervisor")) {
            WebappSession session = WebappSession.login(http, user);
            for (Filter filter : filtersOf(session)) {
                for (String body : List.of(TASKLIST_BODY, "{}", "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"asc\"}]}")) {
                    for (String page : List.of("?firstResult=0&maxResults=15", "?firstResult=1&maxResults=2")) {
                        String path = WebappSession.engine("/filter/" + filter.getId() + "/list" + page);
                        fastPath.setEnabled(false);
                        HttpResponse<String> engine = session.postJson(path, body, HAL);
                        fastPath.setEnabled(true);
                        HttpResponse<String> fast = session.postJson(path, body, HAL);
                        assertThat(fast.statusCode()).isEqualTo(engine.statusCode()).isEqualTo(200);
                        assertThat(fast.headers().firstValue("Content-Type")).isEqualTo(engine.headers().firstValue("Content-Type"));
                        assertThat(normalized(fast.body(), body.contains("asc")))
                                .as(user + " " + filter.getName() + " " + body + page)
                                .isEqualTo(normalized(engine.body(), body.contains("asc")));
                        if (fastPath.shape(filter) != null) {
                            compared++; // the deadline filters (ADR 0025) are compared too, answered by the engine
                        }
                    }
                }
                String count = WebappSession.engine("/filter/" + filter.getId() + "/count");
                fastPath.setEnabled(false);
                String engineCount = session.get(count, HAL).body();
                fastPath.setEnabled(true);
                assertThat(session.get(count, HAL).body()).as(user + " " + filter.getName()).isEqualTo(engineCount);
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(4 * 6);
        // every request above was the fast path's: department, own and supervisor lists
        assertThat(fastPath.served() - servedBefore).isGreaterThanOrEqualTo(compared + 4);
        String department = WebappSession.login(http, "hdrc").postJson(WebappSession.engine("/filter/"
                + filterNamed("本部门待办").getId() + "/list?firstResult=0&maxResults=1000"), TASKLIST_BODY, HAL).body();
        assertThat(department).contains(first.getId());
    }

    @Test
    void whatItCannotAnswerExactlyGoesToTheEngine() {
        Task task = fixture.registrationTaskIn(SUB_DISTRICT);
        WebappSession hdrc = WebappSession.login(http, "hdrc");
        String list = WebappSession.engine("/filter/" + filterNamed("本部门待办").getId() + "/list?firstResult=0&maxResults=1000");
        long before = fastPath.served();
        // a criterion of its own, another sorting, plain JSON: the engine answers
        assertThat(hdrc.postJson(list, "{\"nameLike\":\"%登记%\"}", HAL).body()).contains(task.getId());
        assertThat(hdrc.postJson(list, "{\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]}", HAL).statusCode()).isEqualTo(200);
        assertThat(hdrc.postJson(list, TASKLIST_BODY, "application/json").statusCode()).isEqualTo(200);
        assertThat(fastPath.served()).isEqualTo(before);

        // a suspended task anywhere: "active" lists go to the engine, which leaves it out
        runtimeService.suspendProcessInstanceById(task.getProcessInstanceId());
        try {
            assertThat(hdrc.postJson(list, TASKLIST_BODY, HAL).body()).doesNotContain(task.getId());
            assertThat(fastPath.served()).isEqualTo(before);
        } finally {
            runtimeService.activateProcessInstanceById(task.getProcessInstanceId());
        }
        assertThat(hdrc.postJson(list, TASKLIST_BODY, HAL).body()).contains(task.getId());
        assertThat(fastPath.served()).isEqualTo(before + 1);
    }

    @Test
    void aFilterTheUserMayNotReadIsRefusedAsByTheEngine() {
        Filter hidden = filterService.newTaskFilter("未授权的筛选").setQuery(taskService.createTaskQuery());
        filterService.saveFilter(hidden);
        try {
            WebappSession hdrc = WebappSession.login(http, "hdrc");
            String path = WebappSession.engine("/filter/" + hidden.getId() + "/list?firstResult=0&maxResults=15");
            fastPath.setEnabled(false);
            int engine = hdrc.postJson(path, TASKLIST_BODY, HAL).statusCode();
            fastPath.setEnabled(true);
            long before = fastPath.served();
            assertThat(hdrc.postJson(path, TASKLIST_BODY, HAL).statusCode()).isEqualTo(engine).isEqualTo(403);
            assertThat(hdrc.get(WebappSession.engine("/filter/" + hidden.getId() + "/count")).statusCode()).isEqualTo(403);
            assertThat(fastPath.served()).isEqualTo(before);
        } finally {
            filterService.deleteFilter(hidden.getId());
        }
    }

    @Test
    void theQueueFollowsTasksFromRoutingToCompletion() {
        Task task = fixture.registrationTaskIn(SUB_DISTRICT);
        assertThat(queueOf(task)).containsExactly("rc-" + SUB_DISTRICT);
        taskService.complete(task.getId(), MoveInFixture.memberGroups(List.of(MoveInFixture.head())));
        assertThat(queueOf(task)).isEmpty();
        Task next = taskService.createTaskQuery().processInstanceId(task.getProcessInstanceId()).list().get(0);
        assertThat(queueOf(next)).isNotEmpty();
        runtimeService.deleteProcessInstance(task.getProcessInstanceId(), "test");
        assertThat(queueOf(next)).isEmpty();
    }

    private List<String> queueOf(Task task) {
        return jdbc.queryForList("select group_id from task_queue where task_id = ?", String.class, task.getId());
    }

    private Filter filterNamed(String name) {
        return filterService.createFilterQuery().filterName(name).singleResult();
    }

    private List<Filter> filtersOf(WebappSession session) throws Exception {
        JsonNode filters = JSON.readTree(session.get(WebappSession.engine("/filter?resourceType=Task&maxResults=100")).body());
        List<Filter> result = new ArrayList<>();
        for (JsonNode filter : filters) {
            result.add(filterService.getFilter(filter.get("id").asText()));
        }
        assertThat(result).isNotEmpty();
        return result;
    }

    /** The answer with tasks of equal creation time in id order (the engine leaves their order open). */
    private static JsonNode normalized(String body, boolean ascending) throws Exception {
        JsonNode root = JSON.readTree(body);
        JsonNode tasks = root.path("_embedded").path("task");
        if (tasks instanceof ArrayNode array) {
            List<JsonNode> sorted = new ArrayList<>();
            array.forEach(sorted::add);
            Comparator<JsonNode> byCreated = Comparator.comparing(t -> t.path("created").asText());
            Comparator<JsonNode> byId = Comparator.comparing(t -> t.path("id").asText());
            sorted.sort(ascending ? byCreated.thenComparing(byId) : byCreated.reversed().thenComparing(byId));
            ArrayNode copy = JSON.createArrayNode();
            sorted.forEach(copy::add);
            ((ObjectNode) root.path("_embedded")).set("task", copy);
        }
        return root;
    }
}
