package org.gongzu.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzu.support.MoveInFixture.OTHER_SUB_DISTRICT;
import static org.gongzu.support.MoveInFixture.SUB_DISTRICT;

import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.gongzu.support.GongzuTest;
import org.gongzu.support.MoveInFixture;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Acceptance test in a real browser: department staff work the household registration in
 * Camunda Tasklist (Chinese UI, Camunda Form rendered by form-js) in Debian's headless Chromium
 * (browser set-up in {@link TasklistBrowserSupport}).
 */
@GongzuTest
class TasklistBrowserTest extends TasklistBrowserSupport {

    private static final String REGISTRATION_TASK = "登记家庭成员信息";
    private static final String WRONG_CHECK_DIGIT_MESSAGE = "「身份证号码」校验位不正确";

    @Autowired MoveInFixture fixture;
    @Autowired TaskService taskService;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void residentsCommitteeSeesTheRegistrationTaskAndItsChineseForm() {
        Task registration = fixture.registrationTaskIn(SUB_DISTRICT);

        login("hdrc");
        assertThat(taskName(registration.getId())).isEqualTo(REGISTRATION_TASK);
        screenshot("task-list");

        openTask(registration.getId());
        WebElement form = openedForm();
        screenshot("form");

        assertThat(driver.findElement(By.cssSelector(".task-details")).getText()).contains(REGISTRATION_TASK);
        assertThat(form.getText()).contains("居委会会同产权单位逐一登记全部家庭成员", "案卷号：" + caseIdOf(registration));
        assertThat(labels(form)).contains("家庭成员人数", "第1位成员", "姓名", "身份证号码", "与承租人关系", "户籍", "出生日期",
                "就业状况", "低保对象");
        assertThat(form.getText()).contains("本市户籍", "外地户籍", "18位，最后一位可为X；系统核验校验位及出生日期");
    }

    @Test
    void policeOfTheOtherDistrictDoesNotSeeTheTask() {
        Task registration = fixture.registrationTaskIn(SUB_DISTRICT);
        // a task of cypolice's own (朝阳区望京街道): once it is listed, the list has loaded
        Task own = actualPopulationTaskIn(OTHER_SUB_DISTRICT);

        login("cypolice");
        assertThat(taskName(own.getId())).isEqualTo("核对录入实有人口信息");
        screenshot("task-list");

        assertThat(driver.findElements(taskLinkSelector(registration.getId()))).isEmpty();
        assertThat(driver.findElement(By.cssSelector("[cam-tasks]")).getText()).doesNotContain(REGISTRATION_TASK);

        // nor can the task be opened by its address
        driver.get(tasklistUrl() + "#/?task=" + registration.getId());
        wait.withMessage("Tasklist reporting that the task does not exist").until(
                ExpectedConditions.visibilityOfElementLocated(notification("该任务已不存在")));
        screenshot("task-by-address");
        assertThat(driver.findElements(By.cssSelector(".task-details form.fjs-form"))).isEmpty();
        assertThat(driver.findElement(By.cssSelector("body")).getText())
                .doesNotContain(REGISTRATION_TASK, caseIdOf(registration));
    }

    @Test
    void wrongCheckDigitIsRefusedInTheFormAndTheTaskStaysOpen() {
        Task registration = fixture.registrationTaskIn(SUB_DISTRICT);

        workOn("hdrc", registration);
        fillOneMember(MoveInFixture.WRONG_CHECK_DIGIT);
        screenshot("filled");
        // the browser checks the number as soon as it is typed, before anything is sent
        WebElement idField = field(field("第1位成员"), "身份证号码");
        assertThat(errorsOf(idField)).containsExactly(WRONG_CHECK_DIGIT_MESSAGE + "，请核对号码");
        assertThat(marked(idField)).isTrue();

        completeButton().click();
        screenshot("refused");

        assertThat(taskService.createTaskQuery().taskId(registration.getId()).count()).isEqualTo(1);
        assertThat(toasts()).as("nothing was sent, so no refusal of the server").isEmpty();
        // the form stays open with what was typed, to be corrected
        assertThat(visible(idField.findElement(By.cssSelector("input.fjs-input"))).getAttribute("value"))
                .isEqualTo(MoveInFixture.WRONG_CHECK_DIGIT);
    }

    /**
     * A valid household is registered through Tasklist's own 完成 button. (forms/household-registration.form
     * uses numbered member groups: with form-js 1.8.7's dynamic list, Tasklist 7.24 kept 完成 disabled
     * after the first keystroke, docs/adr/0003.)
     */
    @Test
    void completeIsEnabledOnceTheMemberIsFilledIn() {
        Task registration = fixture.registrationTaskIn(SUB_DISTRICT);
        workOn("hdrc", registration);
        fillOneMember(MoveInFixture.HEAD_BEIJING);
        screenshot("filled");
        completeButton().click();
        wait.withMessage("the registration task completed").until(
                d -> taskService.createTaskQuery().taskId(registration.getId()).count() == 0);
        assertThat(taskService.createTaskQuery().processInstanceId(registration.getProcessInstanceId())
                .taskDefinitionKey("Task_ConfirmActualPopulation").count()).isEqualTo(1);
    }

    @Test
    void propertyOwnerRecordsASignedLeaseWithTheStartForm() {
        String project = fixture.occupiedProject(SUB_DISTRICT);
        String leaseNo = "WEB-" + project;

        login("hdowner");
        WebElement form = openStartForm();
        screenshot("start-form");
        assertThat(labels(form)).contains("公租房项目编号", "房屋编号", "租赁合同编号", "合同签订日期", "承租人姓名",
                "承租人身份证号码");
        type(form, "公租房项目编号", project);
        type(form, "房屋编号", "5-1-502");
        type(form, "租赁合同编号", leaseNo);
        date(form, "合同签订日期", "2026", "03", "02");
        type(form, "承租人姓名", "赵六");
        type(form, "承租人身份证号码", MoveInFixture.HEAD_BEIJING);
        visible(driver.findElement(By.cssSelector(".modal button[ng-click='startProcessInstance()']"))).click();

        String caseId = wait.withMessage("the case of lease " + leaseNo + " opened").until(d -> jdbc.queryForList(
                "select case_id from household where lease_no = ?", String.class, leaseNo).stream().findFirst()
                .orElse(null));
        screenshot("started");
        assertThat(jdbc.queryForObject("select lease_signed_on from household where case_id = ?",
                java.time.LocalDate.class, caseId)).isEqualTo(java.time.LocalDate.of(2026, 3, 2));
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(caseId)
                .taskDefinitionKey("Task_ConfirmMoveIn").taskCandidateGroup("owner-" + SUB_DISTRICT).count()).isEqualTo(1);
    }

    @Test
    void onlyPropertyOwnersAreOfferedTheMoveInProcess() {
        login("hdrc");
        driver.findElement(By.xpath("//a[contains(normalize-space(.), '启动流程')]")).click();
        WebElement dialog = wait.withMessage("the start dialog").until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".modal-body")));
        wait.withMessage("the list of startable processes loaded").until(d -> !dialog.findElements(
                By.cssSelector(".well, ul.processes")).isEmpty());
        screenshot("start-dialog");
        assertThat(dialog.getText()).doesNotContain("承租家庭首次入住");
    }

    @Test
    void supervisorFollowsTheCasesOfEveryDistrictInCockpit() {
        fixture.registrationTaskIn(SUB_DISTRICT);
        fixture.registrationTaskIn(OTHER_SUB_DISTRICT);

        driver.get("http://localhost:" + port + "/camunda/app/cockpit/default/#/processes");
        signIn("supervisor");
        WebElement processes = wait.withMessage("TenantMoveIn listed in Cockpit").until(
                ExpectedConditions.visibilityOfElementLocated(By.xpath("//a[normalize-space(.)='承租家庭首次入住']")));
        screenshot("cockpit-processes");
        WebElement row = processes.findElement(By.xpath("./ancestor::tr"));
        assertThat(Integer.parseInt(row.findElements(By.tagName("td")).get(2).getText().trim())).isGreaterThanOrEqualTo(2);
        processes.click();
        wait.withMessage("the process page").until(ExpectedConditions.urlContains("process-definition"));
        wait.withMessage("the process diagram").until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".djs-container svg")));
        screenshot("cockpit-process");
    }

    // ---- the engine side ----


    /** The police's task that follows the registration of a household with a member of Beijing hukou. */
    private Task actualPopulationTaskIn(String subDistrict) {
        Task registration = fixture.registrationTaskIn(subDistrict);
        taskService.complete(registration.getId(), MoveInFixture.members(List.of(MoveInFixture.head())));
        return taskService.createTaskQuery().processInstanceId(registration.getProcessInstanceId())
                .taskDefinitionKey("Task_ConfirmActualPopulation").singleResult();
    }

    private String caseIdOf(Task task) {
        return (String) taskService.getVariable(task.getId(), "caseId");
    }
}
