package org.gongzu.allowancework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.gongzu.allowancework.AllowanceFixture.adult;
import static org.gongzu.allowancework.AllowanceFixture.child;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gongzu.allowancework.AllowanceWorkProcess.Elements;
import org.gongzu.household.Member;
import org.gongzu.support.CoverageOf;
import org.gongzu.support.GongzuTest;
import org.gongzu.support.MoveInFixture;
import org.gongzu.support.TaskGroups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
 * processes/AllowanceWork.bpmn (clause 8): started once for a household with a member on the
 * allowance, the sub-district office arranges the work and records hours, the residents' committee
 * confirms or returns them, until the office ends the arrangement or the allowance ends.
 */
@GongzuTest
@CoverageOf(AllowanceWorkProcess.KEY)
class AllowanceWorkFlowTest {

    static final String SUB_DISTRICT = MoveInFixture.SUB_DISTRICT;

    @Autowired ProcessEngine engine;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @Autowired IdentityService identityService;
    @Autowired AllowanceFixture fixture;
    @Autowired MoveInFixture moveIn;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestRestTemplate http;

    @BeforeEach
    void initAssertions() {
        init(engine);
    }

    @AfterEach
    void noUser() {
        identityService.clearAuthentication();
    }

    @Test
    void aRegisteredHouseholdWithAMemberOnTheAllowanceGetsOneArrangementAndOneWithoutGetsNone() {
        Member head = adult(1, "李低保", true);
        String onAllowance = fixture.registered(SUB_DISTRICT, head, child(2, "李小宝", false));
        String without = fixture.registered(SUB_DISTRICT, adult(1, "王普通", false));
        // only adults do the work: a household whose only member on the allowance is a child gets none
        String childOnly = fixture.registered(SUB_DISTRICT, adult(1, "赵家长", false), child(2, "赵小宝", true));

        assertThat(fixture.running(without)).isEmpty();
        assertThat(fixture.running(childOnly)).isEmpty();
        ProcessInstance pi = fixture.started(onAllowance);
        assertThat(pi).isWaitingAt(Elements.ARRANGE).variables()
                .containsEntry("caseId", onAllowance).containsEntry("subDistrictCode", SUB_DISTRICT)
                .containsEntry("districtCode", "110108").containsEntry("caseSubject", "低保家庭公益性劳动")
                .containsKey("projectId").containsKey("allowanceWorkId");
        assertThat(jdbc.queryForObject("select process_instance_id from allowance_work where open_case_id = ?",
                String.class, onAllowance)).isEqualTo(pi.getId());
        Task arrange = fixture.task(pi);
        assertThat(TaskGroups.of(taskService, arrange)).containsExactly("sdo-" + SUB_DISTRICT);
        assertThat(arrange.getName()).isEqualTo("安排公益性社区服务劳动");
        // the form offers the adult members on the allowance, by their number, on the task only
        assertThat(taskService.getVariableLocal(arrange.getId(), "allowanceMemberOptions").toString())
                .contains("\"value\":\"1\"", "成员1 李低保").doesNotContain("李小宝");

        // never twice: the household registered again, a correction that keeps the allowance
        fixture.correct(onAllowance, head, child(2, "李小宝", false), adult(3, "李二", true));
        assertThat(fixture.running(onAllowance)).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from allowance_work where case_id = ?", Integer.class,
                onAllowance)).isEqualTo(1);
    }

    @Test
    void theMoveInOfAnAllowanceHouseholdStartsTheArrangementWhenTheHouseholdIsRegistered() {
        Task registration = moveIn.registrationTaskIn(SUB_DISTRICT);
        Map<String, Object> head = MoveInFixture.head();
        head.put("minLivingAllowance", true);
        taskService.complete(registration.getId(), MoveInFixture.members(List.of(head)));
        String caseId = moveIn.caseOf(registration);
        assertThat(fixture.running(caseId)).isEmpty();

        Task police = taskService.createTaskQuery().processInstanceId(registration.getProcessInstanceId()).singleResult();
        taskService.complete(police.getId(), MoveInFixture.confirmation());

        assertThat(fixture.started(caseId)).isWaitingAt(Elements.ARRANGE);
    }

    @Test
    void theOfficeArrangesRecordsAndTheCommitteeConfirmsOrReturnsUntilTheOfficeEndsTheArrangement() {
        String caseId = fixture.registered(SUB_DISTRICT, adult(1, "赵低保", true), adult(2, "钱低保", true));
        ProcessInstance pi = fixture.started(caseId);
        fixture.arrange(pi, "1", "2");
        assertThat(jdbc.queryForList("select member_seq from allowance_work_member m join allowance_work w"
                + " on w.id = m.work_id where w.case_id = ? order by member_seq", Integer.class, caseId))
                .containsExactly(1, 2);

        Task record = fixture.task(pi);
        assertThat(record.getTaskDefinitionKey()).isEqualTo(Elements.RECORD_HOURS);
        assertThat(TaskGroups.of(taskService, record)).containsExactly("sdo-" + SUB_DISTRICT);
        assertThat(taskService.getVariableLocal(record.getId(), "arrangedMemberOptions").toString())
                .contains("成员1 赵低保", "成员2 钱低保");
        identityService.setAuthentication("hdsdo", List.of("sdo-" + SUB_DISTRICT, "staff"));
        taskService.complete(record.getId(), AllowanceFixture.hours(1, "SECURITY_WATCH", "2026-11-07T08:00",
                "2026-11-07T11:30"));
        identityService.clearAuthentication();

        Task confirm = fixture.task(pi);
        assertThat(confirm.getTaskDefinitionKey()).isEqualTo(Elements.CONFIRM_HOURS);
        assertThat(TaskGroups.of(taskService, confirm)).containsExactly("rc-" + SUB_DISTRICT);
        assertThat(taskService.getVariableLocal(confirm.getId(), "hoursToConfirm").toString())
                .contains("成员1 赵低保", "治安值班", "2026-11-07 08:00 至 2026-11-07 11:30", "3.5 小时");
        identityService.setAuthentication("hdrc", List.of("rc-" + SUB_DISTRICT, "staff"));
        taskService.complete(confirm.getId(), Map.of("hoursDecision", "CONFIRM"));
        identityService.clearAuthentication();
        assertThat(jdbc.queryForMap("select state, recorded_by, confirmed_by, member_name, id_number from"
                + " allowance_work_hours where case_id = ?", caseId)).containsEntry("state", "CONFIRMED")
                .containsEntry("recorded_by", "hdsdo").containsEntry("confirmed_by", "hdrc")
                .containsEntry("member_name", "赵低保");

        fixture.record(pi, 2, "CLEANING", "2026-11-08T09:00", "2026-11-08T10:00");
        fixture.returnHours(pi, "当日未到岗");
        assertThat(pi).isWaitingAt(Elements.RECORD_HOURS);
        assertThat(taskService.getVariableLocal(fixture.task(pi).getId(), "lastReturnedHours").toString())
                .contains("成员2 钱低保", "当日未到岗");
        assertThat(jdbc.queryForObject("select return_reason from allowance_work_hours where case_id = ? and state = ?",
                String.class, caseId, "RETURNED")).isEqualTo("当日未到岗");

        fixture.record(pi, 2, "CARE", "2026-11-09T14:00", "2026-11-09T16:00");
        fixture.confirm(pi);
        taskService.complete(fixture.task(pi).getId(), Map.of("hoursAction", "END", "endReason", "本年度安排完成"));

        assertThat(pi).isEnded().hasPassed(Elements.ARRANGEMENT_ENDED).hasNotPassed(Elements.ARRANGEMENT_STOPPED);
        assertThat(outcome(pi)).isEqualTo("街道办事处已结束公益劳动安排，共确认公益劳动 5.5 小时");
        assertThat(jdbc.queryForMap("select open_case_id, outcome from allowance_work where case_id = ?", caseId))
                .containsEntry("open_case_id", null).containsEntry("outcome", outcome(pi));
        assertThat(journal(caseId)).contains("ALLOWANCE_WORK_OPENED", "ALLOWANCE_WORK_ARRANGED",
                "ALLOWANCE_HOURS_RECORDED", "ALLOWANCE_HOURS_CONFIRMED", "ALLOWANCE_HOURS_RETURNED", "ALLOWANCE_WORK_ENDED");
        // the forms' member lists never reached the history
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableNameIn("allowanceMemberOptions", "arrangedMemberOptions", "hoursToConfirm", "lastReturnedHours")
                .count()).isZero();
    }

    @Test
    void theFormsAreSubmittedAsTasklistSendsThemAndOnlyTheSubDistrictsOwnDepartmentsMayDoTheSteps() {
        String caseId = fixture.registered(SUB_DISTRICT, adult(1, "何低保", true));
        ProcessInstance pi = fixture.started(caseId);
        String arrange = fixture.task(pi).getId();
        // Tasklist sends the checklist as a Json list of the chosen values
        String arrangement = "{\"variables\":{\"memberNos\":{\"type\":\"Json\",\"value\":\"[\\\"1\\\"]\"},"
                + "\"workKind\":{\"value\":\"CARE\"},\"scheduleNote\":{\"value\":\"每周二下午探望孤寡老人\"},"
                + "\"startOn\":{\"value\":\"2026-10-01\"}}}";
        for (String other : List.of("cysdo", "hdrc", "hdcivil")) {
            assertThat(submit(other, arrange, arrangement).getStatusCode()).as(other).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(submit("hdsdo", arrange, arrangement).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(jdbc.queryForObject("select work_kind from allowance_work where case_id = ?", String.class, caseId))
                .isEqualTo("CARE");

        // form-js sends a date and time with its offset; the hours are Beijing time
        String record = fixture.task(pi).getId();
        String entry = "{\"variables\":{\"hoursAction\":{\"value\":\"RECORD\"},\"memberNo\":{\"value\":\"1\"},"
                + "\"workKind\":{\"value\":\"CARE\"},\"startedAt\":{\"value\":\"2026-11-10T06:00Z\"},"
                + "\"endedAt\":{\"value\":\"2026-11-10T16:00+08:00\"}}}";
        assertThat(submit("cysdo", record, entry).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> refused = submit("hdsdo", record, entry.replace("06:00Z", "06:00Q"));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("「开始时间」不是有效的日期时间");
        assertThat(submit("hdsdo", record, entry).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(jdbc.queryForMap("select started_at, ended_at from allowance_work_hours where case_id = ?", caseId)
                .values().stream().map(Object::toString)).containsExactly("2026-11-10 14:00:00.0", "2026-11-10 16:00:00.0");

        String confirm = fixture.task(pi).getId();
        String confirmation = "{\"variables\":{\"hoursDecision\":{\"value\":\"CONFIRM\"}}}";
        assertThat(submit("hdsdo", confirm, confirmation).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(submit("cyrc", confirm, confirmation).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(submit("hdrc", confirm, confirmation).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(jdbc.queryForMap("select state, confirmed_by from allowance_work_hours where case_id = ?", caseId))
                .containsEntry("state", "CONFIRMED").containsEntry("confirmed_by", "hdrc");
    }

    @Test
    void anArrangementOfAChildOrOfAMemberNotOnTheAllowanceIsRefusedNamingTheFieldsAndNothingIsSaved() {
        String caseId = fixture.registered(SUB_DISTRICT, adult(1, "孙低保", true), adult(2, "孙普通", false),
                child(3, "孙小宝", true));
        ProcessInstance pi = fixture.started(caseId);
        Task arrange = fixture.task(pi);
        Map<String, Object> form = AllowanceFixture.arrangement("2", "3", "9");
        form.put("workKind", "GARDENING");
        form.remove("scheduleNote");

        assertThatThrownBy(() -> taskService.complete(arrange.getId(), form))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("「参加劳动的成员」中的成员2未享受城市最低生活保障")
                .hasMessageContaining("「参加劳动的成员」中的成员3未满18周岁")
                .hasMessageContaining("「参加劳动的成员」中的「9」不是本户家庭成员的编号")
                .hasMessageContaining("「劳动类别」的取值无效")
                .hasMessageContaining("「劳动时间安排」为必填项");
        assertThatThrownBy(() -> taskService.complete(arrange.getId(), AllowanceFixture.arrangement()))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("「参加劳动的成员」至少选择一位");
        assertThat(pi).isWaitingAt(Elements.ARRANGE);
        assertThat(jdbc.queryForObject("select count(*) from allowance_work_member m join allowance_work w"
                + " on w.id = m.work_id where w.case_id = ?", Integer.class, caseId)).isZero();
        assertThat(jdbc.queryForObject("select work_kind from allowance_work where case_id = ?", String.class, caseId))
                .isNull();
    }

    @Test
    void hoursInTheFutureOverTwelveHoursEndingBeforeTheyStartOrOfAMemberNotArrangedAreRefused() {
        String caseId = fixture.registered(SUB_DISTRICT, adult(1, "周低保", true), adult(2, "周二", true));
        ProcessInstance pi = fixture.started(caseId);
        fixture.arrange(pi, "1");
        Task record = fixture.task(pi);

        assertRefused(record, AllowanceFixture.hours(2, "CARE", "2026-11-02T08:00", "2026-11-02T07:00"),
                "「成员」所指成员不在本次公益劳动安排之中", "「结束时间」应晚于开始时间");
        assertRefused(record, AllowanceFixture.hours(1, "CARE", "2026-11-02T08:00", "2026-11-02T20:30"),
                "「结束时间」距开始时间不能超过12小时");
        assertRefused(record, AllowanceFixture.hours(1, "CARE", "2099-01-01T08:00", "2099-01-01T09:00"),
                "「开始时间」不能晚于当前时间", "「结束时间」不能晚于当前时间");
        assertRefused(record, AllowanceFixture.hours(1, "CARE", "2026-09-30T08:00", "2026-09-30T09:00"),
                "「开始时间」不能早于公益劳动开始日期 2026-10-01");
        assertRefused(record, AllowanceFixture.hours(7, null, "昨天上午", null),
                "「成员」不是本户家庭成员的编号", "「劳动类别」请选择", "「开始时间」不是有效的日期时间", "「结束时间」为必填项");
        assertRefused(record, Map.of("hoursAction", "END"), "「结束原因」为必填项");

        assertThat(pi).isWaitingAt(Elements.RECORD_HOURS);
        assertThat(jdbc.queryForObject("select count(*) from allowance_work_hours where case_id = ?", Integer.class,
                caseId)).isZero();

        // an entry that overlaps one already recorded for the member is refused too
        fixture.record(pi, 1, "CARE", "2026-11-02T08:00", "2026-11-02T10:00");
        fixture.confirm(pi);
        assertRefused(fixture.task(pi), AllowanceFixture.hours(1, "CLEANING", "2026-11-02T09:00", "2026-11-02T11:00"),
                "「开始时间」与该成员已记录的工时（2026-11-02 08:00 至 2026-11-02 10:00）重叠");
        assertThat(pi).isWaitingAt(Elements.RECORD_HOURS);
    }

    @Test
    void aReturnWithoutAReasonIsRefused() {
        String caseId = fixture.registered(SUB_DISTRICT, adult(1, "吴低保", true));
        ProcessInstance pi = fixture.started(caseId);
        fixture.arrange(pi, "1");
        fixture.record(pi, 1, "CLEANING", "2026-11-03T08:00", "2026-11-03T09:00");
        assertRefused(fixture.task(pi), Map.of("hoursDecision", "RETURN"), "「退回原因」为必填项");
        assertRefused(fixture.task(pi), Map.of(), "「确认结果」请选择");
        assertThat(jdbc.queryForObject("select state from allowance_work_hours where case_id = ?", String.class, caseId))
                .isEqualTo("RECORDED");
    }

    @Test
    void aCorrectionThatFirstShowsAMemberOnTheAllowanceStartsTheArrangement() {
        Member head = adult(1, "郑一", false);
        String caseId = fixture.registered(SUB_DISTRICT, head);
        assertThat(fixture.running(caseId)).isEmpty();

        fixture.correct(caseId, new Member(1, head.name(), head.idNumber(), head.relation(), head.hukou(),
                head.birthDate(), head.employment(), true));

        assertThat(fixture.started(caseId)).isWaitingAt(Elements.ARRANGE);
    }

    @Test
    void theArrangementEndsWhenNoMemberIsOnTheAllowanceAnyMoreAndANewOneMayStartLater() {
        Member head = adult(1, "冯低保", true);
        String caseId = fixture.registered(SUB_DISTRICT, head);
        ProcessInstance pi = fixture.started(caseId);
        fixture.arrange(pi, "1");
        Member off = new Member(1, head.name(), head.idNumber(), head.relation(), head.hukou(), head.birthDate(),
                head.employment(), false);

        fixture.correct(caseId, off);

        assertThat(pi).isEnded().hasPassed(Elements.ALLOWANCE_ENDED, Elements.ARRANGEMENT_STOPPED)
                .hasNotPassed(Elements.ARRANGEMENT_ENDED);
        assertThat(outcome(pi)).isEqualTo("已不再享受低保，公益劳动安排结束");
        assertThat(journal(caseId)).contains("ALLOWANCE_ENDED");
        assertThat(jdbc.queryForObject("select count(*) from allowance_work where open_case_id = ?", Integer.class,
                caseId)).isZero();

        fixture.correct(caseId, off); // still off: nothing happens
        assertThat(fixture.running(caseId)).isEmpty();
        fixture.correct(caseId, head); // on the allowance again: a new arrangement
        ProcessInstance again = fixture.started(caseId);
        assertThat(again.getId()).isNotEqualTo(pi.getId());
        assertThat(again).isWaitingAt(Elements.ARRANGE);
    }

    private void assertRefused(Task task, Map<String, Object> form, String... messages) {
        Map<String, Object> values = new HashMap<>(form);
        values.values().removeIf(java.util.Objects::isNull);
        var thrown = assertThatThrownBy(() -> taskService.complete(task.getId(), values))
                .isInstanceOf(FormFieldValidationException.class);
        for (String message : messages) {
            thrown.hasMessageContaining(message);
        }
    }

    private ResponseEntity<String> submit(String user, String taskId, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/" + taskId + "/submit-form",
                new HttpEntity<>(body, headers), String.class);
    }

    private String outcome(ProcessInstance pi) {
        return (String) historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName("caseOutcome").singleResult().getValue();
    }

    private List<String> journal(String caseId) {
        return jdbc.queryForList("select step from case_journal where case_id = ? order by id", String.class, caseId);
    }
}
