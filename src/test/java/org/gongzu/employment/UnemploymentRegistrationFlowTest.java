package org.gongzu.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.gongzu.employment.EmploymentFixture.man;
import static org.gongzu.employment.EmploymentFixture.woman;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gongzu.casefile.CaseJournal;
import org.gongzu.employment.EmploymentFixture.Person;
import org.gongzu.employment.EmploymentFixture.Registered;
import org.gongzu.employment.UnemploymentRegistrationProcess.Elements;
import org.gongzu.household.HouseholdEvents;
import org.gongzu.household.HouseholdRepository;
import org.gongzu.household.Member.Employment;
import org.gongzu.household.Member.Hukou;
import org.gongzu.support.CoverageOf;
import org.gongzu.support.GongzuTest;
import org.gongzu.support.MoveInFixture;
import org.gongzu.support.TaskGroups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * processes/UnemploymentRegistration.bpmn (clause 7): started once per unemployed member when the
 * household is registered, or by the sub-district's social security office for a member who asks;
 * eligibility from UnemploymentEligibility.dmn; registration with the lease; recurring follow-ups
 * until the member is employed or the registration ends; closed by a correction to employed.
 */
@GongzuTest
@CoverageOf(UnemploymentRegistrationProcess.KEY)
class UnemploymentRegistrationFlowTest {

    static final String SUB_DISTRICT = MoveInFixture.SUB_DISTRICT;
    static final String SSO = "sso-" + SUB_DISTRICT;
    static final LocalDate BORN_1988 = LocalDate.of(1988, 3, 15);
    static final String TODAY = LocalDate.now().toString();

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired IdentityService identityService;
    @Autowired HouseholdRepository households;
    @Autowired ApplicationEventPublisher events;
    @Autowired UnemploymentRegistrationService service;
    @Autowired JobReferralService jobReferrals;
    @Autowired JobReferralStarter jobReferralStarter;
    @Autowired CaseJournal journal;
    @Autowired EmploymentFixture fixture;
    @Autowired MoveInFixture moveIn;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void initAssertions() {
        init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        identityService.clearAuthentication();
    }

    @Test
    void aRegisteredHouseholdStartsOneRegistrationForItsUnemployedBeijingMemberAndNeverASecond() {
        Person head = woman("张丽", LocalDate.of(1985, 3, 15), Hukou.BEIJING, Employment.EMPLOYED);
        Person spouse = man("王强", BORN_1988, Hukou.BEIJING, Employment.UNEMPLOYED);
        String caseId = fixture.household(SUB_DISTRICT, head, spouse);

        fixture.registerInCommunity(caseId);
        // the event again, and a second node that passed the same checks at the same moment
        events.publishEvent(new HouseholdEvents.Registered(households.find(caseId).orElseThrow(), households.members(caseId)));
        assertThat(service.claim(households.find(caseId).orElseThrow(), households.members(caseId).get(1), null)).isEmpty();
        assertThatThrownBy(() -> jdbc.update("insert into unemployment_registration (case_id, id_number, sub_district_code,"
                + " hukou, birth_date, status, open_marker, claimed_at) values (?, ?, ?, 'BEIJING', ?, 'CLAIMED', 'Y',"
                + " current_timestamp)", caseId, spouse.idNumber(), SUB_DISTRICT, java.sql.Date.valueOf(BORN_1988)))
                .isInstanceOf(DataIntegrityViolationException.class);

        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(UnemploymentRegistrationProcess.KEY)
                .processInstanceBusinessKey(caseId).count()).isEqualTo(1);
        assertThat(fixture.registrations(caseId, head)).isEmpty();
        Registered registered = fixture.started(caseId, spouse);
        ProcessInstance pi = fixture.instance(registered.processInstanceId());
        assertThat(pi).isWaitingAt(Elements.REGISTER).hasPassed(Elements.START_MEMBER_UNEMPLOYED, Elements.CHECK_ELIGIBILITY);
        assertThat(pi.getBusinessKey()).isEqualTo(caseId);
        Task task = fixture.task(pi.getId());
        assertThat(TaskGroups.of(taskService, task)).containsExactly(SSO);
        assertThat(task.getName()).isEqualTo("办理失业登记：成员（1988年3月生）");
        assertThat(taskService.getVariableLocal(task.getId(), UnemploymentRegistrationProcess.MEMBER_SHOWN))
                .isEqualTo(spouse.name() + "（身份证号码 " + org.gongzu.validation.IdNumber.mask(spouse.idNumber()) + "）");
        Map<String, Object> variables = runtimeService.getVariables(pi.getId());
        assertThat(variables).containsEntry("caseSubject", "成员（1988年3月生）失业登记")
                .containsEntry("registrationId", registered.registrationId()).containsEntry("eligible", true)
                .containsKeys("caseId", "projectId", "districtCode", "subDistrictCode")
                .doesNotContainKeys("hukou", "age", "sex", "eligibility");
        assertThat(variables.values()).noneMatch(value -> String.valueOf(value).contains(spouse.idNumber())
                || String.valueOf(value).contains(spouse.name()));
        // the decision about the member keeps its history, inputs included
        HistoricDecisionInstance decision = historyService.createHistoricDecisionInstanceQuery()
                .processInstanceId(pi.getId()).includeInputs().singleResult();
        assertThat(decision.getDecisionDefinitionKey()).isEqualTo(UnemploymentRegistrationProcess.ELIGIBILITY_DECISION);
        assertThat(decision.getInputs()).extracting(input -> input.getValue()).contains("BEIJING", "MALE");
    }

    @Test
    void theMoveInThatRegistersTheHouseholdStartsTheRegistrationAsTheSystemAndIsNeverHeldUpByIt() {
        Task membersStep = moveIn.registrationTaskIn(SUB_DISTRICT);
        String caseId = moveIn.caseOf(membersStep);
        Map<String, Object> spouse = MoveInFixture.member("王五", MoveInFixture.SPOUSE_BEIJING, "SPOUSE", "BEIJING",
                "1990-01-01");
        spouse.put("employment", "UNEMPLOYED");
        taskService.complete(membersStep.getId(), MoveInFixture.members(List.of(MoveInFixture.head(), spouse)));
        Task police = taskService.createTaskQuery().processInstanceId(membersStep.getProcessInstanceId()).singleResult();

        // the police's confirmation is the step that registers the household in the community
        List<String> groups = identityService.createGroupQuery().groupMember("hdpolice").list().stream()
                .map(Group::getId).toList();
        identityService.setAuthentication("hdpolice", groups);
        try {
            taskService.complete(police.getId(), MoveInFixture.confirmation());
        } finally {
            identityService.clearAuthentication();
        }

        assertThat(households.find(caseId).orElseThrow().status()).isEqualTo("REGISTERED");
        List<Map<String, Object>> rows = jdbc.queryForList("select id_number, process_instance_id from"
                + " unemployment_registration where case_id = ?", caseId);
        assertThat(rows).singleElement().satisfies(row -> assertThat(row.get("id_number"))
                .isEqualTo(MoveInFixture.SPOUSE_BEIJING));
        String instance = (String) rows.get(0).get("process_instance_id");
        // the move-in's transaction ended at the save point after the start event; the rest is a job
        fixture.runJobs(instance);
        assertThat(fixture.instance(instance)).isWaitingAt(Elements.REGISTER);
        assertThat(runtimeService.getVariable(instance, "caseSubject")).isEqualTo("成员（1990年1月生）失业登记");
    }

    @Test
    void theOfficeRegistersTheMemberOnlyWithTheLeaseOnTheCaseAndFollowsUpUntilTheMemberIsEmployed() {
        Person member = man("李军", BORN_1988, Hukou.BEIJING, Employment.UNEMPLOYED);
        String caseId = fixture.household(SUB_DISTRICT, member);
        fixture.registerInCommunity(caseId);
        Registered registered = fixture.started(caseId, member);
        Task registration = fixture.task(registered.processInstanceId());
        Map<String, Object> form = Map.of("registeredOn", TODAY, "services", "[\"POLICY_ADVICE\",\"CAREER_GUIDANCE\"]",
                "note", "本人携带身份证 " + member.idNumber());

        assertThatThrownBy(() -> taskService.complete(registration.getId(), form))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("租赁合同");
        moveIn.attachLease(caseId);
        assertThatThrownBy(() -> taskService.complete(registration.getId(), Map.of("registeredOn", "2999-01-01")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("「登记日期」不能晚于今天")
                .hasMessageContaining("「本次提供的服务」至少选择一项");
        Date before = new Date();
        taskService.complete(registration.getId(), form);
        Date after = new Date();

        ProcessInstance pi = fixture.instance(registered.processInstanceId());
        assertThat(pi).isWaitingAt(Elements.FOLLOW_UP_DUE);
        assertThat(services(registered.registrationId())).containsExactly("CAREER_GUIDANCE", "POLICY_ADVICE");
        assertThat(journalEntry(caseId, "UNEMPLOYMENT_REGISTERED")).contains("成员（1988年3月生）失业登记：" + TODAY,
                "政策咨询、职业指导").doesNotContain(member.idNumber());
        Job first = timer(pi);
        assertThat(first.getDuedate()).isBetween(plusDays(before, 30, -1000), plusDays(after, 30, 1000), true, true);

        // a month later the follow-up is due: the member still looks for work
        Task followUp = advanceAndFire(first, pi);
        assertThat(TaskGroups.of(taskService, followUp)).containsExactly(SSO);
        Date looking = new Date();
        taskService.complete(followUp.getId(), Map.of("followedUpOn", TODAY, "services", "[\"TRAINING\"]",
                "jobSearchState", "LOOKING"));
        Job second = timer(pi);
        assertThat(second.getDuedate()).isCloseTo(plusDays(looking, 30, 0), 60_000);
        assertThat(runtimeService.getVariable(pi.getId(), "followUpResult")).isEqualTo("LOOKING");

        // the next month: found work
        Task secondFollowUp = advanceAndFire(second, pi);
        assertThatThrownBy(() -> taskService.complete(secondFollowUp.getId(), Map.of("followedUpOn", TODAY,
                "jobSearchState", "EMPLOYED"))).isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("「就业日期」为必填项");
        taskService.complete(secondFollowUp.getId(), Map.of("followedUpOn", TODAY, "services", "[]",
                "jobSearchState", "EMPLOYED", "employedOn", TODAY, "employer", "某物业服务公司"));

        assertThat(pi).isEnded().hasPassed(Elements.EMPLOYED).hasNotPassed(Elements.CLOSE_AS_EMPLOYED);
        assertThat(outcome(pi)).isEqualTo("已就业（" + TODAY + "）");
        assertThat(fixture.registrations(caseId, member).get(0)).containsEntry("status", "EMPLOYED");
        assertThat(services(registered.registrationId())).containsExactly("CAREER_GUIDANCE", "POLICY_ADVICE", "TRAINING");
        assertThat(journalEntry(caseId, "UNEMPLOYMENT_FOLLOW_UP")).contains("仍在求职", "培训信息");
    }

    @Test
    void aFollowUpMayEndTheRegistrationWithItsReason() {
        Registered registered = fixture.registeredUnemployed(SUB_DISTRICT, "赵敏", LocalDate.now().minusDays(3));
        ProcessInstance pi = fixture.instance(registered.processInstanceId());
        Task followUp = advanceAndFire(timer(pi), pi);

        taskService.complete(followUp.getId(), Map.of("followedUpOn", TODAY, "jobSearchState", "ENDED",
                "endReason", "本人申请注销失业登记"));

        assertThat(pi).isEnded().hasPassed(Elements.ENDED);
        assertThat(outcome(pi)).isEqualTo("失业登记已终止：本人申请注销失业登记（" + TODAY + "）");
        assertThat(fixture.registrations(registered.caseId(), registered.person()).get(0)).containsEntry("status", "ENDED");
    }

    @Test
    void aCorrectionToEmployedClosesTheOpenRegistrationAndABecomingUnemployedStartsOneAgain() {
        Person member = man("周平", BORN_1988, Hukou.BEIJING, Employment.UNEMPLOYED);
        Person spouse = woman("吴芳", LocalDate.of(1990, 6, 1), Hukou.BEIJING, Employment.EMPLOYED);
        String caseId = fixture.household(SUB_DISTRICT, member, spouse);
        fixture.registerInCommunity(caseId);
        Registered registered = fixture.started(caseId, member);
        moveIn.attachLease(caseId);
        taskService.complete(fixture.task(registered.processInstanceId()).getId(), Map.of("registeredOn", TODAY,
                "services", "[\"POLICY_ADVICE\"]"));

        // the committee corrects the members: he found work, she lost hers
        fixture.correctMembers(caseId, member.employed(Employment.EMPLOYED), spouse.employed(Employment.UNEMPLOYED));

        ProcessInstance pi = fixture.instance(registered.processInstanceId());
        assertThat(pi).isEnded().hasPassed(Elements.MEMBER_EMPLOYED_START, Elements.CLOSE_AS_EMPLOYED,
                Elements.CLOSED_AS_EMPLOYED).hasNotPassed(Elements.FOLLOW_UP);
        assertThat(outcome(pi)).startsWith("已就业（" + TODAY + "）");
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(fixture.registrations(caseId, member).get(0)).containsEntry("status", "EMPLOYED");
        Registered hers = fixture.started(caseId, spouse);
        assertThat(fixture.instance(hers.processInstanceId())).isWaitingAt(Elements.REGISTER);

        // another correction that changes neither's employment starts and closes nothing
        fixture.correctMembers(caseId, member.employed(Employment.EMPLOYED), spouse.employed(Employment.UNEMPLOYED));
        assertThat(fixture.registrations(caseId, spouse)).hasSize(1);
        assertThat(fixture.instance(hers.processInstanceId())).isWaitingAt(Elements.REGISTER);

        // he lost the job again: a new registration after the ended one
        fixture.correctMembers(caseId, member, spouse.employed(Employment.UNEMPLOYED));
        List<Map<String, Object>> his = fixture.registrations(caseId, member);
        assertThat(his).hasSize(2).extracting(row -> row.get("status")).containsExactly("EMPLOYED", "CLAIMED");
    }

    @Test
    void aNonLocalMemberGetsTheRecordedRefusalWithWhereToGoAndNoTask() {
        Person member = man("陈刚", BORN_1988, Hukou.NON_LOCAL, Employment.UNEMPLOYED);
        String caseId = fixture.household(SUB_DISTRICT, member);
        fixture.registerInCommunity(caseId);
        Registered registered = fixture.started(caseId, member);

        ProcessInstance pi = fixture.instance(registered.processInstanceId());
        assertThat(pi).isEnded().hasPassed(Elements.RECORD_REFUSAL, Elements.REFUSED).hasNotPassed(Elements.REGISTER);
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(outcome(pi)).startsWith("不予失业登记：非本市户籍，不能在公租房所在街道社保所办理失业登记；可到户籍所在地");
        assertThat(journalEntry(caseId, "UNEMPLOYMENT_REFUSED")).contains("成员（1988年3月生）不予失业登记");
        assertThat(fixture.registrations(caseId, member).get(0)).containsEntry("status", "REFUSED");

        // the same registration of the members again is no new refusal; the member who asks gets one
        fixture.correctMembers(caseId, member);
        assertThat(fixture.registrations(caseId, member)).hasSize(1);
        ProcessInstance asked = startAs("hdsso", caseId, member.idNumber());
        assertThat(asked).isEnded().hasPassed(Elements.START_REQUESTED, Elements.REFUSED);
        assertThat(fixture.registrations(caseId, member)).hasSize(2)
                .allSatisfy(row -> assertThat(row).containsEntry("status", "REFUSED"));
    }

    @Test
    void theSocialSecurityOfficeStartsARegistrationForAMemberWhoAsksAndOnlyOnce() {
        Person head = woman("孙红", LocalDate.of(1986, 7, 1), Hukou.BEIJING, Employment.OTHER);
        String caseId = fixture.household(SUB_DISTRICT, head);
        fixture.registerInCommunity(caseId);
        assertThat(fixture.registrations(caseId, head)).isEmpty();

        ProcessInstance pi = startAs("hdsso", caseId, head.idNumber().toLowerCase());

        assertThat(pi).isWaitingAt(Elements.REGISTER).hasPassed(Elements.START_REQUESTED);
        assertThat(pi.getBusinessKey()).isEqualTo(caseId);
        assertThat(TaskGroups.of(taskService, fixture.task(pi.getId()))).containsExactly(SSO);
        assertThat(runtimeService.getVariables(pi.getId())).doesNotContainKeys("memberIdNumber", "householdCaseId")
                .containsEntry("caseSubject", "成员（1986年7月生）失业登记");
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName("memberIdNumber").count()).isZero();
        assertThat(fixture.registrations(caseId, head)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("status", "CLAIMED").containsEntry("process_instance_id", pi.getId()));

        assertThatThrownBy(() -> startAs("hdsso", caseId, head.idNumber()))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessage("「成员身份证号码」该成员已有正在办理的失业登记，不能重复登记");
        assertThatThrownBy(() -> startAs("hdsso", caseId, MoveInFixture.SPOUSE_NON_LOCAL))
                .isInstanceOf(FormFieldValidationException.class).hasMessage("「成员身份证号码」不是该家庭登记的成员");
        assertThatThrownBy(() -> startAs("hdsso", "HH-NONE-1", head.idNumber()))
                .isInstanceOf(FormFieldValidationException.class).hasMessage("「家庭案卷号」不存在：HH-NONE-1");
    }

    @Test
    void aHandStartForAHouseholdOfAnotherSubDistrictIsRefused() {
        Person member = man("郑伟", BORN_1988, Hukou.BEIJING, Employment.EMPLOYED);
        String caseId = fixture.household(MoveInFixture.OTHER_SUB_DISTRICT, member);
        fixture.registerInCommunity(caseId);

        assertThatThrownBy(() -> startAs("hdsso", caseId, member.idNumber()))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessage("「家庭案卷号」不属于您所在街道的社保所，无权为该家庭办理失业登记");
        assertThat(fixture.registrations(caseId, member)).isEmpty();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .processDefinitionKey(UnemploymentRegistrationProcess.KEY).count()).isZero();
    }

    @Test
    void aCommunityJobReferralIsRecordedOnTheRegistrationWhileItGoesOn() {
        Registered registered = fixture.registeredUnemployed(SUB_DISTRICT, "钱进", LocalDate.now().minusDays(1));
        JobReferralStarter.Posted posted = jobReferralStarter.post(new JobReferralService.Draft(SUB_DISTRICT,
                "学院路社区便民超市", "理货员", 1, null), "hdowner");
        Task recommend = taskService.createTaskQuery().processInstanceId(posted.processInstanceId()).singleResult();
        String list = (String) taskService.getVariableLocal(recommend.getId(), JobReferralProcess.RecommendationForm.CANDIDATES);

        taskService.complete(recommend.getId(), Map.of("recommendedNumbers", String.valueOf(JobReferralFlowTest.numberOf(list,
                registered.person()))));

        ProcessInstance pi = fixture.instance(registered.processInstanceId());
        assertThat(pi).isWaitingAt(Elements.FOLLOW_UP_DUE).hasPassed(Elements.JOB_REFERRED, Elements.RECORD_REFERRAL,
                Elements.REFERRAL_RECORDED);
        assertThat(journalEntry(registered.caseId(), "UNEMPLOYMENT_JOB_REFERRAL"))
                .isEqualTo("成员（1988年3月生）职业介绍：优先推荐应聘学院路社区便民超市「理货员」（" + posted.jobOpeningId() + "）");
        assertThat(services(registered.registrationId())).containsExactly("JOB_REFERRAL", "POLICY_ADVICE");
    }

    @Test
    void aLateRegistrationIsEscalatedOnceToTheDistrictSupervisorWhileTheOfficeGoesOn() {
        Person member = man("周强", BORN_1988, Hukou.BEIJING, Employment.UNEMPLOYED);
        String caseId = fixture.household(SUB_DISTRICT, member);
        fixture.registerInCommunity(caseId);
        Registered registered = fixture.started(caseId, member);
        Task registration = fixture.task(registered.processInstanceId());
        ProcessInstance pi = fixture.instance(registered.processInstanceId());
        Job late = managementService.createJobQuery().processInstanceId(pi.getId()).timers()
                .activityId(Elements.REGISTRATION_LATE).singleResult();
        assertThat(registration.getDueDate()).isNotNull().isEqualTo(late.getDuedate());

        ClockUtil.setCurrentTime(new Date(late.getDuedate().getTime() + 60_000));
        try {
            fixture.fireTimer(late);
        } finally {
            ClockUtil.reset();
        }
        Task escalation = taskService.createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey(Elements.HANDLE_LATE_REGISTRATION).singleResult();
        assertThat(escalation.getName()).isEqualTo("处理超期：办理失业登记");
        assertThat(TaskGroups.of(taskService, escalation)).containsExactly("supervisor-110108");
        assertThat(journalEntry(caseId, "STEP_ESCALATED")).contains("「办理失业登记」").doesNotContain("周强");
        taskService.complete(escalation.getId(), Map.of("escalationDecision", "EXPLAIN", "escalationNote", "请社保所说明原因"));
        assertThat(journalEntry(caseId, "STEP_ESCALATION_DECIDED")).contains("说明原因", "请社保所说明原因");
        assertThat(pi).hasPassed(Elements.RECORD_LATE_REGISTRATION, Elements.LATE_REGISTRATION_HANDLED)
                .isWaitingAt(Elements.REGISTER);

        moveIn.attachLease(caseId);
        taskService.complete(registration.getId(), Map.of("registeredOn", TODAY, "services", "[\"POLICY_ADVICE\"]"));
        assertThat(pi).isWaitingAt(Elements.FOLLOW_UP_DUE);
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).activityId(Elements.REGISTRATION_LATE)
                .count()).as("fired once, and gone with the step").isZero();
    }

    private ProcessInstance startAs(String user, String caseId, String idNumber) {
        List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        identityService.setAuthentication(user, groups);
        try {
            return runtimeService.startProcessInstanceByKey(UnemploymentRegistrationProcess.KEY,
                    Map.of("householdCaseId", caseId, "memberIdNumber", idNumber));
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** Time passes to just after the timer's due date, and the timer runs as the job executor would. */
    private Task advanceAndFire(Job timer, ProcessInstance pi) {
        ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 60_000));
        try {
            fixture.fireTimer(timer);
        } finally {
            ClockUtil.reset();
        }
        assertThat(pi).isWaitingAt(Elements.FOLLOW_UP);
        return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(Elements.FOLLOW_UP)
                .singleResult();
    }

    private Job timer(ProcessInstance pi) {
        return managementService.createJobQuery().processInstanceId(pi.getId()).timers()
                .activityId(Elements.FOLLOW_UP_DUE).singleResult();
    }

    private List<String> services(long registrationId) {
        return jdbc.queryForList("select service from unemployment_service where registration_id = ? order by service",
                String.class, registrationId);
    }

    /** The case's journal entries of this step, one a line. */
    private String journalEntry(String caseId, String step) {
        return journal.entries(caseId).stream().filter(e -> step.equals(e.get("step"))).map(e -> (String) e.get("entry"))
                .reduce((a, b) -> a + "\n" + b).orElseThrow(() -> new AssertionError("no " + step + " in the journal of " + caseId));
    }

    private String outcome(ProcessInstance pi) {
        return (String) historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName("caseOutcome").singleResult().getValue();
    }

    private static Date plusDays(Date date, int days, long plusMillis) {
        return new Date(date.getTime() + days * 86_400_000L + plusMillis);
    }
}
