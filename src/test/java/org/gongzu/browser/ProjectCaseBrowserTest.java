package org.gongzu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.gongzu.project.FacilityType;
import org.gongzu.project.Project;
import org.gongzu.support.GongzuTest;
import org.gongzu.support.ProjectFixture;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A receiving department works a facility handover in Tasklist and reads the project's case in the
 * 「案卷」 tab beside the task, with its webapp session (no login dialog, no failed request).
 */
@GongzuTest
class ProjectCaseBrowserTest extends TasklistBrowserSupport {

    @Autowired ProjectFixture projects;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;

    @Test
    void theEducationCommissionInspectsAKindergartenBesideTheProjectsCase() {
        Project project = projects.registered(LocalDate.now().plusDays(30), FacilityType.KINDERGARTEN,
                FacilityType.POLICE_ROOM);
        Task prepare = taskService.createTaskQuery().processInstanceBusinessKey(project.id())
                .processVariableValueEquals("facilityType", "KINDERGARTEN").singleResult();
        taskService.complete(prepare.getId(), Map.of("preparedOn", LocalDate.now().toString(), "note", "竣工验收资料齐全"));
        Task inspection = taskService.createTaskQuery().processInstanceBusinessKey(project.id())
                .taskDefinitionKey("Task_InspectFacility").singleResult();

        login("hdedu");
        assertThat(taskName(inspection.getId())).isEqualTo("查验接收：幼儿园");
        openTask(inspection.getId());
        WebElement form = openedForm();
        assertThat(labels(form)).contains("查验结论", "查验日期", "存在的问题");
        assertThat(form.getText()).contains("幼儿园");
        screenshot("inspection-form");

        WebElement view = openCaseTab();
        screenshot("project-case-tab");
        assertThat(view.getText()).contains(project.name(), project.id(), "海淀区学院路街道", "幼儿园", "海淀区 区教委",
                "待查验", "警务室", "待移交", "准备移交：警务室", "查验接收：幼儿园");
        assertThat(failedRequests()).isEmpty();
        assertThat(console()).noneMatch(entry -> entry.getMessage().contains("gongzu-case"));
    }
}
