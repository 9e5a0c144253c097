package org.gongzu.movein;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.gongzu.support.MoveInFixture.CHILD_BEIJING;
import static org.gongzu.support.MoveInFixture.SPOUSE_BEIJING;
import static org.gongzu.support.MoveInFixture.SPOUSE_NON_LOCAL;
import static org.gongzu.support.MoveInFixture.SUB_DISTRICT;
import static org.gongzu.support.MoveInFixture.WRONG_CHECK_DIGIT;
import static org.gongzu.support.MoveInFixture.confirmation;
import static org.gongzu.support.MoveInFixture.head;
import static org.gongzu.support.MoveInFixture.member;
import static org.gongzu.support.MoveInFixture.memberGroups;
import static org.gongzu.support.MoveInFixture.members;
import static org.gongzu.support.MoveInFixture.moveIn;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gongzu.movein.TenantMoveInProcess.Elements;
import org.gongzu.support.CoverageOf;
import org.gongzu.support.GongzuTest;
import org.gongzu.support.MoveInFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * processes/TenantMoveIn.bpmn, driven through the engine's API on the embedded PostgreSQL. The
 * coverage library counts its flow nodes and sequence flows over these tests and fails the class
 * below 90 % ({@link CoverageOf}).
 */
@GongzuTest
@CoverageOf(TenantMoveInProcess.KEY)
class TenantMoveInFlowTest {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @Autowired MoveInFixture fixture;
    @Autowired JdbcTemplate jdbc;

    @Autowired RepositoryService repositoryService;
    @Autowired ManagementService managementService;

    @BeforeEach
    void initAssertions() {
        init(engine);
    }

    @Test
    void beijingHouseholdGoesToActualPopulationOnlyAndIsRegistered() {
        ProcessInstance pi = fixture.startMoveIn(fixture.occupiedProject(SUB_DISTRICT));
        String caseId = pi.getBusinessKey();
        assertThat(caseId).matches("HH-\\d{4}-\\d{6}");
        assertThat(pi).isWaitingAt(Elements.CONFIRM_MOVE_IN);
        assertThat(task(pi)).hasCandidateGroup("owner-" + SUB_DISTRICT);
        assertThat(pi).variables().containsEntry("caseId", caseId).containsEntry("districtCode", "110108")
                .doesNotContainKeys("headName", "headIdNumber");

        complete(task(pi), moveIn());
        assertThat(pi).isWaitingAt(Elements.REGISTER_MEMBERS);
        assertThat(task(pi)).hasCandidateGroup("rc-" + SUB_DISTRICT);

        complete(task(pi), members(List.of(head(),
                member("王五", SPOUSE_BEIJING, "SPOUSE", "BEIJING", "1990-01-01"),
                member("张小宝", CHILD_BEIJING, "CHILD", "BEIJING", "2010-06-01"))));
        assertThat(pi).isWaitingAt(Elements.CONFIRM_ACTUAL_POPULATION).hasNotPassed(Elements.REGISTER_FLOATING_POPULATION);
        assertThat(task(pi)).hasCandidateGroup("police-" + SUB_DISTRICT);
        assertThat(pi).variables().doesNotContainKey("members");
        assertThat(jdbc.queryForList("select population_register from household_member where case_id = ?",
                String.class, caseId)).containsOnly("ACTUAL").hasSize(3);

        complete(task(pi), confirmation());
        assertThat(pi).isEnded().hasPassed(Elements.REGISTER_IN_COMMUNITY, Elements.END);
        assertThat(status(caseId)).isEqualTo("REGISTERED");
        assertThat(jdbc.queryForObject("select count(*) from household_member where case_id = ?"
                + " and police_confirmed_at is not null", Integer.class, caseId)).isEqualTo(3);
    }

    @Test
    void nonLocalHouseholdGoesToFloatingPopulationRegistration() {
        ProcessInstance pi = fixture.startMoveIn(fixture.occupiedProject(SUB_DISTRICT));
        complete(task(pi), moveIn());
        // an ID number does not tell the hukou: here every member is registered as non-local
        complete(task(pi), members(List.of(
                member("张三", MoveInFixture.HEAD_BEIJING, "HEAD", "NON_LOCAL", "1985-03-15"),
                member("李四", SPOUSE_NON_LOCAL, "SPOUSE", "NON_LOCAL", "1988-08-08"))));
        assertThat(pi).isWaitingAt(Elements.REGISTER_FLOATING_POPULATION).hasNotPassed(Elements.CONFIRM_ACTUAL_POPULATION);
        assertThat(task(pi)).hasCandidateGroup("police-" + SUB_DISTRICT);

        complete(task(pi), confirmation());
        assertThat(pi).isEnded().hasPassed(Elements.END).hasNotPassed(Elements.CONFIRM_ACTUAL_POPULATION);
        assertThat(jdbc.queryForList("select population_register from household_member where case_id = ?",
                String.class, pi.getBusinessKey())).containsOnly("FLOATING");
    }

    @Test
    void mixedHouseholdGoesToBothRegistersAndWaitsForBoth() {
        ProcessInstance pi = fixture.startMoveIn(fixture.occupiedProject(SUB_DISTRICT));
        complete(task(pi), moveIn());
        // as Tasklist submits the form: a member count and one group per member
        complete(task(pi), memberGroups(List.of(head(),
                member("李四", SPOUSE_NON_LOCAL, "SPOUSE", "NON_LOCAL", "1988-08-08"))));
        assertThat(pi).isWaitingAt(Elements.CONFIRM_ACTUAL_POPULATION, Elements.REGISTER_FLOATING_POPULATION);
        assertThat(runtimeService.getVariables(pi.getId())).doesNotContainKeys("memberCount", "member1", "member2");
        assertThat(jdbc.queryForObject("select count(*) from household_member where case_id = ?", Integer.class,
                pi.getBusinessKey())).isEqualTo(2);

        complete(task(Elements.REGISTER_FLOATING_POPULATION, pi), confirmation());
        assertThat(pi).isWaitingAt(Elements.CONFIRM_ACTUAL_POPULATION).isNotEnded();
        complete(task(Elements.CONFIRM_ACTUAL_POPULATION, pi), confirmation());
        assertThat(pi).isEnded().hasPassed(Elements.REGISTER_IN_COMMUNITY);
        assertThat(status(pi.getBusinessKey())).isEqualTo("REGISTERED");
    }

    @Test
    void aLateMemberRegistrationIsEscalatedOnceToTheSubDistrictOfficeWhileTheCommitteeGoesOn() {
        ProcessInstance pi = fixture.startMoveIn(fixture.newProject(SUB_DISTRICT));
        complete(task(pi), moveIn());
        Task registration = task(pi);
        Job late = managementService.createJobQuery().processInstanceId(pi.getId()).timers()
                .activityId(Elements.MEMBER_REGISTRATION_LATE).singleResult();
        assertThat(registration.getDueDate()).isNotNull().isEqualTo(late.getDuedate());

        ClockUtil.setCurrentTime(new java.util.Date(late.getDuedate().getTime() + 60_000));
        try {
            managementService.executeJob(late.getId());
        } catch (ProcessEngineException ranByTheJobExecutor) {
            // the job executor ran it first
        } finally {
            ClockUtil.reset();
        }
        Task escalation = taskService.createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey(Elements.HANDLE_LATE_MEMBER_REGISTRATION).singleResult();
        assertThat(escalation.getName()).isEqualTo("处理超期：登记家庭成员信息");
        assertThat(escalation).hasCandidateGroup("sdo-" + SUB_DISTRICT);
        String caseId = pi.getBusinessKey();
        assertThat(jdbc.queryForList("select entry from case_journal where case_id = ? and step = 'STEP_ESCALATED'",
                String.class, caseId)).singleElement().asString().contains("「登记家庭成员信息」");
        taskService.complete(escalation.getId(), Map.of("escalationDecision", "REASSIGN", "escalationNote", "改由社区工作者李某登记"));
        assertThat(jdbc.queryForList("select entry from case_journal where case_id = ? and step = 'STEP_ESCALATION_DECIDED'",
                String.class, caseId)).singleElement().asString().contains("改派");
        assertThat(pi).hasPassed(Elements.RECORD_LATE_MEMBER_REGISTRATION, Elements.LATE_MEMBER_REGISTRATION_HANDLED)
                .isWaitingAt(Elements.REGISTER_MEMBERS);
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId())
                .activityId(Elements.MEMBER_REGISTRATION_LATE).count()).as("fires once").isZero();
    }

    @Test
    void theResidentsCommitteeSendsAWrongMoveInBackToTheOwnerWhoConfirmsItAgain() {
        String project = fixture.newProject(SUB_DISTRICT);
        ProcessInstance pi = fixture.startMoveIn(project);
        complete(task(pi), moveIn());

        // 退回 correlates the step's return message (TaskActionsController does so for staff)
        runtimeService.createMessageCorrelation("Return_Task_RegisterMembers").processInstanceId(pi.getId()).correlate();
        assertThat(pi).hasPassed(Elements.RETURN_TO_OWNER).isWaitingAt(Elements.CONFIRM_MOVE_IN);
        assertThat(task(pi)).hasCandidateGroup("owner-" + SUB_DISTRICT);

        complete(task(pi), moveIn());
        assertThat(pi).isWaitingAt(Elements.REGISTER_MEMBERS);
        // confirmed again, the case is still its project's first move-in
        assertThat(pi).variables().containsEntry("firstHouseholdOfProject", true);
    }

    @Test
    void theFirstHouseholdToMoveInIsClaimedOnceOnTheProjectAndGoesStraightToRegistration() {
        String project = fixture.newProject(SUB_DISTRICT);
        ProcessInstance pi = fixture.startMoveIn(project);
        complete(task(pi), moveIn());
        assertThat(pi).variables().containsEntry("firstHouseholdOfProject", true);
        assertThat(pi).isWaitingAt(Elements.REGISTER_MEMBERS);
        assertThat(jdbc.queryForMap("select first_move_in_case_id, first_moved_in_on from housing_project where id = ?",
                project)).containsEntry("first_move_in_case_id", pi.getBusinessKey())
                .containsEntry("first_moved_in_on", java.sql.Date.valueOf("2026-02-01"));

        // the second household of the same project is not the first; neither is asked about facilities,
        // which FacilityHandover tracks per facility now
        ProcessInstance second = fixture.startMoveIn(project);
        complete(task(second), moveIn());
        assertThat(second).variables().containsEntry("firstHouseholdOfProject", false);
        assertThat(second).isWaitingAt(Elements.REGISTER_MEMBERS);
        assertThat(jdbc.queryForObject("select first_move_in_case_id from housing_project where id = ?", String.class,
                project)).isEqualTo(pi.getBusinessKey());
    }

    @Test
    void registrationWithWrongCheckDigitIsRefusedNamingTheFieldAndNothingIsSaved() {
        ProcessInstance pi = fixture.startMoveIn(fixture.occupiedProject(SUB_DISTRICT));
        complete(task(pi), moveIn());
        Task registration = task(pi);

        assertThatThrownBy(() -> taskService.complete(registration.getId(), members(List.of(head(),
                member("王五", WRONG_CHECK_DIGIT, "SPOUSE", "BEIJING", "1985-03-15")))))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("第2位成员的「身份证号码」校验位不正确");

        assertThat(pi).isWaitingAt(Elements.REGISTER_MEMBERS);
        assertThat(taskService.createTaskQuery().taskId(registration.getId()).count()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from household_member where case_id = ?", Integer.class,
                pi.getBusinessKey())).isZero();
        assertThat(status(pi.getBusinessKey())).isEqualTo("MOVED_IN");
        assertThat(runtimeService.getVariables(pi.getId())).doesNotContainKeys("members", "hasBeijingMembers");
    }

    @Test
    void inconsistentMembersAreRefusedWithEveryMistakeNamed() {
        ProcessInstance pi = fixture.startMoveIn(fixture.occupiedProject(SUB_DISTRICT));
        complete(task(pi), moveIn());
        Map<String, Object> child = member("", CHILD_BEIJING, "CHILD", "BEIJING", "2010-06-02");
        child.put("hukou", "MARS");

        assertThatThrownBy(() -> taskService.complete(task(pi).getId(), members(List.of(child))))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("第1位成员的「姓名」为必填项")
                .hasMessageContaining("第1位成员的「户籍」的取值无效")
                .hasMessageContaining("第1位成员的「出生日期」与身份证号码中的出生日期不一致")
                .hasMessageContaining("须包括承租人本人");
        assertThat(pi).isWaitingAt(Elements.REGISTER_MEMBERS);
    }

    @Test
    void memberCountWithoutItsGroupsIsRefused() {
        ProcessInstance pi = fixture.startMoveIn(fixture.occupiedProject(SUB_DISTRICT));
        complete(task(pi), moveIn());
        Map<String, Object> twoCountedOneGiven = new java.util.HashMap<>(memberGroups(List.of(head())));
        twoCountedOneGiven.put("memberCount", 2);

        assertThatThrownBy(() -> taskService.complete(task(pi).getId(), twoCountedOneGiven))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("「第2位成员」未填写");
        assertThatThrownBy(() -> taskService.complete(task(pi).getId(), Map.of("memberCount", 9)))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("「家庭成员人数」应为1至8之间的整数");
        assertThat(pi).isWaitingAt(Elements.REGISTER_MEMBERS);
    }

    @Test
    void theOwnerCannotConfirmTheMoveInWithoutTheLeaseOnTheCase() {
        String project = fixture.occupiedProject(SUB_DISTRICT);
        ProcessInstance pi = runtimeService.startProcessInstanceByKey("TenantMoveIn",
                fixture.lease(project, MoveInFixture.HEAD_BEIJING));
        assertThatThrownBy(() -> taskService.complete(task(pi).getId(), moveIn()))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("「租赁合同」扫描件");
        assertThat(pi).isWaitingAt(Elements.CONFIRM_MOVE_IN);

        fixture.attachLease(pi.getBusinessKey());
        complete(task(pi), moveIn());
        assertThat(pi).isWaitingAt(Elements.REGISTER_MEMBERS);
    }

    @Test
    void moveInDateInTheFutureOrKeysNotHandedOverIsRefused() {
        ProcessInstance pi = fixture.startMoveIn(fixture.occupiedProject(SUB_DISTRICT));

        assertThatThrownBy(() -> taskService.complete(task(pi).getId(),
                Map.of("moveInDate", "2999-01-01", "keysHandedOver", false)))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("「入住日期」不能晚于今天")
                .hasMessageContaining("「钥匙已交付」须勾选确认");
        assertThat(pi).isWaitingAt(Elements.CONFIRM_MOVE_IN);
        assertThat(status(pi.getBusinessKey())).isEqualTo("LEASE_SIGNED");
    }

    @Test
    void leaseWithBadInputStartsNothing() {
        Map<String, Object> lease = fixture.lease("NO-SUCH-PROJECT", MoveInFixture.WRONG_CHECK_DIGIT);
        lease.put("leaseSignedOn", "2999-12-31");
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("TenantMoveIn").count();

        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("TenantMoveIn", lease))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("「承租人身份证号码」校验位不正确")
                .hasMessageContaining("「合同签订日期」不能晚于今天")
                .hasMessageContaining("「公租房项目」不存在");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("TenantMoveIn").count())
                .isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from household where lease_no = ?", Integer.class,
                lease.get("leaseNo"))).isZero();
    }

    @Test
    void theCommitteesFormOpensWithTheLeaseHolderAsTheOwnerEnteredThem() {
        ProcessInstance pi = fixture.startMoveIn(fixture.occupiedProject(SUB_DISTRICT));
        complete(task(pi), moveIn());
        Object first = taskService.getVariableLocal(task(pi).getId(), "member1");
        assertThat(first.toString()).contains("张三", MoveInFixture.HEAD_BEIJING, "HEAD", "1985-03-15");
        assertThat(runtimeService.getVariable(pi.getId(), "member1")).isNull();
    }

    @Test
    void personalDataNeverReachesTheEnginesHistory() {
        ProcessInstance pi = fixture.startMoveIn(fixture.occupiedProject(SUB_DISTRICT));
        complete(task(pi), moveIn());
        complete(task(pi), members(List.of(head())));

        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).list())
                .extracting(v -> v.getName())
                .contains("caseId", "hasBeijingMembers")
                .doesNotContain("headName", "headIdNumber", "members", "member1");
        // Gongzu's history level writes no variable-update details at all (docs/adr/0014)
        assertThat(historyService.createHistoricDetailQuery().processInstanceId(pi.getId()).list()).isEmpty();
    }

    private String status(String caseId) {
        return jdbc.queryForObject("select status from household where case_id = ?", String.class, caseId);
    }
}
