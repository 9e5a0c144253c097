package org.gongzu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.gongzu.support.GongzuTest;
import org.gongzu.support.MoveInFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The services after move-in in Tasklist, as their departments work them: the residents' committee
 * takes a child's school application, the sub-district office arranges the allowance work from the
 * household's members, the social security office registers the unemployed parent. Each form
 * renders in Chinese, is filled in as a user would, and its step completes.
 */
@GongzuTest
class ServicesAfterMoveInBrowserTest extends TasklistBrowserSupport {

    static final String SUB = MoveInFixture.SUB_DISTRICT;

    @Autowired MoveInFixture fixture;
    @Autowired TaskService taskService;
    @Autowired org.camunda.bpm.engine.RuntimeService runtimeService;
    @Autowired org.camunda.bpm.engine.ManagementService managementService;
    @Autowired JdbcTemplate jdbc;

    private String caseId;

    /** A Beijing family on the allowance with an unemployed father and a child of seven, registered today. */
    @BeforeEach
    void registeredHousehold() {
        caseId = fixture.registeredFamilyOnAllowance(SUB, "HH-B-", "李", "5-1-");
    }

    @Test
    void theCommitteeTakesTheSchoolApplicationInItsForm() {
        Task application = waitingTask("SchoolEnrollment", "Task_ConfirmApplication");
        workOn("hdrc", application);
        WebElement form = openedForm();
        assertThat(form.getText()).contains("确认入学申请", caseId, "小学");
        radio(form, "家长是否申请", "申请就近入学（入园）");
        tick(form, "已查验《北京市公共租赁住房租赁合同》");
        tick(form, "已查验户口簿");
        type(form, "监护人姓名", "李建国");
        type(form, "监护人手机号码", "13800138000");
        screenshot("school-application");
        completeButton().click();
        wait.withMessage("the application taken").until(d -> taskService.createTaskQuery().taskId(application.getId())
                .count() == 0);
        assertThat(jdbc.queryForObject("select status from school_enrollment where case_id = ?", String.class, caseId))
                .isEqualTo("APPLIED");
        assertThat(failedRequests()).isEmpty();
    }

    @Test
    void theOfficeArrangesTheAllowanceWorkFromTheHouseholdsAdultsOnTheAllowance() {
        Task arrangement = waitingTask("AllowanceWork", "Task_ArrangeWork");
        workOn("hdsdo", arrangement);
        WebElement form = openedForm();
        // the checklist offers the adults on the allowance only, from the household's members
        WebElement members = field(form, "参加劳动的成员");
        assertThat(members.getText()).contains("成员1 李建国").doesNotContain("李明轩");
        check(form, "参加劳动的成员", "成员1 李建国");
        radio(form, "劳动类别", "治安值班");
        WebElement schedule = visible(field(form, "劳动时间安排").findElement(By.cssSelector("textarea")));
        schedule.sendKeys("每周二、四晚间治安巡逻");
        LocalDate today = LocalDate.now();
        date(form, "开始日期", String.valueOf(today.getYear()), String.format("%02d", today.getMonthValue()),
                String.format("%02d", today.getDayOfMonth()));
        screenshot("allowance-arrangement");
        completeButton().click();
        wait.withMessage("the arrangement made").until(d -> taskService.createTaskQuery().taskId(arrangement.getId())
                .count() == 0);
        assertThat(jdbc.queryForObject("select work_kind from allowance_work where case_id = ?", String.class, caseId))
                .isEqualTo("SECURITY_WATCH");
        assertThat(failedRequests()).isEmpty();
    }

    @Test
    void theSocialSecurityOfficeRegistersTheUnemployedFatherWithTheServicesGiven() {
        Task registration = waitingTask("UnemploymentRegistration", "Task_RegisterUnemployment");
        workOn("hdsso", registration);
        WebElement form = openedForm();
        assertThat(form.getText()).contains("办理失业登记", caseId, "李建国");
        LocalDate today = LocalDate.now();
        date(form, "登记日期", String.valueOf(today.getYear()), String.format("%02d", today.getMonthValue()),
                String.format("%02d", today.getDayOfMonth()));
        check(form, "本次提供的服务", "政策咨询", "职业指导");
        screenshot("unemployment-registration");
        completeButton().click();
        wait.withMessage("the member registered").until(d -> taskService.createTaskQuery().taskId(registration.getId())
                .count() == 0);
        assertThat(jdbc.queryForObject("select status from unemployment_registration where case_id = ?", String.class,
                caseId)).isEqualTo("REGISTERED");
        assertThat(failedRequests()).isEmpty();
    }

    private void tick(WebElement form, String label) {
        WebElement box = visible(field(form, label).findElement(By.cssSelector("input[type='checkbox']")));
        box.click();
        wait.until(d -> box.isSelected());
    }

    /** The service's first task of the case, once its start ran as a job (run here if the job executor has not yet). */
    private Task waitingTask(String processKey, String taskKey) {
        return wait.withMessage(taskKey + " of " + caseId).until(d -> {
            Task task = taskService.createTaskQuery().processInstanceBusinessKey(caseId).processDefinitionKey(processKey)
                    .taskDefinitionKey(taskKey).singleResult();
            if (task == null) {
                runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseId).list().forEach(pi ->
                        managementService.createJobQuery().processInstanceId(pi.getId()).executable().list().forEach(job -> {
                            try {
                                managementService.executeJob(job.getId());
                            } catch (RuntimeException e) {
                                // the job executor took it meanwhile
                            }
                        }));
            }
            return task;
        });
    }
}
