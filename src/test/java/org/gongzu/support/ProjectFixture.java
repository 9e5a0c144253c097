package org.gongzu.support;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.Job;
import org.gongzu.household.Household;
import org.gongzu.household.HouseholdRepository;
import org.gongzu.household.Member;
import org.gongzu.project.FacilityType;
import org.gongzu.project.Project;
import org.gongzu.project.ProjectService;
import org.springframework.stereotype.Component;

/** Test data for a project's case: registered projects, registered households, timers fired. */
@Component
public class ProjectFixture {

    private final ProjectService projects;
    private final HouseholdRepository households;
    private final ManagementService managementService;

    ProjectFixture(ProjectService projects, HouseholdRepository households, ManagementService managementService) {
        this.projects = projects;
        this.households = households;
        this.managementService = managementService;
    }

    public static String newProjectId() {
        return "P-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** The registration form's values for a project in 学院路 planned to move in {@code plannedMoveInOn}. */
    public static Map<String, Object> registration(String projectId, LocalDate plannedMoveInOn, FacilityType... types) {
        Map<String, Object> form = new HashMap<>();
        form.put("projectId", projectId);
        form.put("projectName", "测试项目 " + projectId);
        form.put("subDistrictCode", MoveInFixture.SUB_DISTRICT);
        form.put("subDistrictName", "海淀区学院路街道");
        form.put("ownerName", "测试产权单位");
        form.put("units", 300);
        form.put("plannedMoveInOn", plannedMoveInOn.toString());
        form.put("facilityTypes", Arrays.stream(types).map(Enum::name).toList());
        return form;
    }

    /** A project registered by the system (as the demo data is), its facility handovers started. */
    public Project registered(LocalDate plannedMoveInOn, FacilityType... types) {
        return projects.register(registration(newProjectId(), plannedMoveInOn, types), null, null);
    }

    /**
     * A household of the project registered in the community at {@code registeredAt}, with these
     * members (birth dates); answers its case id. Written straight to the tables, without TenantMoveIn.
     */
    public String registeredHousehold(String projectId, LocalDateTime registeredAt, LocalDate... birthDates) {
        String caseId = "HH-T-" + UUID.randomUUID().toString().substring(0, 8);
        households.insert(new Household(caseId, projectId, "1-1-" + caseId.substring(5, 8), "L-" + caseId,
                LocalDate.of(2026, 1, 10), "张三", MoveInFixture.HEAD_BEIJING, MoveInFixture.SUB_DISTRICT,
                "LEASE_SIGNED", null, null), registeredAt.minusDays(1));
        List<Member> members = new java.util.ArrayList<>();
        for (int i = 0; i < birthDates.length; i++) {
            members.add(new Member(i + 1, "成员" + (i + 1), "ID-" + caseId + "-" + i, i == 0 ? Member.Relation.HEAD
                    : Member.Relation.CHILD, Member.Hukou.BEIJING, birthDates[i], Member.Employment.OTHER, false));
        }
        households.replaceMembers(caseId, members);
        households.markRegistered(caseId, registeredAt);
        return caseId;
    }

    /** Lets a timer fall due now and runs it, as the job executor would (which may be first). */
    public void fire(Job timer) {
        managementService.setJobDuedate(timer.getId(), new Date(System.currentTimeMillis() - 1000));
        try {
            managementService.executeJob(timer.getId());
        } catch (ProcessEngineException e) {
            // the job executor ran it first: fine, as long as it is gone
        }
        long deadline = System.currentTimeMillis() + 10_000;
        while (managementService.createJobQuery().jobId(timer.getId()).count() > 0) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timer " + timer.getId() + " did not run");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

}
