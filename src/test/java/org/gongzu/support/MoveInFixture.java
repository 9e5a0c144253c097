package org.gongzu.support;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.gongzu.casefile.CaseDocuments;
import org.gongzu.casefile.DocumentKind;
import org.gongzu.household.Household;
import org.gongzu.household.HouseholdRepository;
import org.gongzu.household.Member;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Test data for TenantMoveIn: fresh projects, valid ID numbers, and form values as staff submit them. */
@Component
public class MoveInFixture {

    /** The demo sub-district 学院路街道 of 海淀区 and its groups. */
    public static final String SUB_DISTRICT = "110108015";
    public static final String OTHER_SUB_DISTRICT = "110105028";

    /** Valid GB 11643 numbers (check digit computed) and their birth dates. */
    public static final String HEAD_BEIJING = "110108198503152347";
    public static final String SPOUSE_BEIJING = "11010819900101001X";
    public static final String CHILD_BEIJING = "110105201006010028";
    public static final String SPOUSE_NON_LOCAL = "410102198808080033";
    /** The example of a wrong check digit (the right one is 7). */
    public static final String WRONG_CHECK_DIGIT = "110108198503152340";

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final JdbcTemplate jdbc;
    private final CaseDocuments documents;
    private final HouseholdRepository households;

    MoveInFixture(RuntimeService runtimeService, TaskService taskService, JdbcTemplate jdbc, CaseDocuments documents,
            HouseholdRepository households) {
        this.households = households;
        this.documents = documents;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.jdbc = jdbc;
    }

    /** A new project in the given sub-district that nobody has moved into yet. */
    public String newProject(String subDistrictCode) {
        String id = "T-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.update("insert into housing_project (id, name, sub_district_code, owner_name) values (?, ?, ?, ?)",
                id, "测试项目 " + id, subDistrictCode, "测试产权单位");
        return id;
    }

    /**
     * A project whose first household has already moved in and been registered: what clauses 4 and 5
     * start from has started before, so its households run TenantMoveIn alone.
     */
    public String occupiedProject(String subDistrictCode) {
        String id = newProject(subDistrictCode);
        jdbc.update("update housing_project set first_move_in_case_id = 'EARLIER', first_registered_case_id = 'EARLIER'"
                + " where id = ?", id);
        return id;
    }

    public Map<String, Object> lease(String projectId, String headIdNumber) {
        Map<String, Object> lease = new HashMap<>();
        lease.put("projectId", projectId);
        lease.put("unitNo", "1-1-101");
        lease.put("leaseNo", "L-" + UUID.randomUUID());
        lease.put("leaseSignedOn", "2026-01-10");
        lease.put("headName", "张三");
        lease.put("headIdNumber", headIdNumber);
        return lease;
    }

    public ProcessInstance startMoveIn(String projectId) {
        ProcessInstance instance = runtimeService.startProcessInstanceByKey("TenantMoveIn", lease(projectId, HEAD_BEIJING));
        attachLease(instance.getBusinessKey());
        return instance;
    }

    /** A household of the sub-district that has moved in: its case waits at 「登记家庭成员信息」. */
    public Task registrationTaskIn(String subDistrictCode) {
        ProcessInstance pi = startMoveIn(occupiedProject(subDistrictCode));
        Task confirm = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        taskService.complete(confirm.getId(), moveIn());
        return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_RegisterMembers")
                .singleResult();
    }


    /** A household of the sub-district with the head and a spouse registered: its case waits for the police. */
    public Task policeStepIn(String subDistrictCode) {
        Task registration = registrationTaskIn(subDistrictCode);
        taskService.complete(registration.getId(), members(List.of(head(),
                member("王五", SPOUSE_BEIJING, "SPOUSE", "BEIJING", "1990-01-01"))));
        return taskService.createTaskQuery().processInstanceId(registration.getProcessInstanceId()).singleResult();
    }

    /** The case (business key) of an open task. */
    public String caseOf(Task task) {
        return jdbc.queryForObject("select BUSINESS_KEY_ from ACT_RU_EXECUTION where ID_ = ?", String.class,
                task.getProcessInstanceId());
    }

    /**
     * A Beijing family on the allowance in the sub-district, registered today: an unemployed father born
     * 1986 and a child of seven (on the next 31 August), named with the surname; answers its case id.
     */
    public String registeredFamilyOnAllowance(String subDistrictCode, String casePrefix, String surname, String building) {
        String caseId = casePrefix + UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now();
        LocalDate childBorn = LocalDate.of(today.getMonthValue() >= 4 ? today.getYear() - 7 : today.getYear() - 8, 5, 10);
        String father = Ids.male(LocalDate.of(1986, 4, 12));
        households.insert(new Household(caseId, occupiedProject(subDistrictCode), building + caseId.substring(5, 9),
                "L-" + caseId, today.minusDays(20), surname + "建国", father, subDistrictCode, "LEASE_SIGNED", null, null),
                LocalDateTime.now().minusDays(10));
        households.recordMoveIn(caseId, today.minusDays(5), false);
        households.replaceMembers(caseId, List.of(
                new Member(1, surname + "建国", father, Member.Relation.HEAD, Member.Hukou.BEIJING, LocalDate.of(1986, 4, 12),
                        Member.Employment.UNEMPLOYED, true),
                new Member(2, surname + "明轩", Ids.any(childBorn), Member.Relation.CHILD, Member.Hukou.BEIJING, childBorn,
                        Member.Employment.STUDENT, true)));
        attachLease(caseId);
        households.markRegistered(caseId, LocalDateTime.now());
        return caseId;
    }

    /** The signed lease's scan on the case: the owner's move-in step needs it. */
    public void attachLease(String caseId) {
        documents.attach(caseId, DocumentKind.LEASE_CONTRACT, "lease.pdf", "application/pdf",
                CaseDocuments.samplePdf("lease " + caseId), null);
    }

    public static Map<String, Object> moveIn() {
        return Map.of("moveInDate", "2026-02-01", "keysHandedOver", true);
    }

    public static Map<String, Object> member(String name, String idNumber, String relation, String hukou,
            String birthDate) {
        Map<String, Object> member = new HashMap<>();
        member.put("name", name);
        member.put("idNumber", idNumber);
        member.put("relation", relation);
        member.put("hukou", hukou);
        member.put("birthDate", birthDate);
        member.put("employment", "EMPLOYED");
        member.put("minLivingAllowance", false);
        return member;
    }

    public static Map<String, Object> head() {
        return member("张三", HEAD_BEIJING, "HEAD", "BEIJING", "1985-03-15");
    }

    /** The members as a REST client may send them: one Json list. */
    public static Map<String, Object> members(List<Map<String, Object>> members) {
        try {
            String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(members);
            return Variables.createVariables().putValueTyped("members", SpinValues.jsonValue(json).create());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The members as Tasklist submits forms/household-registration.form: a count and one Json group each. */
    public static Map<String, Object> memberGroups(List<Map<String, Object>> members) {
        var variables = Variables.createVariables().putValue("memberCount", members.size());
        try {
            for (int i = 0; i < members.size(); i++) {
                String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(members.get(i));
                variables.putValueTyped("member" + (i + 1), SpinValues.jsonValue(json).create());
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return variables;
    }

    public static Map<String, Object> confirmation() {
        return Map.of("confirmed", true, "doneOn", "2026-02-03", "note", "已核对");
    }

}
