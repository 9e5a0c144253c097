package org.gongzu.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.gongzu.support.GongzuTest;
import org.gongzu.support.MoveInFixture;
import org.gongzu.support.TestMailServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The outbox's delivery against a real SMTP server (GreenMail) that a test takes away and gives
 * back: each mail arrives exactly once after an outage, a burst of tasks created while the server is
 * away loses nothing and blocks nothing, two sender nodes never send the same mail, and a mail given
 * up is shown to administrators and sent when they retry it.
 */
@GongzuTest
class OutboxSenderTest {

    private static final Duration DELIVERY = Duration.ofSeconds(90);

    @Autowired MoveInFixture fixture;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired JdbcTemplate jdbc;
    @Autowired Outbox outbox;
    @Autowired OutboxSender sender;
    @Autowired MailSettings settings;
    @Autowired JavaMailSender mailSender;
    @Autowired Clock clock;
    @Autowired TestRestTemplate http;

    @AfterEach
    void serverBack() throws Exception {
        TestMailServer.proxy().restore();
    }

    private List<Map<String, Object>> rowsOfTasks(List<String> taskIds) {
        String marks = String.join(", ", taskIds.stream().map(t -> "?").toList());
        return jdbc.queryForList("select idempotency_key, status, attempts, last_error from mail_outbox where task_id in ("
                + marks + ")", taskIds.toArray());
    }

    /** The time the back-off waits for passes: the tasks' mails are due now. */
    private void backOffElapsed(List<String> taskIds) {
        for (String taskId : taskIds) {
            jdbc.update("update mail_outbox set next_attempt_at = ? where task_id = ? and status = 'PENDING'",
                    Timestamp.from(Instant.now().minusSeconds(1)), taskId);
        }
        sender.nudge();
    }

    private static void deliveredExactlyOnce(List<Map<String, Object>> rows) {
        for (Map<String, Object> row : rows) {
            assertThat(Mailbox.withKey((String) row.get("idempotency_key"))).as(row.get("idempotency_key").toString())
                    .hasSize(1);
        }
    }

    @Test
    void mailQueuedWhileTheSmtpServerIsDownIsDeliveredExactlyOnceWhenItReturns() throws Exception {
        TestMailServer.proxy().cut();
        Task task = fixture.registrationTaskIn(MoveInFixture.SUB_DISTRICT);
        List<String> ids = List.of(task.getId());
        Mailbox.await("a failed attempt", DELIVERY, () -> rowsOfTasks(ids).stream()
                .anyMatch(r -> ((Number) r.get("attempts")).intValue() > 0));
        assertThat(rowsOfTasks(ids)).isNotEmpty().allSatisfy(r -> assertThat(r.get("status")).isEqualTo("PENDING"))
                .anySatisfy(r -> assertThat((String) r.get("last_error")).isNotBlank());
        assertThat(Mailbox.withKey("arrival:" + task.getId() + ":hdrc")).isEmpty();

        TestMailServer.proxy().restore();
        backOffElapsed(ids);
        Mailbox.await("delivery", DELIVERY, () -> rowsOfTasks(ids).stream().allMatch(r -> "SENT".equals(r.get("status"))));
        sender.drain();
        deliveredExactlyOnce(rowsOfTasks(ids));
    }

    @Test
    void twoHundredTasksCreatedWhileTheServerIsDownAllExistAndEachMailArrivesOnceWhenItReturns() throws Exception {
        String project = fixture.occupiedProject(MoveInFixture.SUB_DISTRICT);
        List<String> taskIds = new ArrayList<>();
        TestMailServer.proxy().cut();
        for (int i = 0; i < 200; i++) {
            String instance = runtimeService.startProcessInstanceByKey("TenantMoveIn",
                    fixture.lease(project, MoveInFixture.HEAD_BEIJING)).getId();
            taskIds.add(taskService.createTaskQuery().processInstanceId(instance).singleResult().getId());
        }
        assertThat(taskService.createTaskQuery().taskIdIn(taskIds.toArray(String[]::new)).count()).isEqualTo(200);
        List<Map<String, Object>> queued = rowsOfTasks(taskIds);
        assertThat(queued).hasSizeGreaterThanOrEqualTo(200).allSatisfy(r -> assertThat(r.get("status")).isEqualTo("PENDING"));
        assertThat(queued.stream().map(r -> (String) r.get("idempotency_key")).filter(k -> k.endsWith(":hdowner")))
                .hasSize(200);

        TestMailServer.proxy().restore();
        backOffElapsed(taskIds);
        Mailbox.await("200 arrivals", DELIVERY, () -> rowsOfTasks(taskIds).stream()
                .allMatch(r -> "SENT".equals(r.get("status"))));
        sender.drain();
        deliveredExactlyOnce(rowsOfTasks(taskIds));
        assertThat(taskService.createTaskQuery().taskIdIn(taskIds.toArray(String[]::new)).count()).isEqualTo(200);
    }

    @Test
    void twoSenderNodesOnOneDatabaseNeverSendTheSameMail() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> keys = new ArrayList<>();
        Rendered content = new Rendered("【公租房】两个节点 " + run, "<p>测试</p>", "测试");
        for (int i = 0; i < 60; i++) {
            String key = "two-nodes:" + run + ":" + i;
            keys.add(key);
            outbox.enqueue(new Outbox.Mail(key, MailKind.ARRIVAL, "node-test", "nodes@gongzu.test", content, null, null,
                    false), clock.instant());
        }
        OutboxSender a = new OutboxSender(outbox, mailSender, settings, clock, "node-a-" + run);
        OutboxSender b = new OutboxSender(outbox, mailSender, settings, clock, "node-b-" + run);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                Future<Integer> fromA = nodes.submit(a::drain);
                Future<Integer> fromB = nodes.submit(b::drain);
                fromA.get();
                fromB.get();
            }
        } finally {
            nodes.shutdownNow();
            a.stop();
            b.stop();
        }
        Mailbox.await("60 mails", DELIVERY, () -> keys.stream().allMatch(k -> !Mailbox.withKey(k).isEmpty()));
        for (String key : keys) {
            assertThat(Mailbox.withKey(key)).as(key).hasSize(1);
        }
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where idempotency_key like ? and status = 'SENT'",
                Integer.class, "two-nodes:" + run + ":%")).isEqualTo(60);
    }

    @Test
    void aMailGivenUpIsShownToAdministratorsWithItsErrorAndSentWhenTheyRetryIt() throws Exception {
        String key = "given-up:" + UUID.randomUUID();
        TestMailServer.proxy().cut();
        outbox.enqueue(new Outbox.Mail(key, MailKind.ARRIVAL, "node-test", "given-up@gongzu.test",
                new Rendered("【公租房】重试", "<p>重试</p>", "重试"), null, null, false), clock.instant());
        long id = outbox.idOf(key);
        jdbc.update("update mail_outbox set attempts = ? where id = ?", settings.maxAttempts - 1, id);
        sender.nudge();
        Mailbox.await("the last attempt", DELIVERY, () -> "FAILED".equals(status(id)));

        ResponseEntity<List> failed = http.withBasicAuth("demo", "demo").getForEntity("/api/mail/outbox?status=FAILED", List.class);
        assertThat(failed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(failed.getBody()).anySatisfy(row -> assertThat((Map<String, Object>) row)
                .containsEntry("key", key).containsEntry("attempts", settings.maxAttempts)
                .satisfies(r -> assertThat((String) r.get("lastError")).contains("connection failed")));
        assertThat(http.withBasicAuth("hdrc", "demo").getForEntity("/api/mail/outbox?status=FAILED", Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("hdrc", "demo").postForEntity("/api/mail/outbox/" + id + "/retry", null, Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        TestMailServer.proxy().restore();
        assertThat(http.withBasicAuth("demo", "demo").postForEntity("/api/mail/outbox/" + id + "/retry", null, Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        Mailbox.await("the retried mail", DELIVERY, () -> "SENT".equals(status(id)));
        assertThat(Mailbox.withKey(key)).hasSize(1);
        assertThat(http.withBasicAuth("demo", "demo").postForEntity("/api/mail/outbox/" + id + "/retry", null, Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void theBackOffDoublesFromItsFirstWaitUpToItsLongest() {
        assertThat(settings.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.backoff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.backoff(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(settings.backoff(12)).isEqualTo(Duration.ofSeconds(4));
    }

    private String status(long id) {
        return jdbc.queryForObject("select status from mail_outbox where id = ?", String.class, id);
    }
}
