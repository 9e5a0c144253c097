package org.gongzu.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gongzu.project.FacilityType;
import org.gongzu.project.Project;
import org.gongzu.support.GongzuTest;
import org.gongzu.support.MoveInFixture;
import org.gongzu.support.ProjectFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A step's submission may not change what the process itself keeps: the case id, the place, the
 * department a task goes to, the flags its gateways read. Otherwise a department could write into
 * another household's case or send the next step to another department.
 */
@GongzuTest
class ProcessVariablesGuardTest {

    @Autowired MoveInFixture moveIn;
    @Autowired ProjectFixture projects;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestRestTemplate http;

    @Test
    void membersSubmittedWithAnotherCasesIdAreRefusedAndNeitherCaseChanges() {
        Task victim = moveIn.registrationTaskIn(MoveInFixture.SUB_DISTRICT);
        String victimCase = (String) taskService.getVariable(victim.getId(), "caseId");
        Task attacker = moveIn.registrationTaskIn(MoveInFixture.SUB_DISTRICT);
        Map<String, Object> submission = new HashMap<>(MoveInFixture.members(List.of(MoveInFixture.head())));
        submission.put("caseId", victimCase);

        assertThatThrownBy(() -> taskService.complete(attacker.getId(), submission))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("「caseId」由系统维护");
        assertThat(jdbc.queryForObject("select count(*) from household_member where case_id = ?", Integer.class,
                victimCase)).isZero();
        assertThat(taskService.getVariable(attacker.getId(), "caseId")).isNotEqualTo(victimCase);
        assertThat(taskService.createTaskQuery().taskId(attacker.getId()).count()).isEqualTo(1);
    }

    @Test
    void aFlagTheGatewayReadsCannotBeSubmittedAhead() {
        ProcessInstance pi = moveIn.startMoveIn(moveIn.occupiedProject(MoveInFixture.SUB_DISTRICT));
        Task confirm = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        Map<String, Object> submission = new HashMap<>(MoveInFixture.moveIn());
        submission.put("hasNonLocalMembers", true);
        submission.put("districtCode", "110105");

        assertThatThrownBy(() -> taskService.complete(confirm.getId(), submission))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("「districtCode」由系统维护").hasMessageContaining("「hasNonLocalMembers」由系统维护");
        assertThat(runtimeService.getVariable(pi.getId(), "districtCode")).isEqualTo("110108");
    }

    @Test
    void anUnchangedValueSentBackWithTheFormIsAccepted() {
        ProcessInstance pi = moveIn.startMoveIn(moveIn.occupiedProject(MoveInFixture.SUB_DISTRICT));
        Task confirm = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        Map<String, Object> submission = new HashMap<>(MoveInFixture.moveIn());
        submission.put("caseId", pi.getBusinessKey());
        taskService.complete(confirm.getId(), submission);
        assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult().getTaskDefinitionKey())
                .isEqualTo("Task_RegisterMembers");
    }

    @Test
    void theReceivingDepartmentCannotSendTheNextStepElsewhereOverRest() {
        Project project = projects.registered(LocalDate.now().plusDays(60), FacilityType.KINDERGARTEN);
        Task prepare = taskService.createTaskQuery().processInstanceBusinessKey(project.id()).singleResult();
        taskService.complete(prepare.getId(), Map.of("preparedOn", LocalDate.now().toString()));
        Task inspection = taskService.createTaskQuery().processInstanceBusinessKey(project.id()).singleResult();

        ResponseEntity<String> refused = http.withBasicAuth("hdedu", "demo").postForEntity(
                "/engine-rest/task/" + inspection.getId() + "/complete",
                Map.of("variables", Map.of("inspectionResult", Map.of("value", "ACCEPTED"),
                        "inspectedOn", Map.of("value", LocalDate.now().toString()),
                        "assignedDepartment", Map.of("value", "housing"),
                        "projectId", Map.of("value", "HD-XYL-01"))), String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("assignedDepartment", "projectId");
        assertThat(taskService.createTaskQuery().taskId(inspection.getId()).count()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select status from project_facility where project_id = ?", String.class,
                project.id())).isEqualTo("PREPARED");
    }
}
