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
    }

    @Test
    void aLateFacilityGoesToTheSubDistrictOfficeAndTheDistrictHousingDepartment() {
        assertThat(route("FacilityHandover", "Task_ResolveLateFacility"))
                .containsExactlyInAnyOrder("sdo-110108015", "housing-110108");
        assertThat(route("CommitteeSetup", "Task_SuperviseLateStage")).containsExactly("civil-110108");
        assertThat(route("CommitteeSetup", "Task_ElectCommittee")).containsExactly("sdo-110108015");
    }

    @Test
    void aRouteThatNamesOnlyADepartmentIsCompletedWithThePlaceAtTheDepartmentsLevel() {
        // the facility decision chose the receiving department; the router adds district or sub-district
        assertThat(placed(route("FacilityHandover", "Task_InspectFacility", "edu"))).containsExactly("edu-110108");
        assertThat(placed(route("FacilityHandover", "Task_InspectFacility", "police"))).containsExactly("police-110108015");
        assertThat(placed(route("FacilityHandover", "Task_ConfirmInUse", "civil"))).containsExactly("civil-110108");
    }

    @Test
    void aTaskOfAnotherProcessWithTheSameIdHasNoRoute() {
        assertThat(route("SomeOtherProcess", "Task_RegisterMembers")).isEmpty();
    }

    @Test
    void everyUserTaskOfEveryDeployedProcessHasARoute() {
        List<String> keys = new java.util.ArrayList<>();
        repositoryService.createProcessDefinitionQuery().latestVersion().list().forEach(definition -> {
            keys.add(definition.getKey());
            BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
            Collection<UserTask> tasks = model.getModelElementsByType(UserTask.class);
            for (UserTask task : tasks) {
                for (String department : List.of("edu", "police")) {
                    assertThat(placed(route(definition.getKey(), task.getId(), department)))
                            .as(definition.getKey() + " " + task.getId()).isNotEmpty()
                            .allMatch(group -> group.matches("[a-z]+-[0-9]{6}([0-9]{3})?"));
                }
            }
        });
        assertThat(keys).contains("TenantMoveIn", "FacilityHandover", "CommitteeSetup", "ProjectRegistration");
    }

    private List<String> route(String processKey, String taskKey) {
        return route(processKey, taskKey, null);
    }

    private List<String> route(String processKey, String taskKey, String assignedDepartment) {
        Map<String, Object> input = new java.util.HashMap<>(Map.of("processKey", processKey, "taskKey", taskKey,
                "districtCode", "110108", "subDistrictCode", "110108015"));
        input.put("assignedDepartment", assignedDepartment);
        return decisionService.evaluateDecisionByKey(TaskRoutingListener.DECISION_KEY).variables(input)
                .evaluate().collectEntries(TaskRoutingListener.OUTPUT);
    }

    /** What the router makes of the routes: bare department codes get the case's place. */
    private static List<String> placed(List<String> routes) {
        Map<String, Object> input = Map.of("districtCode", "110108", "subDistrictCode", "110108015");
        return routes.stream().map(route -> TaskRoutingListener.placed(route, input)).toList();
    }
}
