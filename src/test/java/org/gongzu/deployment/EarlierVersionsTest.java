package org.gongzu.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gongzu.support.GongzuTest;
import org.gongzu.support.MoveInFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Cases started on an earlier version of a process finish on it after an upgrade: TenantMoveIn's
 * version before the FacilityHandover process still checks facilities, and its listeners and form
 * fields are still there.
 */
@GongzuTest
class EarlierVersionsTest {

    private static final String EARLIER = "/earlier-versions/tenant-move-in-6/";

    @Autowired ModelDeployer deployer;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired MoveInFixture fixture;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aCaseOfTheVersionWithTheFacilityCheckFinishesOnIt() throws IOException {
        ProcessDefinition earlier;
        try {
            deployer.deploy(earlierModels());
            earlier = repositoryService.createProcessDefinitionQuery().processDefinitionKey("TenantMoveIn")
                    .latestVersion().singleResult();
        } finally {
            // the repository's version is the latest again for everyone else
            deployer.deploy(ModelDeployer.repositoryModels());
        }
        assertThat((Object) repositoryService.getBpmnModelInstance(earlier.getId())
                .getModelElementById("Task_CheckFacilities")).isNotNull();
        String project = fixture.newProject(MoveInFixture.SUB_DISTRICT);
        ProcessInstance pi = runtimeService.startProcessInstanceById(earlier.getId(),
                fixture.lease(project, MoveInFixture.HEAD_BEIJING));
        fixture.attachLease(pi.getBusinessKey());
        complete(pi, "Task_ConfirmMoveIn", MoveInFixture.moveIn());

        complete(pi, "Task_CheckFacilities", Map.of("residentsCommitteeInUse", "true", "policeRoomInUse", "false",
                "serviceStationInUse", "true", "elderlyCareInUse", "true"));
        assertThat(jdbc.queryForObject("select in_use from facility_check where case_id = ? and facility = 'POLICE_ROOM'",
                Boolean.class, pi.getBusinessKey())).isFalse();
        complete(pi, "Task_ArrangeFacilities", Map.of("confirmed", true, "doneOn", "2026-02-05", "note", "警务室下月启用"));
        complete(pi, "Task_RegisterMembers", MoveInFixture.members(List.of(MoveInFixture.head())));
        complete(pi, "Task_ConfirmActualPopulation", MoveInFixture.confirmation());

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(jdbc.queryForObject("select status from household where case_id = ?", String.class,
                pi.getBusinessKey())).isEqualTo("REGISTERED");
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("TenantMoveIn").latestVersion()
                .singleResult().getVersion()).isGreaterThan(earlier.getVersion());
    }

    private void complete(ProcessInstance pi, String taskKey, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as(taskKey).isNotNull();
        taskService.complete(task.getId(), variables);
    }

    /** The repository with TenantMoveIn and its two facility forms as they were. */
    private static List<ModelDeployer.Model> earlierModels() throws IOException {
        List<ModelDeployer.Model> models = new ArrayList<>(ModelDeployer.repositoryModels().stream()
                .filter(m -> !m.fileName().equals("TenantMoveIn.bpmn")).toList());
        for (String file : List.of("TenantMoveIn.bpmn", "facility-check.form", "facility-arrangement.form")) {
            try (InputStream in = EarlierVersionsTest.class.getResourceAsStream(EARLIER + file)) {
                models.add(new ModelDeployer.Model(file, in.readAllBytes()));
            }
        }
        return models;
    }
}
