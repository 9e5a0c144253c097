package org.gongzu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.gongzu.support.GongzuTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The district housing department registers a project in Tasklist's Chinese start form, and the
 * property owner then prepares a facility's handover in its form.
 */
@GongzuTest
class ProjectRegistrationBrowserTest extends TasklistBrowserSupport {

    @Autowired JdbcTemplate jdbc;
    @Autowired TaskService taskService;

    @Test
    void theHousingDepartmentRegistersAProjectAndTheOwnerPreparesItsFacilities() throws Exception {
        String id = "BT-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        LocalDate planned = LocalDate.now().plusMonths(2);

        login("hdhousing");
        WebElement form = openStartForm("公租房项目登记");
        type(form, "项目编号", id);
        type(form, "项目名称", "浏览器测试项目");
        type(form, "所在街道（乡镇）代码", "110108015");
        type(form, "所在街道（乡镇）名称", "海淀区学院路街道");
        type(form, "产权单位", "北京市保障性住房建设投资中心");
        type(form, "房屋套数", "520");
        date(form, "计划首次入住日期", String.valueOf(planned.getYear()), String.format("%02d", planned.getMonthValue()),
                String.format("%02d", planned.getDayOfMonth()));
        check(form, "规划配套设施", "幼儿园", "警务室", "社区服务站用房");
        screenshot("registration-form");
        startButton().click();
        wait.withMessage("the project registered").until(d -> jdbc.queryForObject(
                "select count(*) from housing_project where id = ?", Integer.class, id) == 1);
        assertThat(jdbc.queryForList("select facility_type from project_facility where project_id = ? order by 1",
                String.class, id)).containsExactly("KINDERGARTEN", "POLICE_ROOM", "SERVICE_STATION");
        assertThat(jdbc.queryForObject("select units from housing_project where id = ?", Integer.class, id)).isEqualTo(520);

        List<Task> prepare = taskService.createTaskQuery().processInstanceBusinessKey(id).list();
        assertThat(prepare).hasSize(3).allMatch(t -> t.getTaskDefinitionKey().equals("Task_PrepareHandover"));
        Task kindergarten = prepare.stream().filter(t -> "KINDERGARTEN".equals(
                taskService.getVariable(t.getId(), "facilityType"))).findFirst().orElseThrow();

        browser.close();
        browser = new Chromium(port, getClass().getSimpleName() + "-owner");
        browserOpened();
        workOn("hdowner", kindergarten);
        WebElement handover = openedForm();
        assertThat(handover.getText()).contains("幼儿园", id);
        LocalDate today = LocalDate.now();
        date(handover, "移交准备完成日期", String.valueOf(today.getYear()), String.format("%02d", today.getMonthValue()),
                String.format("%02d", today.getDayOfMonth()));
        visible(handover.findElement(By.cssSelector("textarea"))).sendKeys("竣工验收资料、钥匙三把");
        completeButton().click();
        wait.withMessage("the handover prepared").until(d -> taskService.createTaskQuery()
                .taskId(kindergarten.getId()).count() == 0);
        Task inspection = taskService.createTaskQuery().processInstanceId(kindergarten.getProcessInstanceId())
                .singleResult();
        assertThat(inspection.getTaskDefinitionKey()).isEqualTo("Task_InspectFacility");
        assertThat(taskService.getIdentityLinksForTask(inspection.getId())).extracting(l -> l.getGroupId())
                .containsExactly("edu-110108");
        assertThat(failedRequests()).isEmpty();
    }
}
