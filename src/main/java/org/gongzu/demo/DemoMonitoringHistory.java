package org.gongzu.demo;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.gongzu.identity.Department;
import org.gongzu.place.Place;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Four months of finished steps for the demo districts, so that the monitoring view of the
 * zero-setup run has durations, percentiles and a trend to show (the cases themselves are not
 * kept: their ids start with DEMO-). Slower in 朝阳区 and at the residents' committee's and the
 * police's steps, as a skewed city would be. Open tasks are the real ones of the demo data.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("${gongzu.demo-data:false} and ${gongzu.demo-monitoring-history:true}")
class DemoMonitoringHistory {

    private static final int DAYS = 120;
    private static final int CASES_PER_STEP_AND_DISTRICT = 60;

    @Bean
    @Order(40)
    ApplicationRunner demoMonitoringHistoryWritten(JdbcTemplate jdbc, RepositoryService repositoryService, Clock clock) {
        return args -> {
            if (jdbc.queryForObject("select count(*) from monitoring_task where case_id like 'DEMO-%'", Integer.class) > 0) {
                return;
            }
            Random random = new Random(2013);
            Instant now = clock.instant();
            List<Object[]> rows = new ArrayList<>();
            for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
                if (definition.getKey().equals("TargetBreach")) {
                    continue; // the district supervisors' own follow-up, not a step of the services
                }
                for (UserTask task : repositoryService.getBpmnModelInstance(definition.getId())
                        .getModelElementsByType(UserTask.class)) {
                    Department department = departmentOf(task.getId());
                    for (DemoData.DemoDistrict d : DemoData.DISTRICTS) {
                        String district = Place.districtOf(d.subDistrictCode());
                        String place = department.level() == Place.Kind.DISTRICT ? district : d.subDistrictCode();
                        double slowness = (d.prefix().equals("cy") ? 2.5 : 1.0)
                                * (department == Department.RESIDENTS_COMMITTEE || department == Department.POLICE ? 3 : 1);
                        for (int i = 0; i < CASES_PER_STEP_AND_DISTRICT; i++) {
                            Instant created = now.minusSeconds((long) (random.nextDouble() * DAYS * 86_400));
                            // log-normal around a day, times the step's and the district's slowness
                            long duration = (long) (86_400_000L * slowness * Math.exp(random.nextGaussian() * 0.8 - 0.5));
                            Instant ended = created.plusMillis(duration);
                            if (ended.isAfter(now)) {
                                continue;
                            }
                            rows.add(new Object[] {UUID.randomUUID().toString(), department.groupId(place),
                                department.code(), place, district, d.subDistrictCode(), definition.getKey(),
                                definition.getId(), definition.getVersion(), task.getId(), "DEMO-" + i,
                                Timestamp.from(created), Timestamp.from(created.plusSeconds(3 * 86_400)),
                                Timestamp.from(ended), duration});
                        }
                    }
                }
            }
            jdbc.batchUpdate("insert into monitoring_task (task_id, group_id, department, place_code, district_code,"
                    + " sub_district_code, process_key, process_definition_id, process_version, element_id, case_id,"
                    + " created_at, due_at, ended_at, outcome, duration_ms)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'COMPLETED', ?)", rows);
        };
    }

    /** The department a step of the demo history went to: by the step's usual department, else the sub-district office. */
    private static Department departmentOf(String taskId) {
        String id = taskId.toLowerCase();
        if (id.contains("members") || id.contains("application") || id.contains("confirmhours")) {
            return Department.RESIDENTS_COMMITTEE;
        }
        if (id.contains("population")) {
            return Department.POLICE;
        }
        if (id.contains("moveins") || id.contains("confirmmovein") || id.contains("handover") || id.contains("recommend")) {
            return Department.OWNER;
        }
        if (id.contains("unemployment") || id.contains("followup")) {
            return Department.SOCIAL_SECURITY_OFFICE;
        }
        if (id.contains("school")) {
            return Department.EDUCATION;
        }
        if (id.contains("place")) {
            return Department.SCHOOL;
        }
        if (id.contains("supervise") || id.contains("late")) {
            return Department.CIVIL_AFFAIRS;
        }
        return Department.SUBDISTRICT_OFFICE;
    }
}
