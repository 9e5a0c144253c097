package org.gongzu.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.gongzu.casefile.CaseJournal;
import org.gongzu.identity.Roles;
import org.gongzu.support.GongzuTest;
import org.gongzu.support.MoveInFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What is mailed about a task, through the real engine and a real SMTP server (GreenMail): arrival
 * to the department's members, reminder and escalation once their dates have passed, 催办 with its
 * rules, the daily digest, and nothing for a change that was rolled back.
 */
@GongzuTest
class TaskMailsTest {

    private static final String RC = "rc-" + MoveInFixture.SUB_DISTRICT;
    private static final Duration DELIVERY = Duration.ofSeconds(30);

    @Autowired MoveInFixture fixture;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transaction;
    @Autowired DeadlineWatch deadlines;
    @Autowired Digests digests;
    @Autowired CaseJournal journal;
    @Autowired TestRestTemplate http;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private Map<String, String> queuedFor(String taskId, String kind) {
        return jdbc.queryForList("select recipient_id, status from mail_outbox where task_id = ? and kind = ?", taskId, kind)
                .stream().collect(Collectors.toMap(r -> (String) r.get("recipient_id"), r -> (String) r.get("status")));
    }

    private Set<String> membersWithAddress(String group) {
        return identityService.createUserQuery().memberOfGroup(group).list().stream()
                .filter(u -> u.getEmail() != null && !u.getEmail().isBlank()).map(User::getId).collect(Collectors.toSet());
    }

    private MimeMessage deliveredOnce(String key) throws InterruptedException {
        Mailbox.await(key, DELIVERY, () -> !Mailbox.withKey(key).isEmpty());
        List<MimeMessage> received = Mailbox.withKey(key);
        assertThat(received).as(key).hasSize(1);
        return received.get(0);
    }

    @Test
    void aNewRegistrationTaskIsMailedToEveryMemberOfTheResidentsCommitteeWithAnAddress() throws Exception {
        Task task = fixture.registrationTaskIn(MoveInFixture.SUB_DISTRICT);
        String caseId = fixture.caseOf(task);

        Map<String, String> queued = queuedFor(task.getId(), "ARRIVAL");
        assertThat(queued.keySet()).containsExactlyInAnyOrderElementsOf(membersWithAddress(RC))
                .contains("hdrc", "hdrcleader").noneMatch(user -> user.startsWith("cy"));

        MimeMessage mail = deliveredOnce("arrival:" + task.getId() + ":hdrc");
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("hdrc@gongzu.example");
        assertThat(mail.getSubject()).isEqualTo("【公租房】新任务：登记家庭成员信息（案卷 " + caseId + "）");
        String link = "https://gongzu.test/camunda/app/tasklist/default/#/?task=" + task.getId();
        String text = Mailbox.part(mail, "text/plain");
        String html = Mailbox.part(mail, "text/html");
        assertThat(text).contains("「海淀区学院路街道 居委会」有一项新的待办任务", "登记家庭成员信息", caseId, link);
        // the due date the working-day calendar gave the task (its listener runs before the mail's)
        assertThat(task.getDueDate()).isNotNull();
        assertThat(text).contains("办理期限：");
        assertThat(html).contains("<strong>登记家庭成员信息</strong>", caseId, "href=\"" + link + "\"");
        // the task and its case only: nothing of the household
        assertThat(text + html).doesNotContain(MoveInFixture.HEAD_BEIJING, "张三");
        assertThat(Mailbox.withKey("arrival:" + task.getId() + ":cyrc")).isEmpty();
    }

    @Test
    void aTaskPastItsFollowUpDateIsRemindedOnceAndAnOverdueOneEscalatedToTheLeaders() throws Exception {
        Task task = fixture.registrationTaskIn(MoveInFixture.SUB_DISTRICT);
        Instant now = Instant.now();
        task.setFollowUpDate(Date.from(now.plus(Duration.ofDays(1))));
        task.setDueDate(Date.from(now.plus(Duration.ofDays(3))));
        taskService.saveTask(task);

        ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofHours(12))));
        deadlines.check(ClockUtil.getCurrentTime());
        assertThat(queuedFor(task.getId(), "REMINDER")).as("before the follow-up date").isEmpty();

        ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofDays(2))));
        deadlines.check(ClockUtil.getCurrentTime());
        deadlines.check(ClockUtil.getCurrentTime());
        assertThat(queuedFor(task.getId(), "REMINDER").keySet()).containsExactlyInAnyOrderElementsOf(membersWithAddress(RC));
        assertThat(queuedFor(task.getId(), "ESCALATION")).isEmpty();

        ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofDays(4))));
        deadlines.check(ClockUtil.getCurrentTime());
        deadlines.check(ClockUtil.getCurrentTime());
        assertThat(queuedFor(task.getId(), "ESCALATION").keySet())
                .containsExactlyInAnyOrderElementsOf(membersWithAddress(Roles.leadersOf(RC))).contains("hdrcleader")
                .doesNotContain("hdrc");
        assertThat(queuedFor(task.getId(), "REMINDER")).hasSize(membersWithAddress(RC).size());

        String due = TaskMails.shown(task.getDueDate());
        String dueKey = ZonedDateTime.ofInstant(task.getDueDate().toInstant(), TaskMails.BEIJING)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmm"));
        MimeMessage reminder = deliveredOnce("reminder:" + task.getId() + ":" + dueKey + ":hdrc");
        assertThat(reminder.getSubject()).startsWith("【公租房】即将到期：登记家庭成员信息");
        assertThat(Mailbox.part(reminder, "text/plain")).contains("办理期限：" + due);
        MimeMessage escalation = deliveredOnce("escalation:" + task.getId() + ":" + dueKey + ":hdrcleader");
        assertThat(escalation.getSubject()).startsWith("【公租房】已超期：登记家庭成员信息");
        assertThat(Mailbox.part(escalation, "text/plain")).contains("「海淀区学院路街道 居委会」的任务已超过办理期限");
    }

    private ResponseEntity<Map> urge(String user, String taskId, String message) {
        return http.withBasicAuth(user, "demo").exchange("/api/tasks/" + taskId + "/urge", HttpMethod.POST,
                new HttpEntity<>(message == null ? Map.of() : Map.of("message", message)), Map.class);
    }

    @Test
    void aSupervisorUrgesAStepOnceAndIsRefusedWhenUrgingItAgainTooSoon() throws Exception {
        Task task = fixture.registrationTaskIn(MoveInFixture.SUB_DISTRICT);
        String caseId = fixture.caseOf(task);

        ResponseEntity<Map> tooLong = urge("supervisor", task.getId(), "催".repeat(201));
        assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooLong.getBody().toString()).contains("催办说明");

        ResponseEntity<Map> urged = urge("supervisor", task.getId(), "请本周内完成登记");
        assertThat(urged.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String urgeId = (String) urged.getBody().get("id");
        assertThat(urged.getBody().get("urgedAt")).isNotNull();
        assertThat(queuedFor(task.getId(), "URGE").keySet()).containsExactlyInAnyOrderElementsOf(membersWithAddress(RC));
        assertThat(journal.entries(caseId)).anySatisfy(entry -> assertThat(entry.get("entry").toString())
                .isEqualTo("市级监督催办「登记家庭成员信息」，说明：请本周内完成登记"));
        MimeMessage mail = deliveredOnce("urge:" + urgeId + ":hdrc");
        assertThat(mail.getSubject()).startsWith("【公租房】催办：登记家庭成员信息");
        assertThat(Mailbox.part(mail, "text/plain")).contains("市级监督催办", "催办说明：请本周内完成登记");

        ResponseEntity<Map> again = urge("hdsupervisor", task.getId(), null);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(again.getBody().get("message").toString()).contains("催办过", "下次可催办时间");
        assertThat(jdbc.queryForObject("select count(*) from mail_urge where task_id = ?", Integer.class, task.getId()))
                .isEqualTo(1);
    }

    @Test
    void urgesOfOneStepSentAtTheSameMomentAreTakenOnce() throws Exception {
        Task task = fixture.registrationTaskIn(MoveInFixture.SUB_DISTRICT);
        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<ResponseEntity<Map>>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String user = i % 2 == 0 ? "supervisor" : "hdsupervisor";
                answers.add(callers.submit(() -> urge(user, task.getId(), null)));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get().getStatusCode().value());
            }
            assertThat(statuses).containsOnlyOnce(201).filteredOn(status -> status != 201).containsOnly(429);
        } finally {
            callers.shutdown();
        }
        assertThat(jdbc.queryForObject("select count(*) from mail_urge where task_id = ?", Integer.class, task.getId()))
                .isEqualTo(1);
    }

    @Test
    void aDepartmentThatWorkedOnTheCaseMayUrgeTheNextStepButNotItsOwnAndStrangersSeeNothing() {
        var instance = fixture.startMoveIn(fixture.occupiedProject(MoveInFixture.SUB_DISTRICT));
        Task confirm = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        taskService.claim(confirm.getId(), "hdowner");
        taskService.complete(confirm.getId(), MoveInFixture.moveIn());
        Task registration = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();

        assertThat(urge("hdrc", registration.getId(), null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(urge("hdrc", registration.getId(), null).getBody().get("message").toString()).contains("本部门");
        assertThat(urge("hdsso", registration.getId(), null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(urge("cysupervisor", registration.getId(), null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(urge("hdowner", "no-such-task", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<Map> urged = urge("hdowner", registration.getId(), null);
        assertThat(urged.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(journal.entries(fixture.caseOf(registration))).anySatisfy(entry -> assertThat(
                entry.get("entry").toString()).isEqualTo("海淀区学院路街道 产权单位催办「登记家庭成员信息」"));
    }

    @Test
    void aUserWhoChoseTheDigestGetsHisMailsInOneMailADayButEscalationsAtOnce() throws Exception {
        String userId = "digest" + UUID.randomUUID().toString().substring(0, 8);
        User user = identityService.newUser(userId);
        user.setPassword("demo");
        user.setEmail(userId + "@gongzu.example");
        identityService.saveUser(user);
        identityService.createMembership(userId, RC);
        try {
            ResponseEntity<Map> chosen = http.withBasicAuth(userId, "demo").exchange("/api/mail/preference", HttpMethod.PUT,
                    new HttpEntity<>(Map.of("mode", "DIGEST")), Map.class);
            assertThat(chosen.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(http.withBasicAuth(userId, "demo").getForObject("/api/mail/preference", Map.class))
                    .containsEntry("mode", "DIGEST");

            Task task = fixture.registrationTaskIn(MoveInFixture.SUB_DISTRICT);
            assertThat(queuedFor(task.getId(), "ARRIVAL")).containsEntry(userId, "HELD").containsEntry("hdrc", "PENDING");

            Instant tomorrowMorning = ZonedDateTime.now(TaskMails.BEIJING).plusDays(1).withHour(8).withMinute(30).toInstant();
            assertThat(digests.composeDue(tomorrowMorning)).isGreaterThanOrEqualTo(1);
            assertThat(queuedFor(task.getId(), "ARRIVAL")).containsEntry(userId, "DIGESTED");
            String key = "digest:" + userId + ":" + tomorrowMorning.atZone(TaskMails.BEIJING).toLocalDate();
            MimeMessage digest = deliveredOnce(key);
            assertThat(digest.getSubject()).contains("待办汇总");
            assertThat(Mailbox.part(digest, "text/plain")).contains("新任务：登记家庭成员信息", task.getId());
            assertThat(Mailbox.withKey("arrival:" + task.getId() + ":" + userId)).isEmpty();
        } finally {
            identityService.deleteMembership(userId, RC);
        }
    }

    @Test
    void aTaskWhoseCreationIsRolledBackLeavesNoMail() {
        String[] taskId = new String[1];
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            Task task = fixture.registrationTaskIn(MoveInFixture.SUB_DISTRICT);
            taskId[0] = task.getId();
            // queued in the engine's own transaction...
            assertThat(queuedFor(task.getId(), "ARRIVAL")).containsKey("hdrc");
            throw new IllegalStateException("the step fails after the task was created");
        })).hasMessageContaining("the step fails");
        // ...and gone with it
        assertThat(taskService.createTaskQuery().taskId(taskId[0]).count()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where task_id = ?", Integer.class, taskId[0]))
                .isZero();
    }
}
