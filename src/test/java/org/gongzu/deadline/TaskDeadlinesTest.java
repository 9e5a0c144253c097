package org.gongzu.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzu.support.MoveInFixture.SUB_DISTRICT;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.gongzu.support.GongzuTest;
import org.gongzu.support.MoveInFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** processes/TaskDeadlines.dmn and the due and follow-up dates every new task gets from it. */
@GongzuTest
class TaskDeadlinesTest {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Autowired DecisionService decisionService;
    @Autowired RepositoryService repositoryService;
    @Autowired MoveInFixture moveIn;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void clockBack() {
        ClockUtil.reset();
    }

    @Test
    void everyUserTaskOfEveryDeployedProcessHasAFigure() {
        List<String> keys = new ArrayList<>();
        repositoryService.createProcessDefinitionQuery().latestVersion().list().forEach(definition -> {
            keys.add(definition.getKey());
            BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                assertThat(workingDays(definition.getKey(), task.getId())).as(definition.getKey() + " " + task.getId())
                        .isNotNull().isBetween(1, 60);
            }
        });
        assertThat(keys).contains("TenantMoveIn", "SchoolEnrollment", "UnemploymentRegistration", "CommitteeSetup");
    }

    @Test
    void aTaskOfAnotherProcessHasNoFigure() {
        assertThat(workingDays("SomeOtherProcess", "Task_RegisterMembers")).isNull();
    }

    @Test
    void aRegistrationTaskCreatedBeforeNationalDayIsDueAfterTheHolidayAndRecordedSo() {
        // Wednesday 30 September 2026, 10:00 in Beijing; the move-in step is done at once
        // (a random millisecond: tasks of a frozen clock would otherwise share their creation time with other tests' tasks)
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2026, 9, 30, 10, 0).atZone(BEIJING).toInstant()
                .plusMillis(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 600_000))));
        Task task = moveIn.registrationTaskIn(SUB_DISTRICT);

        // 5 working days (the table): 8, 9, 10 (调休上班的周六), 12 and 13 October
        assertThat(task.getDueDate()).isEqualTo(at(LocalDate.of(2026, 10, 13), 18));
        // two working days before: 12 October, then Saturday 10 October (调休上班)
        assertThat(task.getFollowUpDate()).isEqualTo(at(LocalDate.of(2026, 10, 10), 9));
        // the step recorder sees the due date this listener set, in the same creation
        List<Map<String, Object>> recorded = jdbc.queryForList("select due_at from monitoring_task where task_id = ?", task.getId());
        assertThat(recorded).isNotEmpty().allSatisfy(row -> assertThat(((Timestamp) row.get("due_at")).getTime())
                .isEqualTo(task.getDueDate().getTime()));
    }

    private Integer workingDays(String processKey, String taskKey) {
        Map<String, Object> input = new java.util.HashMap<>(Map.of("processKey", processKey, "taskKey", taskKey,
                "districtCode", "110108", "subDistrictCode", "110108015"));
        return decisionService.evaluateDecisionByKey(TaskDeadlines.DECISION_KEY).variables(input).evaluate()
                .collectEntries(TaskDeadlines.OUTPUT).stream().findFirst().map(o -> ((Number) o).intValue()).orElse(null);
    }

    static Date at(LocalDate day, int hour) {
        return Date.from(day.atTime(hour, 0).atZone(BEIJING).toInstant());
    }
}
