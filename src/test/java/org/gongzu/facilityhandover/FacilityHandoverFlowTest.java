package org.gongzu.facilityhandover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.gongzu.project.FacilityType.COMMERCIAL;
import static org.gongzu.project.FacilityType.COMMITTEE_OFFICE;
import static org.gongzu.project.FacilityType.ELDERLY_CARE;
import static org.gongzu.project.FacilityType.HEALTH_STATION;
import static org.gongzu.project.FacilityType.KINDERGARTEN;
import static org.gongzu.project.FacilityType.POLICE_ROOM;
import static org.gongzu.project.FacilityType.PRIMARY_SCHOOL;
import static org.gongzu.project.FacilityType.SERVICE_STATION;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gongzu.facilityhandover.FacilityHandoverProcess.Elements;
import org.gongzu.project.FacilityType;
import org.gongzu.project.Project;
import org.gongzu.project.ProjectService;
import org.gongzu.support.CoverageOf;
import org.gongzu.support.GongzuTest;
import org.gongzu.support.TaskGroups;
import org.gongzu.support.ProjectFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * processes/FacilityHandover.bpmn (clause 4): one handover per planned facility, routed by the
 * facility decision to its receiving department, with the defects loop and the in-use deadline.
 */
@GongzuTest
@CoverageOf(FacilityHandoverProcess.KEY)
class FacilityHandoverFlowTest {

    static final String SUB_DISTRICT = "110108015";
    static final String DISTRICT = "110108";

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired ManagementService managementService;
    @Autowired ProjectService projectService;
    @Autowired ProjectFixture fixture;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void initAssertions() {
        init(engine);
    }

    @Test
    void aProjectWithSevenFacilityTypesGetsSevenHandoversEachInItsReceivingDepartmentsQueueOnly() {
        Project project = fixture.registered(LocalDate.now().plusDays(60), KINDERGARTEN, PRIMARY_SCHOOL, HEALTH_STATION,
                ELDERLY_CARE, COMMITTEE_OFFICE, POLICE_ROOM, COMMERCIAL);
        List<ProcessInstance> handovers = instances(project);
        assertThat(handovers).hasSize(7).allMatch(pi -> pi.getBusinessKey().equals(project.id()));
        // the owner prepares each one first
        for (ProcessInstance pi : handovers) {
            assertThat(pi).isWaitingAt(Elements.PREPARE);
            assertThat(groups(task(pi))).containsExactly("owner-" + SUB_DISTRICT);
            assertThat(task(pi).getName()).isEqualTo("准备移交：" + FacilityType.valueOf(
                    (String) runtimeService.getVariable(pi.getId(), "facilityType")).chineseName());
            taskService.complete(task(pi).getId(), Map.of("preparedOn", LocalDate.now().toString()));
        }
        Map<String, List<String>> inspectors = handovers.stream().collect(Collectors.toMap(
                pi -> (String) runtimeService.getVariable(pi.getId(), "facilityType"), pi -> groups(task(pi))));
        assertThat(inspectors).containsExactlyInAnyOrderEntriesOf(Map.of(
                "KINDERGARTEN", List.of("edu-" + DISTRICT),
                "PRIMARY_SCHOOL", List.of("edu-" + DISTRICT),
                "HEALTH_STATION", List.of("health-" + DISTRICT),
                "ELDERLY_CARE", List.of("civil-" + DISTRICT),
                "COMMITTEE_OFFICE", List.of("sdo-" + SUB_DISTRICT),
                "POLICE_ROOM", List.of("police-" + SUB_DISTRICT),
                "COMMERCIAL", List.of("sdo-" + SUB_DISTRICT)));
        // each department's task list holds its own facilities of the project, and another place's none
        assertThat(visibleFacilities(project, "edu-" + DISTRICT)).containsExactlyInAnyOrder("KINDERGARTEN", "PRIMARY_SCHOOL");
        assertThat(visibleFacilities(project, "police-" + SUB_DISTRICT)).containsExactly("POLICE_ROOM");
        assertThat(visibleFacilities(project, "health-" + DISTRICT)).containsExactly("HEALTH_STATION");
        assertThat(visibleFacilities(project, "edu-110105")).isEmpty();
        assertThat(visibleFacilities(project, "police-110105028")).isEmpty();
        assertThat(jdbc.queryForList("select receiving_department from project_facility where project_id = ?"
                + " and required_at_move_in order by facility_type", String.class, project.id()))
                .containsExactly("sdo", "civil", "police");
    }

    @Test
    void aRejectedInspectionGoesBackToTheOwnerAndRoundAgainUntilTheFacilityIsInUse() {
        Project project = fixture.registered(LocalDate.now().plusDays(60), SERVICE_STATION);
        ProcessInstance pi = instances(project).get(0);
        taskService.complete(task(pi).getId(), Map.of("preparedOn", LocalDate.now().toString(), "note", "钥匙三把"));

        taskService.complete(task(pi).getId(), Map.of("inspectionResult", "DEFECTS",
                "inspectedOn", LocalDate.now().toString(), "defects", "消防通道堵塞"));
        assertThat(pi).isWaitingAt(Elements.PREPARE);
        assertThat(groups(task(pi))).containsExactly("owner-" + SUB_DISTRICT);
        assertThat(facility(project, "status")).isEqualTo("DEFECTS");
        assertThat(facility(project, "defects")).isEqualTo("消防通道堵塞");

        taskService.complete(task(pi).getId(), Map.of("preparedOn", LocalDate.now().toString(), "note", "已整改"));
        taskService.complete(task(pi).getId(), Map.of("inspectionResult", "ACCEPTED",
                "inspectedOn", LocalDate.now().toString()));
        assertThat(pi).isWaitingAt(Elements.CONFIRM_IN_USE);
        assertThat(facility(project, "status")).isEqualTo("ACCEPTED");
        taskService.complete(task(pi).getId(), Map.of("inUseOn", LocalDate.now().toString()));

        assertThat(pi).isEnded().hasPassed(Elements.HANDOVER_DONE, Elements.END);
        assertThat(facility(project, "status")).isEqualTo("IN_USE");
        assertThat(jdbc.queryForList("select step from case_journal where case_id = ? order by id", String.class,
                project.id())).containsSubsequence("FACILITY_RECEIVER", "FACILITY_PREPARED", "FACILITY_DEFECTS",
                "FACILITY_PREPARED", "FACILITY_ACCEPTED", "FACILITY_IN_USE");
        // nothing of the forms stays in the process
        assertThat(pi).variables().doesNotContainKeys("defects", "inspectionResult", "preparedOn", "receiver");
    }

    @Test
    void anInspectionWithDefectsButNoDescriptionOrBeforeThePreparationIsRefusedNamingTheField() {
        Project project = fixture.registered(LocalDate.now().plusDays(60), KINDERGARTEN);
        ProcessInstance pi = instances(project).get(0);
        taskService.complete(task(pi).getId(), Map.of("preparedOn", LocalDate.now().toString()));
        Task inspection = task(pi);

        assertThatThrownBy(() -> taskService.complete(inspection.getId(), Map.of("inspectionResult", "DEFECTS",
                "inspectedOn", LocalDate.now().minusDays(3).toString())))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("「存在的问题」为必填项")
                .hasMessageContaining("「查验日期」不能早于移交准备完成日期");
        assertThatThrownBy(() -> taskService.complete(inspection.getId(), Map.of("inspectionResult", "MAYBE",
                "inspectedOn", "2999-01-01")))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("「查验结论」的取值无效").hasMessageContaining("「查验日期」不能晚于今天");
        assertThat(pi).isWaitingAt(Elements.INSPECT);
        assertThat(facility(project, "status")).isEqualTo("PREPARED");
    }

    @Test
    void aFacilityClauseFourRequiresNotInUseByThePlannedMoveInGoesToTheSubDistrictOfficeAndHousing() {
        Project project = fixture.registered(LocalDate.now().plusDays(30), POLICE_ROOM, KINDERGARTEN);
        ProcessInstance police = instance(project, POLICE_ROOM);
        ProcessInstance kindergarten = instance(project, KINDERGARTEN);

        fixture.fire(deadline(police));
        fixture.fire(deadline(kindergarten));

        // the police room must be in use when residents arrive: both departments get the task
        Task late = taskService.createTaskQuery().processInstanceId(police.getId())
                .taskDefinitionKey(Elements.RESOLVE_LATE).singleResult();
        assertThat(groups(late)).containsExactlyInAnyOrder("sdo-" + SUB_DISTRICT, "housing-" + DISTRICT);
        assertThat(late.getName()).isEqualTo("督办未按期启用的设施：警务室");
        assertThat(jdbc.queryForObject("select late from project_facility where project_id = ? and facility_type = ?",
                Boolean.class, project.id(), "POLICE_ROOM")).isTrue();
        // the handover itself goes on
        assertThat(police).isWaitingAt(Elements.PREPARE, Elements.RESOLVE_LATE);
        // a kindergarten is not among the facilities clause 4 wants in use at move-in
        assertThat(kindergarten).hasPassed(Elements.NOT_REQUIRED).isWaitingAt(Elements.PREPARE);

        assertThatThrownBy(() -> taskService.complete(late.getId(), Map.of("expectedInUseOn", "2020-01-01")))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("「督办措施」为必填项").hasMessageContaining("「预计投入使用日期」不能早于今天");
        taskService.complete(late.getId(), Map.of("measures", "协调派出所下周进驻",
                "expectedInUseOn", LocalDate.now().plusDays(7).toString()));
        assertThat(police).hasPassed(Elements.LATE_RESOLVED).isWaitingAt(Elements.PREPARE);
    }

    @Test
    void residentsArrivingBeforeThePlannedDateMakeTheDeadlineTheirMoveInDay() {
        Project project = fixture.registered(LocalDate.now().plusDays(90), ELDERLY_CARE);
        ProcessInstance pi = instances(project).get(0);
        assertThat(deadline(pi).getDuedate()).isAfter(new java.util.Date());

        projectService.householdMovedIn(project.id(), "HH-EARLY", LocalDate.now());

        assertThat(deadline(pi).getDuedate()).isBeforeOrEqualTo(new java.util.Date());
        fixture.fire(deadline(pi));
        assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(Elements.RESOLVE_LATE)
                .count()).isEqualTo(1);
    }

    @Test
    void everyFacilityTypeHasAReceivingDepartment() {
        Project project = fixture.registered(LocalDate.now().plusDays(60), FacilityType.values());
        assertThat(instances(project)).hasSize(FacilityType.values().length);
        assertThat(jdbc.queryForObject("select count(*) from project_facility where project_id = ?"
                + " and receiving_department is not null", Integer.class, project.id()))
                .isEqualTo(FacilityType.values().length);
    }

    private List<ProcessInstance> instances(Project project) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(FacilityHandoverProcess.KEY)
                .processInstanceBusinessKey(project.id()).list();
    }

    private ProcessInstance instance(Project project, FacilityType type) {
        return instances(project).stream()
                .filter(pi -> type.name().equals(runtimeService.getVariable(pi.getId(), "facilityType")))
                .findFirst().orElseThrow();
    }

    private org.camunda.bpm.engine.runtime.Job deadline(ProcessInstance pi) {
        return managementService.createJobQuery().processInstanceId(pi.getId()).activityId(Elements.IN_USE_DEADLINE)
                .singleResult();
    }

    private Task task(ProcessInstance pi) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    }

    private List<String> groups(Task task) {
        return TaskGroups.of(taskService, task);
    }

    /** The facilities of the project whose open tasks a member of this group sees. */
    private List<String> visibleFacilities(Project project, String group) {
        List<Task> visible;
        identityService.setAuthentication("someone", List.of(group));
        try {
            visible = taskService.createTaskQuery().processInstanceBusinessKey(project.id()).listPage(0, 100);
        } finally {
            identityService.clearAuthentication();
        }
        return visible.stream().map(t -> (String) runtimeService.getVariable(t.getProcessInstanceId(), "facilityType"))
                .toList();
    }

    private String facility(Project project, String column) {
        return jdbc.queryForObject("select " + column + " from project_facility where project_id = ?", String.class,
                project.id());
    }
}
