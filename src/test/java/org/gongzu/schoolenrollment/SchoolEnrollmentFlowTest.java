package org.gongzu.schoolenrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gongzu.household.Household;
import org.gongzu.household.HouseholdRepository;
import org.gongzu.household.Member;
import org.gongzu.project.FacilityType;
import org.gongzu.schoolenrollment.SchoolEnrollmentProcess.Elements;
import org.gongzu.support.CoverageOf;
import org.gongzu.support.GongzuTest;
import org.gongzu.support.MoveInFixture;
import org.gongzu.support.TaskGroups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * processes/SchoolEnrollment.bpmn (clause 9): one enrollment per child and school year, opened by the
 * household's registration, a correction of its members and the yearly opening; the residents'
 * committee, the district education commission and the school each do their step; every outcome,
 * covered or not, is recorded on the household's case.
 */
@GongzuTest
@CoverageOf(SchoolEnrollmentProcess.KEY)
class SchoolEnrollmentFlowTest {

    static final String SUB = MoveInFixture.SUB_DISTRICT;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired HouseholdRepository households;
    @Autowired MoveInFixture moveIn;
    @Autowired SchoolCalendar calendar;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestRestTemplate http;

    private int year;

    @BeforeEach
    void setUp() {
        init(engine);
        year = calendar.schoolYearOn(LocalDate.now());
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aRegisteredHouseholdGetsOneEnrollmentPerChildAndNeverASecondForTheSameYear() {
        String project = moveIn.newProject(SUB);
        Member seven = child(2, LocalDate.of(year - 7, 5, 10), Member.Hukou.BEIJING);
        Member four = child(3, LocalDate.of(year - 4, 3, 1), Member.Hukou.BEIJING);
        String caseId = registered(project, parent(), seven, four);

        List<ProcessInstance> opened = enrollments(caseId);
        assertThat(opened).hasSize(2);
        settle(caseId);
        assertThat(levels(caseId)).containsExactlyInAnyOrder("PRIMARY", "KINDERGARTEN");
        for (ProcessInstance pi : opened) {
            assertThat(pi).isWaitingAt(Elements.CONFIRM_APPLICATION);
            assertThat(TaskGroups.of(taskService, task(pi))).containsExactly("rc-" + SUB);
        }

        // registered again, corrected with the same children, told twice: nothing new
        households.markRegistered(caseId, LocalDateTime.now());
        households.replaceMembers(caseId, List.of(parent(), seven, four));
        assertThat(count(caseId)).isEqualTo(2);

        // a new baby is not covered yet, which is recorded; a child of twelve gets junior secondary
        Member baby = child(4, LocalDate.now().minusMonths(2), Member.Hukou.BEIJING);
        Member twelve = child(5, LocalDate.of(year - 12, 1, 1), Member.Hukou.BEIJING);
        households.replaceMembers(caseId, List.of(parent(), seven, four, baby, twelve));
        // (the baby's enrollment may already have ended: the job executor runs its decision at once)
        assertThat(count(caseId)).isEqualTo(4);
        settle(caseId);
        assertThat(levels(caseId)).containsExactlyInAnyOrder("PRIMARY", "KINDERGARTEN", "JUNIOR_SECONDARY", null);
        assertThat(journal(caseId, "SCHOOL_NOT_COVERED")).singleElement().asString().contains("未满3周岁", "自动开启");
    }

    @Test
    void aHouseholdRegisteredThroughTenantMoveInOpensItsChildsEnrollmentInTheSameStep() {
        Task registration = moveIn.registrationTaskIn(SUB);
        String caseId = moveIn.caseOf(registration);
        taskService.complete(registration.getId(), MoveInFixture.members(List.of(MoveInFixture.head(),
                MoveInFixture.member("张小红", org.gongzu.support.Ids.any(LocalDate.of(year - 6, 8, 31)), "CHILD", "BEIJING",
                        LocalDate.of(year - 6, 8, 31).toString()))));
        Task police = taskService.createTaskQuery().processInstanceId(registration.getProcessInstanceId()).singleResult();
        taskService.complete(police.getId(), MoveInFixture.confirmation());

        // the police's step registered the household; the enrollment started with it, and runs on its own
        List<ProcessInstance> opened = enrollments(caseId);
        assertThat(opened).hasSize(1);
        settle(caseId);
        assertThat(opened.get(0)).isWaitingAt(Elements.CONFIRM_APPLICATION);
        assertThat(levels(caseId)).containsExactly("PRIMARY");
    }

    @Test
    void theCommitteeTheCommissionAndTheSchoolEnrollAChildAtTheProjectsPlannedSchoolFirst() throws Exception {
        String project = moveIn.newProject(SUB);
        jdbc.update("insert into project_facility (project_id, facility_type, status, updated_at) values (?, ?, 'IN_USE', ?)",
                project, FacilityType.PRIMARY_SCHOOL.name(), new java.sql.Timestamp(System.currentTimeMillis()));
        Member seven = child(2, LocalDate.of(year - 7, 5, 10), Member.Hukou.BEIJING);
        String caseId = registered(project, parent(), seven);
        settle(caseId);
        ProcessInstance pi = enrollments(caseId).get(0);
        Task application = task(pi);
        assertThat(application.getName()).isEqualTo("确认入学申请：子女（" + (year - 7) + "年5月生）" + year + "学年 小学");

        // the committee must have seen the lease and the household register, and the guardian's mobile
        assertThatThrownBy(() -> taskService.complete(application.getId(), Map.of("familyDecision", "APPLIES",
                "guardian", "王芳", "guardianMobile", "12345")))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("「已查验《北京市公共租赁住房租赁合同》」须勾选确认后才能提交")
                .hasMessageContaining("「已查验户口簿」须勾选确认后才能提交")
                .hasMessageContaining("「监护人手机号码」应为11位手机号码");
        assertThat(pi).isWaitingAt(Elements.CONFIRM_APPLICATION);
        taskService.complete(application.getId(), applies());

        Task assignment = task(pi);
        assertThat(TaskGroups.of(taskService, assignment)).containsExactly("edu-110108");
        assertThat((String) taskService.getVariableLocal(assignment.getId(), "plannedSchool"))
                .contains("配建小学", "已投入使用");
        assertThatThrownBy(() -> taskService.complete(assignment.getId(), Map.of("verification", "VERIFIED")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("「安排的学校（幼儿园）」为必填项");
        taskService.complete(assignment.getId(), Map.of("verification", "VERIFIED", "schoolName", "学院路第一小学"));

        // the school sees the child and the guardian on its step, and no other member's ID number
        Task place = task(pi);
        assertThat(TaskGroups.of(taskService, place)).containsExactly("school-" + SUB);
        assertThat(taskService.getVariablesLocal(place.getId())).containsEntry("childName", "王小明")
                .containsEntry("childIdNumber", seven.idNumber()).containsEntry("guardianPhone", "13800138000")
                .containsEntry("assignedSchool", "学院路第一小学");
        JsonNode seen = householdAs("hdschool", caseId);
        assertThat(seen.toString()).doesNotContain(MoveInFixture.HEAD_BEIJING).doesNotContain(seven.idNumber());
        assertThat(seen.path("members").get(1).path("name").asText()).isEqualTo("王小明");

        // no place: back to the commission, which assigns another school
        taskService.complete(place.getId(), Map.of("placeResult", "NO_PLACE", "note", "本学年学位已满"));
        assertThat(pi).isWaitingAt(Elements.ASSIGN_SCHOOL);
        taskService.complete(task(pi).getId(), Map.of("verification", "VERIFIED", "schoolName", "学院路第二小学"));
        taskService.complete(task(pi).getId(), Map.of("placeResult", "CONFIRMED"));

        assertThat(pi).isEnded().hasPassed(Elements.ENROLLED);
        assertThat(outcome(pi)).isEqualTo("已入学：学院路第二小学（" + year + "学年小学）");
        assertThat(journal(caseId, "SCHOOL_ENROLLED")).singleElement().asString().contains("学院路第二小学");
        assertThat(journal(caseId, "SCHOOL_NO_PLACE")).singleElement().asString().contains("学位已满");
        // the child and the guardian never reached the history
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableNameIn("childName", "childIdNumber", "guardianName", "guardianPhone", "guardian", "guardianMobile")
                .count()).isZero();

        // the household's case lists the enrollment with its outcome
        JsonNode processes = householdAs("hdrc", caseId).path("processes");
        assertThat(processes.toString()).contains("适龄儿童就近入学入园", "已入学：学院路第二小学");
    }

    @Test
    void aFamilyThatDoesNotApplyAndAnApplicationTheCommissionRefusesAreRecorded() {
        String project = moveIn.newProject(SUB);
        String caseId = registered(project, parent(), child(2, LocalDate.of(year - 8, 2, 2), Member.Hukou.BEIJING),
                child(3, LocalDate.of(year - 4, 2, 2), Member.Hukou.BEIJING));
        settle(caseId);
        List<ProcessInstance> opened = enrollments(caseId);
        ProcessInstance declined = opened.get(0);
        ProcessInstance refused = opened.get(1);

        assertThatThrownBy(() -> taskService.complete(task(declined).getId(), Map.of("familyDecision", "DECLINES")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("「说明」为必填项");
        taskService.complete(task(declined).getId(), Map.of("familyDecision", "DECLINES", "note", "已在原学校就读，不转学"));
        assertThat(declined).isEnded().hasPassed(Elements.DECLINED);
        assertThat(outcome(declined)).startsWith("家长未申请");

        taskService.complete(task(refused).getId(), applies());
        taskService.complete(task(refused).getId(), Map.of("verification", "REFUSED", "reason", "户口簿信息与申请不符"));
        assertThat(refused).isEnded().hasPassed(Elements.REFUSED);
        assertThat(outcome(refused)).isEqualTo("区教委核验未通过：户口簿信息与申请不符");
    }

    @Test
    void aNonLocalChildGetsARecordedOutcomeWithTheOtherRouteAndNoTask() {
        String project = moveIn.newProject(SUB);
        String caseId = registered(project, parent(), child(2, LocalDate.of(year - 7, 6, 1), Member.Hukou.NON_LOCAL));
        ProcessInstance pi = enrollments(caseId).get(0);
        settle(caseId);
        assertThat(pi).isEnded().hasPassed(Elements.NOT_COVERED).hasNotPassed(Elements.CONFIRM_APPLICATION);
        assertThat(outcome(pi)).contains("非本市户籍", "区教委");
        assertThat(journal(caseId, "SCHOOL_NOT_COVERED")).singleElement().asString().contains("非本市户籍");
    }

    @Test
    void theYearlyOpeningWithTimeAdvancedOpensTheChildrenWhoBecomeEligibleOnce() {
        String project = moveIn.newProject(SUB);
        Member toddler = child(2, LocalDate.of(year - 3, 10, 1), Member.Hukou.BEIJING);   // two on this year's cut-off
        Member five = child(3, LocalDate.of(year - 5, 3, 1), Member.Hukou.BEIJING);       // kindergarten, primary next year
        Member eight = child(4, LocalDate.of(year - 8, 3, 1), Member.Hukou.BEIJING);      // primary both years
        String caseId = registered(project, parent(), toddler, five, eight);
        settle(caseId);
        assertThat(levels(caseId)).containsExactlyInAnyOrder(null, "KINDERGARTEN", "PRIMARY");

        Job opening = managementService.createJobQuery().processDefinitionKey(SchoolEnrollmentProcess.KEY).timers()
                .activityId(Elements.YEAR_OPENS).singleResult();
        LocalDateTime due = LocalDateTime.of(year + 1, 4, 1, 1, 0);
        assertThat(opening.getDuedate()).isEqualTo(java.sql.Timestamp.valueOf(due));

        ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf(due.plusHours(1)));
        runOpening(opening);
        settle(caseId);
        assertThat(jdbc.queryForList("select level from school_enrollment where case_id = ? and school_year = ?"
                + " order by level", String.class, caseId, year + 1)).containsExactly("KINDERGARTEN", "PRIMARY");

        // the next year's timer is set, and running this year's opening again opens nothing more
        assertThat(managementService.createJobQuery().processDefinitionKey(SchoolEnrollmentProcess.KEY).timers()
                .activityId(Elements.YEAR_OPENS).singleResult().getDuedate())
                .isEqualTo(java.sql.Timestamp.valueOf(due.plusYears(1)));
        assertThat(count(caseId)).isEqualTo(5);
        runtimeService.createProcessInstanceByKey(SchoolEnrollmentProcess.KEY)
                .startBeforeActivity(Elements.OPEN_SCHOOL_YEAR).execute();
        assertThat(count(caseId)).isEqualTo(5);
    }

    @Test
    void aLateAssignmentIsEscalatedOnceToTheDistrictSupervisorWhileTheCommissionGoesOn() {
        String project = moveIn.newProject(SUB);
        String caseId = registered(project, parent(), child(2, LocalDate.of(year - 8, 2, 2), Member.Hukou.BEIJING));
        settle(caseId);
        ProcessInstance pi = enrollments(caseId).get(0);
        taskService.complete(task(pi).getId(), applies());
        Task assignment = task(pi);
        Job timer = managementService.createJobQuery().processInstanceId(pi.getId()).activityId(Elements.ASSIGNMENT_LATE)
                .singleResult();
        // the timer falls due when the step does: both come from TaskDeadlines and the working-day calendar
        assertThat(assignment.getDueDate()).isNotNull().isEqualTo(timer.getDuedate());
        assertThat(assignment.getFollowUpDate()).isBefore(assignment.getDueDate());

        ClockUtil.setCurrentTime(new java.util.Date(assignment.getDueDate().getTime() + 60_000));
        fire(timer);
        Task escalation = taskService.createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey(Elements.HANDLE_LATE_ASSIGNMENT).singleResult();
        assertThat(escalation.getName()).isEqualTo("处理超期：核验并安排就近入学");
        assertThat(TaskGroups.of(taskService, escalation)).containsExactly("supervisor-110108");
        assertThat((String) taskService.getVariable(escalation.getId(), "lateStepDescription"))
                .startsWith("「核验并安排就近入学」（").endsWith("到期）已超过办理期限，尚未办结。");
        assertThat(journal(caseId, "STEP_ESCALATED")).singleElement().asString().contains("核验并安排就近入学");
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).activityId(Elements.ASSIGNMENT_LATE)
                .count()).as("fires once").isZero();

        assertThatThrownBy(() -> taskService.complete(escalation.getId(), Map.of("escalationDecision", "URGE")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("「处理意见」为必填项");
        taskService.complete(escalation.getId(), Map.of("escalationDecision", "URGE", "escalationNote", "已电话督促区教委"));
        assertThat(journal(caseId, "STEP_ESCALATION_DECIDED")).singleElement().asString()
                .contains("督促办理", "已电话督促区教委");
        assertThat(pi).hasPassed(Elements.LATE_ASSIGNMENT_HANDLED).isWaitingAt(Elements.ASSIGN_SCHOOL);
        assertThat(runtimeService.getVariables(pi.getId())).doesNotContainKeys("escalationDecision", "escalationNote");

        taskService.complete(task(pi).getId(), Map.of("verification", "VERIFIED", "schoolName", "学院路第一小学"));
        taskService.complete(task(pi).getId(), Map.of("placeResult", "CONFIRMED"));
        assertThat(pi).isEnded().hasPassed(Elements.ENROLLED);
    }

    private void fire(Job timer) {
        try {
            managementService.executeJob(timer.getId());
        } catch (ProcessEngineException e) {
            // the job executor ran it first
        }
    }

    // ---- helpers ----

    private void runOpening(Job opening) {
        try {
            managementService.executeJob(opening.getId());
        } catch (ProcessEngineException e) {
            // the job executor ran it first
        }
    }

    private Map<String, Object> applies() {
        Map<String, Object> form = new HashMap<>();
        form.put("familyDecision", "APPLIES");
        form.put("leaseContractSeen", true);
        form.put("householdRegisterSeen", true);
        form.put("guardian", "王芳");
        form.put("guardianMobile", "13800138000");
        return form;
    }

    private static Member parent() {
        return new Member(1, "王芳", MoveInFixture.HEAD_BEIJING, Member.Relation.HEAD, Member.Hukou.BEIJING,
                LocalDate.of(1985, 3, 15), Member.Employment.EMPLOYED, false);
    }

    private static Member child(int seq, LocalDate born, Member.Hukou hukou) {
        String id = "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 17).toUpperCase();
        return new Member(seq, seq == 2 ? "王小明" : "王小" + seq, id, Member.Relation.CHILD, hukou, born,
                Member.Employment.STUDENT, false);
    }

    private String registered(String project, Member... members) {
        String caseId = "HH-S-" + UUID.randomUUID().toString().substring(0, 8);
        households.insert(new Household(caseId, project, "2-1-" + caseId.substring(5, 9), "L-" + caseId,
                LocalDate.of(2026, 1, 10), "王芳", MoveInFixture.HEAD_BEIJING, SUB, "LEASE_SIGNED", null, null),
                LocalDateTime.now().minusDays(1));
        households.replaceMembers(caseId, List.of(members));
        moveIn.attachLease(caseId);
        households.markRegistered(caseId, LocalDateTime.now());
        return caseId;
    }

    /** The case's enrollments, all still running (look before {@link #settle} where some end at once). */
    private List<ProcessInstance> enrollments(String caseId) {
        List<String> ids = jdbc.queryForList("select process_instance_id from school_enrollment where case_id = ?"
                + " order by id", String.class, caseId);
        List<ProcessInstance> instances = new ArrayList<>();
        for (String id : ids) {
            ProcessInstance running = runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
            assertThat(running).as("enrollment %s still running", id).isNotNull();
            instances.add(running);
        }
        assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(SchoolEnrollmentProcess.KEY)
                .processInstanceBusinessKey(caseId).count()).isEqualTo(ids.size());
        return instances;
    }

    /** Runs the started enrollments up to their first wait state, as the job executor would (which may be first). */
    private void settle(String caseId) {
        long deadline = System.currentTimeMillis() + 15_000;
        while (true) {
            List<String> instances = jdbc.queryForList("select process_instance_id from school_enrollment where case_id = ?",
                    String.class, caseId);
            List<Job> jobs = instances.isEmpty() ? List.of() : managementService.createJobQuery()
                    .processInstanceIds(new java.util.HashSet<>(instances)).executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            for (Job job : jobs) {
                try {
                    managementService.executeJob(job.getId());
                } catch (RuntimeException e) {
                    // taken by the job executor (a run racing it may fail in any way; the loop checks the job is gone)
                }
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("enrollments of " + caseId + " did not settle");
            }
        }
    }

    private int count(String caseId) {
        return jdbc.queryForObject("select count(*) from school_enrollment where case_id = ?", Integer.class, caseId);
    }

    private List<String> levels(String caseId) {
        return jdbc.queryForList("select level from school_enrollment where case_id = ? and school_year = ?",
                String.class, caseId, year);
    }

    private List<String> journal(String caseId, String step) {
        return jdbc.queryForList("select entry from case_journal where case_id = ? and step = ?", String.class, caseId, step);
    }

    private String outcome(ProcessInstance pi) {
        return (String) historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName("caseOutcome").singleResult().getValue();
    }

    private Task task(ProcessInstance pi) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    }

    private JsonNode householdAs(String user, String caseId) throws Exception {
        ResponseEntity<String> view = http.withBasicAuth(user, "demo").getForEntity("/api/households/" + caseId, String.class);
        assertThat(view.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
        return JSON.readTree(view.getBody());
    }
}
