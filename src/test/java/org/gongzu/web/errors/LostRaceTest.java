package org.gongzu.web.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzu.support.MoveInFixture.SUB_DISTRICT;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.gongzu.support.GongzuTest;
import org.gongzu.support.MoveInFixture;
import org.gongzu.support.WebappSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two requests racing for the same thing, in two concurrent transactions on the one database: the
 * loser is told so with 409 in Chinese (never a 500 with SQL or engine internals), and nothing is
 * stored twice.
 */
@GongzuTest
class LostRaceTest {

    private static final ExecutorService THREADS = Executors.newFixedThreadPool(2);

    @Autowired TestRestTemplate http;
    @Autowired MoveInFixture fixture;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;
    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;

    @AfterAll
    static void stopThreads() {
        THREADS.shutdownNow();
    }

    @Test
    void theSameLeaseSentTwiceAtOnceIsStoredOnce() throws Exception {
        String project = fixture.occupiedProject(SUB_DISTRICT);
        String leaseNo = "RACE-" + project;
        String lease = "{\"projectId\":\"" + project + "\",\"unitNo\":\"3-2-101\",\"leaseNo\":\"" + leaseNo
                + "\",\"leaseSignedOn\":\"2026-03-01\",\"headName\":\"赵六\",\"headIdNumber\":\"" + MoveInFixture.HEAD_BEIJING + "\"}";
        long instancesBefore = historyService.createHistoricProcessInstanceQuery().processDefinitionKey("TenantMoveIn").count();

        List<ResponseEntity<String>> responses;
        // both requests find the lease unregistered, then wait to insert until this transaction ends:
        // the overlap that two nodes receiving the same lease produce
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            holder.createStatement().execute("lock table household in share mode");
            List<CompletableFuture<ResponseEntity<String>>> racing = race(
                    () -> http.withBasicAuth("hdowner", "demo").postForEntity("/api/leases", json(lease), String.class));
            awaitWaitingInserts(2);
            holder.commit();
            responses = results(racing);
        }

        assertThat(responses).extracting(ResponseEntity::getStatusCode)
                .containsExactly(HttpStatus.CREATED, HttpStatus.CONFLICT);
        assertThat(RefusalShapeTest.body(responses.get(1))).isEqualTo(Map.of(
                "message", "「租赁合同编号」已登记过，不能重复登记",
                "fields", List.of(Map.of("field", "leaseNo", "message", "「租赁合同编号」已登记过，不能重复登记"))));
        assertThat(jdbc.queryForObject("select count(*) from household where lease_no = ?", Integer.class, leaseNo)).isEqualTo(1);
        assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("TenantMoveIn").count())
                .isEqualTo(instancesBefore + 1);
    }

    @Test
    void theSameTaskCompletedTwiceAtOnceOverEngineRest() throws Exception {
        Task task = fixture.registrationTaskIn(SUB_DISTRICT);
        List<ResponseEntity<String>> responses = results(race(() -> http.withBasicAuth("hdrc", "demo")
                .postForEntity("/engine-rest/task/" + task.getId() + "/complete", json(headOnly()), String.class)));
        assertOneCompletionAndOneConflict(responses, task, HttpStatus.NO_CONTENT);
    }

    @Test
    void theSameTaskSubmittedTwiceAtOnceThroughTheWebapp() throws Exception {
        Task task = fixture.registrationTaskIn(SUB_DISTRICT);
        WebappSession first = WebappSession.login(http, "hdrc");
        WebappSession second = WebappSession.login(http, "hdrc");
        String path = "/camunda/api/engine/engine/default/task/" + task.getId() + "/submit-form";
        List<CompletableFuture<ResponseEntity<String>>> racing = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (WebappSession session : List.of(first, second)) {
            racing.add(CompletableFuture.supplyAsync(() -> {
                awaitQuietly(start);
                return WebappSession.asEntity(session.postJson(path, headOnly()));
            }, THREADS));
        }
        start.countDown();
        assertOneCompletionAndOneConflict(results(racing), task, HttpStatus.NO_CONTENT);
    }

    @Test
    void claimingATaskSomeoneElseClaimedIsAConflict() {
        Task task = fixture.registrationTaskIn(SUB_DISTRICT);
        taskService.claim(task.getId(), "hdrc");
        ResponseEntity<String> late = http.withBasicAuth("demo", "demo").postForEntity(
                "/engine-rest/task/" + task.getId() + "/claim", json("{\"userId\":\"demo\"}"), String.class);
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(RefusalShapeTest.body(late)).isEqualTo(Map.of("message", ErrorTranslator.TASK_CLAIMED));
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("hdrc");
    }

    private void assertOneCompletionAndOneConflict(List<ResponseEntity<String>> responses, Task task, HttpStatus success) {
        assertThat(responses).extracting(ResponseEntity::getStatusCode).as(responses.toString())
                .containsExactly(success, HttpStatus.CONFLICT);
        String message = (String) RefusalShapeTest.body(responses.get(1)).get("message");
        assertThat(message).isIn(ErrorTranslator.CONFLICT, ErrorTranslator.TASK_GONE);
        assertThat(RefusalShapeTest.body(responses.get(1))).containsOnlyKeys("message");

        String caseId = runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .singleResult().getBusinessKey();
        assertThat(jdbc.queryForObject("select count(*) from household_member where case_id = ?", Integer.class, caseId))
                .isEqualTo(1);
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .taskDefinitionKey("Task_RegisterMembers").finished().count()).isEqualTo(1);
        // the step after registration was entered once
        assertThat(taskService.createTaskQuery().processInstanceId(task.getProcessInstanceId()).count()).isEqualTo(1);
    }

    private static String headOnly() {
        String members = "[{\\\"name\\\":\\\"张三\\\",\\\"idNumber\\\":\\\"" + MoveInFixture.HEAD_BEIJING + "\\\","
                + "\\\"relation\\\":\\\"HEAD\\\",\\\"hukou\\\":\\\"BEIJING\\\",\\\"birthDate\\\":\\\"1985-03-15\\\","
                + "\\\"employment\\\":\\\"EMPLOYED\\\",\\\"minLivingAllowance\\\":false}]";
        return "{\"variables\":{\"members\":{\"type\":\"Json\",\"value\":\"" + members + "\"}}}";
    }

    /** The same request twice, released together. */
    private static List<CompletableFuture<ResponseEntity<String>>> race(Supplier<ResponseEntity<String>> request) {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<ResponseEntity<String>>> racing = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            racing.add(CompletableFuture.supplyAsync(() -> {
                awaitQuietly(start);
                return request.get();
            }, THREADS));
        }
        start.countDown();
        return racing;
    }

    /** Both answers, the success first. */
    private static List<ResponseEntity<String>> results(List<CompletableFuture<ResponseEntity<String>>> racing)
            throws Exception {
        List<ResponseEntity<String>> responses = new ArrayList<>();
        for (CompletableFuture<ResponseEntity<String>> future : racing) {
            responses.add(future.get(60, TimeUnit.SECONDS));
        }
        responses.sort(Comparator.comparing(r -> r.getStatusCode().value()));
        return responses;
    }

    private void awaitWaitingInserts(int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (jdbc.queryForObject("select count(*) from pg_locks l join pg_class c on c.oid = l.relation"
                + " where c.relname = 'household' and not l.granted", Integer.class) < count) {
            assertThat(Instant.now()).as("both requests waiting to insert").isBefore(deadline);
            Thread.sleep(50);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
