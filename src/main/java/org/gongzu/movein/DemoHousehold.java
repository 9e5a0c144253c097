package org.gongzu.movein;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.gongzu.casefile.CaseDocuments;
import org.gongzu.casefile.DocumentKind;
import org.gongzu.movein.TenantMoveInProcess.ConfirmationForm;
import org.gongzu.movein.TenantMoveInProcess.Elements;
import org.gongzu.movein.TenantMoveInProcess.LeaseForm;
import org.gongzu.movein.TenantMoveInProcess.MembersForm;
import org.gongzu.movein.TenantMoveInProcess.MoveInForm;
import org.gongzu.validation.IdNumber;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The zero-setup run's household that walks every service after move-in: a Beijing family of four
 * on the minimum living allowance, with an unemployed parent and children of seven and four, moved
 * in and registered by the demo users of 学院路街道 as staff would. Its registration opens the
 * services (school places, unemployment registration, allowance work) in their departments.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("${gongzu.demo-data:false} and ${gongzu.demo-household:true}")
class DemoHousehold {

    static final String LEASE_NO = "BJGZ-2026-HD-0417";
    static final String PROJECT = "HD-XYL-01";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Bean
    @Order(30)
    ApplicationRunner demoHouseholdMovedIn(RuntimeService runtimeService, TaskService taskService,
            IdentityService identityService, CaseDocuments documents, JdbcTemplate jdbc, Clock clock) {
        return args -> {
            if (jdbc.queryForObject("select count(*) from household where lease_no = ?", Integer.class, LEASE_NO) > 0) {
                return;
            }
            LocalDate today = LocalDate.now(clock);
            // children of seven and four on the current school year's cut-off (31 August)
            int schoolYear = today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1;
            LocalDate seven = LocalDate.of(schoolYear - 7, 5, 10);
            LocalDate four = LocalDate.of(schoolYear - 4, 3, 1);
            String head = id("110108", LocalDate.of(1986, 4, 12), "031");

            Map<String, Object> lease = new HashMap<>();
            lease.put(LeaseForm.PROJECT_ID, PROJECT);
            lease.put(LeaseForm.UNIT_NO, "3-2-401");
            lease.put(LeaseForm.LEASE_NO, LEASE_NO);
            lease.put(LeaseForm.LEASE_SIGNED_ON, today.minusDays(10).toString());
            lease.put(LeaseForm.HEAD_NAME, "李建国");
            lease.put(LeaseForm.HEAD_ID_NUMBER, head);
            ProcessInstance moveIn = as(identityService, "hdowner",
                    () -> runtimeService.startProcessInstanceByKey(TenantMoveInProcess.KEY, lease));
            String caseId = moveIn.getBusinessKey();
            documents.attach(caseId, DocumentKind.LEASE_CONTRACT, "租赁合同.pdf", "application/pdf",
                    CaseDocuments.samplePdf("lease " + LEASE_NO), "hdowner");

            complete(taskService, identityService, moveIn, Elements.CONFIRM_MOVE_IN, "hdowner", Map.of(
                    MoveInForm.MOVE_IN_DATE, today.minusDays(3).toString(), MoveInForm.KEYS_HANDED_OVER, true));
            List<Map<String, Object>> members = List.of(
                    member("李建国", head, "HEAD", LocalDate.of(1986, 4, 12), "UNEMPLOYED"),
                    member("赵丽", id("110108", LocalDate.of(1988, 9, 20), "042"), "SPOUSE", LocalDate.of(1988, 9, 20),
                            "EMPLOYED"),
                    member("李明轩", id("110108", seven, "053"), "CHILD", seven, "STUDENT"),
                    member("李雨桐", id("110108", four, "064"), "CHILD", four, "PRESCHOOL"));
            complete(taskService, identityService, moveIn, Elements.REGISTER_MEMBERS, "hdrc", Map.of(MembersForm.MEMBERS,
                    SpinValues.jsonValue(json(members)).create()));
            complete(taskService, identityService, moveIn, Elements.CONFIRM_ACTUAL_POPULATION, "hdpolice", Map.of(
                    ConfirmationForm.CONFIRMED, true, ConfirmationForm.DONE_ON, today.toString(),
                    ConfirmationForm.NOTE, "已核对录入实有人口信息"));
        };
    }

    private static Map<String, Object> member(String name, String idNumber, String relation, LocalDate born,
            String employment) {
        Map<String, Object> member = new HashMap<>();
        member.put(MembersForm.NAME, name);
        member.put(MembersForm.ID_NUMBER, idNumber);
        member.put(MembersForm.RELATION, relation);
        member.put(MembersForm.HUKOU, "BEIJING");
        member.put(MembersForm.BIRTH_DATE, born.toString());
        member.put(MembersForm.EMPLOYMENT, employment);
        member.put(MembersForm.MIN_LIVING_ALLOWANCE, true);
        return member;
    }

    /** A valid resident ID number: area, birth date, sequence and its check character (GB 11643). */
    private static String id(String area, LocalDate born, String sequence) {
        String first17 = area + born.toString().replace("-", "") + sequence;
        return first17 + IdNumber.checkCharacter(first17);
    }

    private static void complete(TaskService taskService, IdentityService identityService, ProcessInstance instance,
            String taskKey, String userId, Map<String, Object> values) {
        Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
                .singleResult();
        as(identityService, userId, () -> {
            taskService.claim(task.getId(), userId);
            taskService.complete(task.getId(), values);
            return null;
        });
    }

    private static <T> T as(IdentityService identityService, String userId, java.util.function.Supplier<T> work) {
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
                .toList();
        identityService.setAuthentication(userId, groups);
        try {
            return work.get();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
