package org.gongzu.employment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gongzu.household.Household;
import org.gongzu.household.HouseholdRepository;
import org.gongzu.household.Member;
import org.gongzu.household.Member.Employment;
import org.gongzu.household.Member.Hukou;
import org.gongzu.support.Ids;
import org.gongzu.support.MoveInFixture;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Test data for clause 7: households registered in the community with the members a test needs,
 * their unemployment registrations, and the save point after the message start driven explicitly.
 */
@Component
class EmploymentFixture {

    /** A member as a test describes them; {@link #idNumber} is valid and fits birth date and sex. */
    record Person(String name, String idNumber, Hukou hukou, LocalDate born, Employment employment) {

        Person employed(Employment now) {
            return new Person(name, idNumber, hukou, born, now);
        }
    }

    /** A member registered as unemployed: their case, registration row and process. */
    record Registered(String caseId, long registrationId, String processInstanceId, Person person) {
    }

    private final HouseholdRepository households;
    private final MoveInFixture moveIn;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final JdbcTemplate jdbc;

    EmploymentFixture(HouseholdRepository households, MoveInFixture moveIn, RuntimeService runtimeService,
            HistoryService historyService, TaskService taskService, ManagementService managementService,
            JdbcTemplate jdbc) {
        this.historyService = historyService;
        this.households = households;
        this.moveIn = moveIn;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.managementService = managementService;
        this.jdbc = jdbc;
    }

    static Person man(String name, LocalDate born, Hukou hukou, Employment employment) {
        return new Person(name + "-" + UUID.randomUUID().toString().substring(0, 6), Ids.male(born), hukou, born, employment);
    }

    static Person woman(String name, LocalDate born, Hukou hukou, Employment employment) {
        return new Person(name + "-" + UUID.randomUUID().toString().substring(0, 6), Ids.female(born), hukou, born,
                employment);
    }

    /** A household of a project in the sub-district with these members, its move-in done up to the members. */
    String household(String subDistrictCode, Person... people) {
        String caseId = "HH-E-" + UUID.randomUUID().toString().substring(0, 8);
        String project = moveIn.occupiedProject(subDistrictCode);
        households.insert(new Household(caseId, project, "2-1-" + caseId.substring(5, 8), "L-" + caseId,
                LocalDate.of(2026, 1, 10), people[0].name(), people[0].idNumber(), subDistrictCode, "LEASE_SIGNED", null,
                null), LocalDateTime.now().minusDays(1));
        households.replaceMembers(caseId, members(people));
        return caseId;
    }

    /** The household is registered in the community: HouseholdEvents.Registered is published once. */
    void registerInCommunity(String caseId) {
        households.markRegistered(caseId, LocalDateTime.now());
    }

    /** The household's members are registered again (a correction): HouseholdEvents.MembersChanged. */
    void correctMembers(String caseId, Person... people) {
        households.replaceMembers(caseId, members(people));
    }

    static List<Member> members(Person... people) {
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < people.length; i++) {
            Person p = people[i];
            members.add(new Member(i + 1, p.name(), p.idNumber(), i == 0 ? Member.Relation.HEAD : Member.Relation.SPOUSE,
                    p.hukou(), p.born(), p.employment(), false));
        }
        return members;
    }

    /** The member's registrations, oldest first: {@code [id, status, process instance id]}. */
    List<Map<String, Object>> registrations(String caseId, Person person) {
        return jdbc.queryForList("select id, status, process_instance_id, outcome from unemployment_registration"
                + " where case_id = ? and id_number = ? order by id", caseId, person.idNumber());
    }

    /** The member's only registration, its process past the start event's save point. */
    Registered started(String caseId, Person person) {
        List<Map<String, Object>> rows = registrations(caseId, person);
        assertThat(rows).as("registrations of " + person.name()).hasSize(1);
        Map<String, Object> row = rows.get(0);
        String instance = (String) row.get("process_instance_id");
        runJobs(instance);
        return new Registered(caseId, ((Number) row.get("id")).longValue(), instance, person);
    }

    /** A member of a new household of the sub-district, registered as unemployed on {@code registeredOn}. */
    Registered registeredUnemployed(String subDistrictCode, String name, LocalDate registeredOn) {
        Person person = man(name, LocalDate.of(1988, 3, 15), Hukou.BEIJING, Employment.UNEMPLOYED);
        String caseId = household(subDistrictCode, person);
        registerInCommunity(caseId);
        Registered registered = started(caseId, person);
        moveIn.attachLease(caseId);
        taskService.complete(task(registered.processInstanceId()).getId(), Map.of("registeredOn", registeredOn.toString(),
                "services", "[\"POLICY_ADVICE\"]"));
        return registered;
    }

    Task task(String processInstanceId) {
        return taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
    }

    /** The instance, running or ended (process assertions read its history). */
    ProcessInstance instance(String processInstanceId) {
        HistoricProcessInstance historic = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        assertThat(historic).as("process instance " + processInstanceId).isNotNull();
        return new Instance(historic);
    }

    /** A process instance as its history knows it, running or ended. */
    private record Instance(HistoricProcessInstance historic) implements ProcessInstance {

        @Override
        public String getId() {
            return historic.getId();
        }

        @Override
        public String getProcessInstanceId() {
            return historic.getId();
        }

        @Override
        public String getProcessDefinitionId() {
            return historic.getProcessDefinitionId();
        }

        @Override
        public String getProcessDefinitionKey() {
            return historic.getProcessDefinitionKey();
        }

        @Override
        public String getBusinessKey() {
            return historic.getBusinessKey();
        }

        @Override
        public String getRootProcessInstanceId() {
            return historic.getRootProcessInstanceId();
        }

        @Override
        public String getCaseInstanceId() {
            return historic.getCaseInstanceId();
        }

        @Override
        public String getTenantId() {
            return historic.getTenantId();
        }

        @Override
        public boolean isSuspended() {
            return HistoricProcessInstance.STATE_SUSPENDED.equals(historic.getState());
        }

        @Override
        public boolean isEnded() {
            return historic.getEndTime() != null;
        }
    }

    /** Runs a timer that is due on the engine's clock, as the job executor would (which may be first). */
    void fireTimer(Job timer) {
        try {
            managementService.executeJob(timer.getId());
        } catch (ProcessEngineException e) {
            if (!String.valueOf(e.getMessage()).contains("No job found")
                    && managementService.createJobQuery().jobId(timer.getId()).count() > 0) {
                throw new AssertionError("timer " + timer.getId() + " failed", e);
            }
        }
        long deadline = System.currentTimeMillis() + 10_000;
        while (managementService.createJobQuery().jobId(timer.getId()).count() > 0) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timer " + timer.getId() + " did not run");
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Runs the instance's asynchronous continuations (the save point after the message start) as the
     * job executor would, which may be first; fails with the job's error if one fails.
     */
    void runJobs(String processInstanceId) {
        long deadline = System.currentTimeMillis() + 15_000;
        while (true) {
            List<Job> jobs = managementService.createJobQuery().processInstanceId(processInstanceId).messages().list();
            if (jobs.isEmpty()) {
                return;
            }
            for (Job job : jobs) {
                if (job.getExceptionMessage() != null) {
                    throw new AssertionError("job of " + processInstanceId + " failed: " + job.getExceptionMessage());
                }
                try {
                    managementService.executeJob(job.getId());
                } catch (OptimisticLockingException e) {
                    // the job executor ran it at the same time
                } catch (RuntimeException e) {
                    if (managementService.createJobQuery().jobId(job.getId()).count() > 0
                            && !String.valueOf(e.getMessage()).contains("No job found")) {
                        throw new AssertionError("job of " + processInstanceId + " failed", e);
                    }
                }
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("jobs of " + processInstanceId + " did not run");
            }
            pause();
        }
    }
}
