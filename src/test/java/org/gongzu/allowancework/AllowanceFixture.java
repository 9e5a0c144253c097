package org.gongzu.allowancework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gongzu.allowancework.AllowanceWorkProcess.Elements;
import org.gongzu.household.Household;
import org.gongzu.household.HouseholdRepository;
import org.gongzu.household.Member;
import org.gongzu.support.MoveInFixture;
import org.gongzu.validation.IdNumber;
import org.springframework.stereotype.Component;

/** Test data for AllowanceWork: registered households with members on the allowance, and its steps as staff do them. */
@Component
class AllowanceFixture {

    private final HouseholdRepository households;
    private final MoveInFixture moveIn;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final ManagementService managementService;

    AllowanceFixture(HouseholdRepository households, MoveInFixture moveIn, RuntimeService runtimeService,
            TaskService taskService, ManagementService managementService) {
        this.households = households;
        this.moveIn = moveIn;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.managementService = managementService;
    }

    /** An adult member (born 1970–1989) with a valid, random ID number. */
    static Member adult(int seq, String name, boolean allowance) {
        return member(seq, name, LocalDate.of(1970 + ThreadLocalRandom.current().nextInt(20), 1, 1)
                .plusDays(ThreadLocalRandom.current().nextInt(360)), allowance);
    }

    static Member child(int seq, String name, boolean allowance) {
        return member(seq, name, LocalDate.now().minusYears(10), allowance);
    }

    static Member member(int seq, String name, LocalDate birth, boolean allowance) {
        String first17 = "110108" + birth.toString().replace("-", "")
                + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        return new Member(seq, name, first17 + IdNumber.checkCharacter(first17),
                seq == 1 ? Member.Relation.HEAD : birth.plusYears(18).isAfter(LocalDate.now()) ? Member.Relation.CHILD
                        : Member.Relation.SPOUSE, Member.Hukou.BEIJING, birth,
                Member.Employment.UNEMPLOYED, allowance);
    }

    /** A household of a new project in the sub-district, registered in the community with these members. */
    String registered(String subDistrictCode, Member... members) {
        String caseId = "HH-A-" + UUID.randomUUID().toString().substring(0, 8);
        households.insert(new Household(caseId, moveIn.newProject(subDistrictCode), "3-1-" + caseId.substring(5, 8),
                "L-" + caseId, LocalDate.of(2026, 1, 10), members[0].name(), members[0].idNumber(), subDistrictCode,
                "LEASE_SIGNED", null, null), LocalDateTime.now().minusDays(1));
        households.replaceMembers(caseId, List.of(members));
        households.markRegistered(caseId, LocalDateTime.now());
        return caseId;
    }

    /** A correction of a registered household's members (a MembersChanged). */
    void correct(String caseId, Member... members) {
        households.replaceMembers(caseId, List.of(members));
    }

    /** The household's AllowanceWork processes, running or ended. */
    List<ProcessInstance> running(String caseId) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(AllowanceWorkProcess.KEY)
                .processInstanceBusinessKey(caseId).list();
    }

    /** The household's one running AllowanceWork, its start job run (as the job executor would, which may be first). */
    ProcessInstance started(String caseId) {
        List<ProcessInstance> instances = running(caseId);
        assertThat(instances).as("running AllowanceWork of " + caseId).hasSize(1);
        ProcessInstance instance = instances.get(0);
        for (Job job : managementService.createJobQuery().processInstanceId(instance.getId()).list()) {
            try {
                managementService.executeJob(job.getId());
            } catch (RuntimeException e) {
                // the job executor ran it first (a run racing it may fail in any way; the wait below decides)
            }
        }
        long deadline = System.currentTimeMillis() + 10_000;
        while (managementService.createJobQuery().processInstanceId(instance.getId()).count() > 0) {
            assertThat(System.currentTimeMillis()).as("start job of " + caseId).isLessThan(deadline);
            sleep();
        }
        return instance;
    }

    Task task(ProcessInstance instance) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    /** The sub-district office arranges security watch for these members from 2026-10-01. */
    void arrange(ProcessInstance instance, String... memberNos) {
        Task task = task(instance);
        assertThat(task.getTaskDefinitionKey()).isEqualTo(Elements.ARRANGE);
        taskService.complete(task.getId(), arrangement(memberNos));
    }

    static Map<String, Object> arrangement(String... memberNos) {
        Map<String, Object> form = new HashMap<>();
        form.put("memberNos", List.of(memberNos));
        form.put("workKind", "SECURITY_WATCH");
        form.put("scheduleNote", "每周六上午，社区东门治安值班");
        form.put("startOn", "2026-10-01");
        return form;
    }

    static Map<String, Object> hours(int memberNo, String kind, String startedAt, String endedAt) {
        Map<String, Object> form = new HashMap<>();
        form.put("hoursAction", "RECORD");
        form.put("memberNo", String.valueOf(memberNo));
        form.put("workKind", kind);
        form.put("startedAt", startedAt);
        form.put("endedAt", endedAt);
        form.put("note", "按时到岗");
        return form;
    }

    /** Records one entry at 「记录公益劳动工时」; the process then waits for the residents' committee. */
    void record(ProcessInstance instance, int memberNo, String kind, String startedAt, String endedAt) {
        Task task = task(instance);
        assertThat(task.getTaskDefinitionKey()).isEqualTo(Elements.RECORD_HOURS);
        taskService.complete(task.getId(), hours(memberNo, kind, startedAt, endedAt));
    }

    void confirm(ProcessInstance instance) {
        Task task = task(instance);
        assertThat(task.getTaskDefinitionKey()).isEqualTo(Elements.CONFIRM_HOURS);
        taskService.complete(task.getId(), Map.of("hoursDecision", "CONFIRM"));
    }

    void returnHours(ProcessInstance instance, String reason) {
        Task task = task(instance);
        assertThat(task.getTaskDefinitionKey()).isEqualTo(Elements.CONFIRM_HOURS);
        taskService.complete(task.getId(), Map.of("hoursDecision", "RETURN", "returnReason", reason));
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
