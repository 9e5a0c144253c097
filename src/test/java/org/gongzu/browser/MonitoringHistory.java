package org.gongzu.browser;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gongzu.identity.AccessBootstrap;
import org.gongzu.place.PlaceRepository;
import org.gongzu.support.MoveInFixture;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Move-ins worked through the engine over the last ten days, with the engine's clock moved to each
 * step's moment so that the monitoring records real durations: five in a sub-district of 海淀区 that
 * only this history uses (its figures are known exactly) and one in 朝阳区望京街道. Written once per
 * test JVM, for every test of the monitoring view.
 */
final class MonitoringHistory {

    /** 海淀区示范街道: a sub-district of the demo district 110108 that no other test routes work to. */
    static final String SUB_DISTRICT = "110108990";
    static final String SUB_DISTRICT_NAME = "海淀区示范街道";
    static final String KEY = "TenantMoveIn";
    static final String CONFIRM = "Task_ConfirmMoveIn";
    static final String REGISTER = "Task_RegisterMembers";
    static final String POLICE = "Task_ConfirmActualPopulation";
    /** The p90 target of 确认入住并交付钥匙 (hours), which the history breaks (its p90 is 64.8 hours). */
    static final int CONFIRM_P90_TARGET_HOURS = 48;

    private static MonitoringHistory written;

    /** Waits at 登记家庭成员信息 since 8 days, due 3 days ago: overdue. */
    final String overdueRegistration;
    /** Waits at 登记家庭成员信息 since 5 days, due in 2 days. */
    final String registration;
    /** Waits at 确认入住并交付钥匙 since 3 days. */
    final String moveIn;
    /** Waits with the police since 2 days. */
    final String police;
    /** Registered: every step done. */
    final String done;
    /** 朝阳区望京街道: waits at 登记家庭成员信息. */
    final String chaoyang;

    private final MoveInFixture fixture;
    private final TaskService taskService;
    private final Instant now = Instant.now();

    private MonitoringHistory(MoveInFixture fixture, TaskService taskService, PlaceRepository places,
            AccessBootstrap access) {
        this.fixture = fixture;
        this.taskService = taskService;
        // a new sub-district, with its departments' groups, as a project registration adds one
        places.addSubDistrictIfAbsent(SUB_DISTRICT, SUB_DISTRICT_NAME);
        access.ensureDepartments(places.find(SUB_DISTRICT).orElseThrow());
        try {
            // each case: started that long ago, then each step completed after the hours given
            overdueRegistration = moveIn(SUB_DISTRICT, days(10), hours(48));
            dueAt(overdueRegistration, REGISTER, now.minus(days(3)));
            registration = moveIn(SUB_DISTRICT, days(6), hours(24));
            dueAt(registration, REGISTER, now.plus(days(2)));
            moveIn = moveIn(SUB_DISTRICT, days(3));
            police = moveIn(SUB_DISTRICT, days(4), hours(6), hours(42));
            done = moveIn(SUB_DISTRICT, days(9), hours(72), hours(24), hours(24));
            chaoyang = moveIn(MoveInFixture.OTHER_SUB_DISTRICT, days(5), hours(24));
        } finally {
            ClockUtil.reset();
        }
    }

    static synchronized MonitoringHistory once(MoveInFixture fixture, TaskService taskService, PlaceRepository places,
            AccessBootstrap access, JdbcTemplate jdbc) {
        if (written == null) {
            written = new MonitoringHistory(fixture, taskService, places, access);
        }
        // the target is set for each test and removed after it, so that no other test meets it
        jdbc.update("delete from monitoring_threshold where process_key = ? and element_id = ?", KEY, CONFIRM);
        jdbc.update("insert into monitoring_threshold (process_key, element_id, p90_max_hours, backlog_max, updated_by,"
                + " updated_at) values (?, ?, ?, null, 'manager', current_timestamp)", KEY, CONFIRM,
                CONFIRM_P90_TARGET_HOURS);
        return written;
    }

    static void removeTarget(JdbcTemplate jdbc) {
        jdbc.update("delete from monitoring_threshold where process_key = ? and element_id = ?", KEY, CONFIRM);
    }

    /** Starts a move-in {@code ago} before now and completes its steps one after the other, each after its hours. */
    private String moveIn(String subDistrict, Duration ago, Duration... steps) {
        Instant at = now.minus(ago);
        ClockUtil.setCurrentTime(Date.from(at));
        ProcessInstance instance = fixture.startMoveIn(fixture.occupiedProject(subDistrict));
        // what the owner, the residents' committee and the police submit, in the order of the steps
        List<Map<String, Object>> inputs = List.of(MoveInFixture.moveIn(),
                MoveInFixture.members(List.of(MoveInFixture.head())), MoveInFixture.confirmation());
        for (int i = 0; i < steps.length; i++) {
            at = at.plus(steps[i]);
            ClockUtil.setCurrentTime(Date.from(at));
            Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
            taskService.complete(task.getId(), inputs.get(i));
        }
        return instance.getBusinessKey();
    }

    private void dueAt(String caseId, String elementId, Instant due) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey(elementId)
                .singleResult();
        task.setDueDate(Date.from(due));
        taskService.saveTask(task);
    }

    private static Duration days(int days) {
        return Duration.ofDays(days);
    }

    private static Duration hours(int hours) {
        return Duration.ofHours(hours);
    }
}
