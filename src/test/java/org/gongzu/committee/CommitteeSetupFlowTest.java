package org.gongzu.committee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gongzu.committee.CommitteeSetupProcess.Elements;
import org.gongzu.committee.CommitteeSetupProcess.Stage;
import org.gongzu.project.ProjectService;
import org.gongzu.support.CoverageOf;
import org.gongzu.support.GongzuTest;
import org.gongzu.support.TaskGroups;
import org.gongzu.support.MoveInFixture;
import org.gongzu.support.ProjectFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * processes/CommitteeSetup.bpmn (clause 5): started by a project's first registered household, five
 * stages guided by the sub-district office with deadlines from CommitteeStageDeadlines.dmn, late
 * stages escalated to the district civil affairs bureau.
 */
@GongzuTest
@CoverageOf(CommitteeSetupProcess.KEY)
class CommitteeSetupFlowTest {

    static final String SUB_DISTRICT = "110108015";

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired ProjectService projectService;
    @Autowired ProjectFixture fixture;
    @Autowired MoveInFixture moveIn;
    @Autowired CommitteeSetupService service;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void initAssertions() {
        init(engine);
    }

    @Test
    void theFirstRegisteredHouseholdStartsTheSetupOnceWithTheStageDeadlinesOfTheTable() {
        String project = moveIn.newProject(SUB_DISTRICT);
        String first = fixture.registeredHousehold(project, LocalDateTime.now(), LocalDate.of(1980, 1, 1));
        String second = fixture.registeredHousehold(project, LocalDateTime.now(), LocalDate.of(1981, 1, 1));

        assertThat(projectService.householdRegistered(project, first)).isTrue();
        assertThat(projectService.householdRegistered(project, second)).isFalse();

        ProcessInstance pi = setup(project);
        assertThat(pi).isWaitingAt(Elements.PREPARATORY_GROUP);
        Task task = task(pi);
        assertThat(groups(task)).containsExactly("sdo-" + SUB_DISTRICT);
        assertThat(task.getDueDate()).isEqualTo(endOf(LocalDate.now().plusDays(30)));
        assertThat(jdbc.queryForList("select code from project_milestone where project_id = ? order by seq", String.class,
                project)).containsExactlyElementsOf(CommitteeSetupProcess.STAGES.stream().map(Stage::taskId).toList());
        assertThat(jdbc.queryForObject("select due_on from project_milestone where project_id = ? and code = ?",
                java.sql.Date.class, project, Elements.SELF_MANAGEMENT).toLocalDate())
                .isEqualTo(LocalDate.now().plusDays(180));
        assertThat(pi).variables().doesNotContainKey("stageDeadlines");
    }

    @Test
    void eachStageIsRecordedAndTheElectionDrawsItsVoterRollFromTheRegisteredAdults() {
        String project = moveIn.newProject(SUB_DISTRICT);
        LocalDateTime lastWeek = LocalDateTime.now().minusDays(7);
        String household = fixture.registeredHousehold(project, lastWeek, LocalDate.of(1980, 1, 1),
                LocalDate.of(1982, 5, 5), LocalDate.now().minusYears(10));
        // not on the roll: a household registered only after the election day, and another project's
        fixture.registeredHousehold(project, LocalDateTime.now().plusDays(1), LocalDate.of(1975, 1, 1));
        fixture.registeredHousehold(moveIn.newProject(SUB_DISTRICT), lastWeek, LocalDate.of(1970, 1, 1));
        projectService.householdRegistered(project, household);
        ProcessInstance pi = setup(project);

        taskService.complete(task(pi).getId(), Map.of("doneOn", LocalDate.now().toString(), "note", "筹备组七人"));
        assertThat(pi).isWaitingAt(Elements.ELECTION);
        taskService.complete(task(pi).getId(), Map.of("electionOn", LocalDate.now().toString(), "membersElected", 5));
        assertThat(service.voters(project)).hasSize(2);

        for (String stage : List.of(Elements.PARTY_ORGANISATION, Elements.SERVICE_STATION, Elements.SELF_MANAGEMENT)) {
            assertThat(pi).isWaitingAt(stage);
            taskService.complete(task(pi).getId(), Map.of("doneOn", LocalDate.now().toString(), "note", "已完成"));
        }
        assertThat(pi).isEnded().hasPassed(Elements.END).hasNotPassed(Elements.SUPERVISE_LATE_STAGE);
        assertThat(jdbc.queryForObject("select count(*) from project_milestone where project_id = ? and done_on is not null",
                Integer.class, project)).isEqualTo(5);
        assertThat(jdbc.queryForObject("select entry from case_journal where case_id = ? and step = 'COMMITTEE_ELECTED'",
                String.class, project)).contains("选民 2 人", "当选委员 5 人");
    }

    @Test
    void anElectionBeforeAnyAdultIsRegisteredOrWithTooManyMembersIsRefused() {
        String project = moveIn.newProject(SUB_DISTRICT);
        String household = fixture.registeredHousehold(project, LocalDateTime.now(), LocalDate.of(1980, 1, 1));
        projectService.householdRegistered(project, household);
        ProcessInstance pi = setup(project);
        taskService.complete(task(pi).getId(), Map.of("doneOn", LocalDate.now().toString(), "note", "筹备组成立"));
        Task election = task(pi);

        assertThatThrownBy(() -> taskService.complete(election.getId(), Map.of(
                "electionOn", LocalDate.now().minusDays(2).toString(), "membersElected", 20)))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("「选举日期」当日尚无已登记入住的成年居民")
                .hasMessageContaining("「当选委员人数」应为3至15之间的整数");
        assertThat(pi).isWaitingAt(Elements.ELECTION);
        assertThat(service.voters(project)).isEmpty();
        assertThatThrownBy(() -> taskService.complete(election.getId(), Map.of("doneOn", LocalDate.now().toString())))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("doneOn");
    }

    @Test
    void everyLateStageIsEscalatedToTheDistrictCivilAffairsBureauWhileTheStageGoesOn() {
        String project = moveIn.newProject(SUB_DISTRICT);
        String household = fixture.registeredHousehold(project, LocalDateTime.now().minusDays(1), LocalDate.of(1980, 1, 1));
        projectService.householdRegistered(project, household);
        ProcessInstance pi = setup(project);

        for (Stage stage : CommitteeSetupProcess.STAGES) {
            fixture.fire(timer(pi, stage));
            Task supervision = taskService.createTaskQuery().processInstanceId(pi.getId())
                    .taskDefinitionKey(Elements.SUPERVISE_LATE_STAGE).singleResult();
            assertThat(groups(supervision)).as(stage.taskId()).containsExactly("civil-110108");
            assertThat(taskService.getVariable(supervision.getId(), "lateStageName")).isEqualTo(stage.name());
            assertThat(supervision.getName()).isEqualTo("督办逾期阶段：" + stage.name());
            assertThat(jdbc.queryForObject("select late from project_milestone where project_id = ? and code = ?",
                    Boolean.class, project, stage.taskId())).isTrue();
            taskService.complete(supervision.getId(), Map.of("measures", "约谈街道，限期完成"));

            // the stage itself is still open with the sub-district office
            Task open = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(stage.taskId())
                    .singleResult();
            taskService.complete(open.getId(), stage.taskId().equals(Elements.ELECTION)
                    ? Map.of("electionOn", LocalDate.now().toString(), "membersElected", 5)
                    : Map.of("doneOn", LocalDate.now().toString(), "note", "逾期完成"));
        }
        assertThat(pi).isEnded().hasPassed(Elements.LATE_STAGE_SUPERVISED, Elements.END);
        assertThat(jdbc.queryForObject("select count(*) from case_journal where case_id = ? and step = ?", Integer.class,
                project, "COMMITTEE_STAGE_SUPERVISED")).isEqualTo(5);
    }

    private ProcessInstance setup(String project) {
        List<ProcessInstance> setups = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(CommitteeSetupProcess.KEY).processInstanceBusinessKey(project).list();
        assertThat(setups).hasSize(1);
        return setups.get(0);
    }

    private Job timer(ProcessInstance pi, Stage stage) {
        return managementService.createJobQuery().processInstanceId(pi.getId()).activityId(stage.lateEventId())
                .singleResult();
    }

    private Task task(ProcessInstance pi) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    }

    private List<String> groups(Task task) {
        return TaskGroups.of(taskService, task);
    }

    private static Date endOf(LocalDate day) {
        return Date.from(day.atTime(LocalTime.of(23, 59, 59)).atZone(ZoneId.systemDefault()).toInstant());
    }
}
