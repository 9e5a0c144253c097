package org.gongzu.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.gongzu.support.GongzuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** processes/TaskRouting.dmn: which department of which place receives each user task. */
@GongzuTest
class TaskRoutingTest {

    @Autowired DecisionService decisionService;
    @Autowired RepositoryService repositoryService;

    @Test
    void subDistrictDepartmentsAreRoutedByTheHouseholdsSubDistrict() {
        assertThat(route("TenantMoveIn", "Task_ConfirmMoveIn")).containsExactly("owner-110108015");
        assertThat(route("TenantMoveIn", "Task_RegisterMembers")).containsExactly("rc-110108015");
        assertThat(route("TenantMoveIn", "Task_ConfirmActualPopulation")).containsExactly("police-110108015");
        assertThat(route("TenantMoveIn", "Task_RegisterFloatingPopulation")).containsExactly("police-110108015");
        assertThat(route("TenantMoveIn", "Task_CheckFacilities")).containsExactly("owner-110108015");
    }

    @Test
    void facilityArrangementGoesToTheOwnerAndTheSubDistrictOffice() {
        assertThat(route("TenantMoveIn", "Task_ArrangeFacilities"))
                .containsExactlyInAnyOrder("owner-110108015", "sdo-110108015");
    }

    @Test
    void aTaskOfAnotherProcessWithTheSameIdHasNoRoute() {
        assertThat(route("SomeOtherProcess", "Task_RegisterMembers")).isEmpty();
    }

    @Test
    void everyUserTaskOfEveryDeployedProcessHasARoute() {
        repositoryService.createProcessDefinitionQuery().latestVersion().list().stream()
                .filter(definition -> definition.getKey().equals("TenantMoveIn"))
                .forEach(definition -> {
                    BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
                    Collection<UserTask> tasks = model.getModelElementsByType(UserTask.class);
                    assertThat(tasks).isNotEmpty();
                    for (UserTask task : tasks) {
                        assertThat(route(definition.getKey(), task.getId())).as(task.getId()).isNotEmpty()
                                .allMatch(group -> group.matches("[a-z]+-[0-9]{6}([0-9]{3})?"));
                    }
                });
    }

    private List<String> route(String processKey, String taskKey) {
        return decisionService.evaluateDecisionByKey(TaskRoutingListener.DECISION_KEY)
                .variables(Map.of("processKey", processKey, "taskKey", taskKey,
                        "districtCode", "110108", "subDistrictCode", "110108015"))
                .evaluate().collectEntries(TaskRoutingListener.OUTPUT);
    }
}
