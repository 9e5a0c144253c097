package org.gongzu.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzu.support.MoveInFixture.HEAD_BEIJING;
import static org.gongzu.support.MoveInFixture.SUB_DISTRICT;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gongzu.support.GongzuTest;
import org.gongzu.support.MoveInFixture;
import org.gongzu.validation.IdNumber;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What staff see in Tasklist when something is refused, and form-js in Chinese (docs/adr/0008):
 * the server's refusal reads as one Chinese sentence and marks its field; the browser checks ID
 * numbers; no English, no end-of-life banner, the product's name; and no failed request in the
 * console.
 */
@GongzuTest
class TasklistRefusalBrowserTest extends TasklistBrowserSupport {

    private static final List<String> ENGLISH = List.of("Field is required", "must match pattern", "Select", "Search",
            "Cannot", "yyyy", "January", "Mon", "Sun");

    @Autowired MoveInFixture fixture;
    @Autowired TaskService taskService;
    @Autowired JdbcTemplate jdbc;

    @Test
    void refusedStartFormShowsOnlyTheChineseMessageAndMarksTheField() {
        String missing = "NONE-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String leaseNo = "WEB-" + UUID.randomUUID().toString().substring(0, 8);

        login("hdowner");
        WebElement form = openStartForm();
        fillStartForm(form, missing, leaseNo);
        startButton().click();

        // the server refuses: a project the browser cannot know does not exist
        WebElement projectField = field(form, "公租房项目编号");
        wait.withMessage("the project field marked by the refusal").until(d -> refusalMarked(projectField));
        screenshot("refused");
        List<String> toasts = toasts();
        assertThat(toasts).hasSize(1);
        assertThat(toasts.get(0)).contains("公租房项目", missing);
        assertThat(toasts.get(0).replace(missing, "")).as("no English, no ids").doesNotContainPattern("[A-Za-z]");
        // the field's own sentence: the server's fields[].message, or the toast's sentence naming it
        assertThat(errorsOf(projectField)).singleElement().asString().contains(missing);
        assertThat(pageText()).doesNotContain(ENGLISH);
        // the dialog keeps what was typed
        assertThat(input(form, "承租人身份证号码").getAttribute("value")).isEqualTo(HEAD_BEIJING);

        // editing the field takes the toast and the mark away
        type(form, "公租房项目编号", fixture.occupiedProject(SUB_DISTRICT));
        wait.withMessage("the toast gone once the field is edited").until(d -> toasts().isEmpty());
        assertThat(refusalMarked(projectField)).isFalse();

        startButton().click();
        wait.withMessage("the case of lease " + leaseNo + " opened").until(d -> jdbc.queryForList(
                "select case_id from household where lease_no = ?", String.class, leaseNo).size() == 1);
        screenshot("started");
        assertThat(driver.findElements(By.cssSelector(".notifications .alert-danger")).stream()
                .filter(WebElement::isDisplayed)).as("no stale error").isEmpty();
    }

    @Test
    void refusedTaskFormMarksTheFieldAndNoToastStaysAfterASuccess() {
        ProcessInstance instance = fixture.startMoveIn(fixture.occupiedProject(SUB_DISTRICT));
        Task confirm = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();

        workOn("hdowner", confirm);
        WebElement form = openedForm();
        // the lease was signed on 2026-01-10: moving in earlier is refused by the server only
        date(form, "入住日期", "2026", "01", "05");
        field("钥匙已交付承租家庭").findElement(By.cssSelector("input[type='checkbox']")).click();
        completeButton().click();

        WebElement dateField = field("入住日期");
        wait.withMessage("the move-in date marked by the refusal").until(d -> refusalMarked(dateField));
        wait.withMessage("the refusal's toast").until(d -> toasts().size() == 1);
        screenshot("refused");
        String toast = toasts().get(0);
        assertThat(toast).contains("入住日期").doesNotContainPattern("[A-Za-z]");
        assertThat(errorsOf(dateField)).singleElement().asString().contains("入住日期").doesNotContainPattern("[A-Za-z]");
        assertDoesNotCover(driver.findElement(By.cssSelector(".page-notifications .alert")), completeButton());

        // a second refused attempt replaces the toast instead of adding one
        completeButton().click();
        wait.withMessage("the second refusal answered").until(d -> refusals() == 2);
        wait.withMessage("the second refusal's toast").until(d -> toasts().size() == 1);
        assertThat(driver.findElements(By.cssSelector(".notifications .alert"))).hasSize(1);

        date(form, "入住日期", "2026", "02", "01");
        wait.withMessage("the toast gone once the form is edited").until(d -> toasts().isEmpty());
        completeButton().click();
        wait.withMessage("the task completed").until(
                d -> taskService.createTaskQuery().taskId(confirm.getId()).count() == 0);
        screenshot("completed");
        assertThat(driver.findElements(By.cssSelector(".notifications .alert-danger")).stream()
                .filter(WebElement::isDisplayed)).as("no stale error").isEmpty();
    }

    @Test
    void formJsSpeaksChinese() {
        Task registration = fixture.registrationTaskIn(SUB_DISTRICT);
        workOn("hdrc", registration);
        WebElement member = field("第1位成员");

        WebElement name = input(member, "姓名");
        // the lease holder comes prefilled, as the owner entered them; emptying the name is refused
        assertThat(name.getAttribute("value")).isEqualTo("张三");
        name.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, Keys.TAB);
        wait.withMessage("required, in Chinese").until(d -> errorsOf(field(member, "姓名")).contains("此项为必填项"));

        WebElement idNumber = input(member, "身份证号码");
        idNumber.sendKeys("12345", Keys.TAB);
        wait.withMessage("the pattern, in words").until(
                d -> errorsOf(field(member, "身份证号码")).contains("应为18位，前17位为数字，最后一位为数字或X"));
        assertThat(pageText()).doesNotContain("[1-9]", "{16}");

        // the lease holder's relation comes prefilled, in Chinese; a field not prefilled asks 请选择
        assertThat(field(member, "与承租人关系").findElement(By.cssSelector(".fjs-select-display")).getText())
                .isEqualTo("本人");
        assertThat(field(member, "就业状况").findElement(By.cssSelector(".fjs-select-display")).getText())
                .isEqualTo("请选择");
        WebElement birthDate = input(member, "出生日期");
        assertThat(birthDate.getAttribute("placeholder")).isEqualTo("年/月/日");

        birthDate.click();
        WebElement calendar = wait.withMessage("the date picker open").until(ExpectedConditions
                .visibilityOfElementLocated(By.cssSelector(".task-details .flatpickr-calendar.open")));
        screenshot("chinese");
        assertThat(calendar.findElements(By.cssSelector(".flatpickr-weekday")).stream().map(WebElement::getText)
                .map(String::trim).toList()).containsExactly("一", "二", "三", "四", "五", "六", "日");
        assertThat(calendar.findElements(By.cssSelector("option.flatpickr-monthDropdown-month")).stream()
                .map(option -> option.getAttribute("textContent").trim()).toList()).startsWith("一月", "二月")
                .endsWith("十二月");
        assertThat(pageText()).doesNotContain(ENGLISH);
    }

    @Test
    void idNumbersAreCheckedInTheBrowser() {
        Task registration = fixture.registrationTaskIn(SUB_DISTRICT);
        workOn("hdrc", registration);
        WebElement member = field("第1位成员");
        WebElement idField = field(member, "身份证号码");

        String tomorrow = LocalDate.now().plusDays(1).toString().replace("-", "");
        Map<String, String> expected = Map.of(
                idNumber("110108", tomorrow), "「身份证号码」其中的出生日期晚于今天",
                idNumber("110108", "18991231"), "「身份证号码」其中的出生日期早于1900年",
                idNumber("110108", "19850230"), "「身份证号码」其中的出生日期（第7至14位）不是有效日期",
                MoveInFixture.WRONG_CHECK_DIGIT, "「身份证号码」校验位不正确，请核对号码");
        expected.forEach((number, message) -> {
            type(member, "身份证号码", number);
            wait.withMessage(message).until(d -> errorsOf(idField).contains(message));
            assertThat(refusalMarked(idField)).isTrue();
        });
        screenshot("checked");

        type(member, "身份证号码", HEAD_BEIJING);
        wait.withMessage("no error for a valid number").until(d -> errorsOf(idField).isEmpty());
        assertThat(marked(idField)).isFalse();
    }

    /** A refusal naming its fields by key: a REST list path names the numbered member group. */
    @Test
    void fieldsNamedByTheServerAreMarkedByTheirKeys() {
        Task registration = fixture.registrationTaskIn(SUB_DISTRICT);
        workOn("hdrc", registration);
        type(driver.findElement(By.cssSelector(".task-details form.fjs-form")), "家庭成员人数", "2");
        WebElement second = wait.withMessage("the second member's group").until(d -> field("第2位成员"));

        driver.executeScript("window.gongzuTasklist.showRefusal('task', arguments[0]);", Map.of(
                "message", "第2位成员的「身份证号码」校验位不正确，请核对号码",
                "fields", List.of(Map.of("field", "members[1].idNumber",
                        "message", "第2位成员的「身份证号码」校验位不正确，请核对号码"))));

        WebElement secondId = field(second, "身份证号码");
        wait.withMessage("the second member's ID marked").until(d -> refusalMarked(secondId));
        screenshot("marked");
        assertThat(errorsOf(secondId)).containsExactly("第2位成员的「身份证号码」校验位不正确，请核对号码");
        assertThat(refusalMarked(field(field("第1位成员"), "身份证号码"))).isFalse();

        input(second, "身份证号码").sendKeys("1");
        wait.withMessage("the mark gone once the field is edited").until(d -> !refusalMarked(secondId));
    }

    @Test
    void escapeInTheDatePickerKeepsTheStartForm() {
        login("hdowner");
        WebElement form = openStartForm();
        type(form, "公租房项目编号", "HD-XYL-01");
        type(form, "承租人姓名", "赵六");
        WebElement signedOn = input(form, "合同签订日期");
        signedOn.click();
        wait.withMessage("the date picker open").until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".modal .flatpickr-calendar.open")));
        signedOn.sendKeys(Keys.ESCAPE);
        wait.withMessage("the date picker closed").until(ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector(".modal .flatpickr-calendar.open")));
        screenshot("after-escape");

        assertThat(driver.findElements(By.cssSelector(".modal form.fjs-form"))).hasSize(1);
        assertThat(input(form, "公租房项目编号").getAttribute("value")).isEqualTo("HD-XYL-01");
        assertThat(input(form, "承租人姓名").getAttribute("value")).isEqualTo("赵六");
    }

    @Test
    void headerShowsTheProductWithoutTheEndOfLifeBannerOrCreateTask() {
        login("hdowner");
        screenshot("header");
        assertThat(driver.getTitle()).contains("公租").doesNotContain("Camunda");
        assertThat(driver.findElement(By.cssSelector("[cam-widget-header] .brand-name")).getText()).contains("公租");
        assertThat(driver.findElements(By.cssSelector(".ce-eol-banner")).stream().filter(WebElement::isDisplayed))
                .isEmpty();
        assertThat(pageText()).doesNotContain("Camunda 8", "迁移", "创建任务");
        // the 20 px the banner took are gone: the columns start where the header ends
        Number headerBottom = (Number) driver.executeScript(
                "return document.querySelector('[cam-widget-header]').getBoundingClientRect().bottom;");
        Number pageTop = (Number) driver.executeScript(
                "return document.querySelector('.page-wrap').getBoundingClientRect().top;");
        assertThat(pageTop.doubleValue()).isBetween(headerBottom.doubleValue() - 1, headerBottom.doubleValue() + 1);
    }

    @Test
    void tasklistPagesLoadWithoutFailedRequests() {
        String leaseNo = "WEB-" + UUID.randomUUID().toString().substring(0, 8);
        driver.get(tasklistUrl());
        wait.withMessage("the login page titled").until(d -> d.getTitle().contains("公租"));
        login("hdowner");

        WebElement form = openStartForm();
        fillStartForm(form, fixture.occupiedProject(SUB_DISTRICT), leaseNo);
        startButton().click();
        String caseId = wait.withMessage("the case opened").until(d -> jdbc.queryForList(
                "select case_id from household where lease_no = ?", String.class, leaseNo).stream().findFirst()
                .orElse(null));
        // the owner's step needs the lease's scan on the case (uploaded in the case tab; here by the fixture)
        fixture.attachLease(caseId);
        Task confirm = taskService.createTaskQuery().processInstanceBusinessKey(caseId).singleResult();
        openTask(confirm.getId());
        openedForm();
        claim();
        date(openedForm(), "入住日期", "2026", "03", "05");
        field("钥匙已交付承租家庭").findElement(By.cssSelector("input[type='checkbox']")).click();
        completeButton().click();
        wait.withMessage("the task completed").until(
                d -> taskService.createTaskQuery().taskId(confirm.getId()).count() == 0);
        screenshot("done");

        assertThat(failedRequests()).isEmpty();
    }

    // ---- helpers ----

    private void fillStartForm(WebElement form, String project, String leaseNo) {
        type(form, "公租房项目编号", project);
        type(form, "房屋编号", "5-1-502");
        type(form, "租赁合同编号", leaseNo);
        date(form, "合同签订日期", "2026", "03", "02");
        type(form, "承租人姓名", "赵六");
        type(form, "承租人身份证号码", HEAD_BEIJING);
    }

    /** Marked by Gongzu's script: a refusal of the server or the browser's ID check. */
    private boolean refusalMarked(WebElement field) {
        return field.getAttribute("data-gz-error") != null;
    }

    /** Refusals of the server (HTTP 400 to a form submission) the console has seen. */
    private long refusals() {
        return failedRequests().stream().filter(line -> line.contains("submit-form") && line.contains("400")).count();
    }

    /** A number with a valid check character around the given birth date. */
    private static String idNumber(String area, String birthDate) {
        String first17 = area + birthDate + "003";
        return first17 + IdNumber.checkCharacter(first17);
    }

    private static void assertDoesNotCover(WebElement toast, WebElement button) {
        Rectangle a = toast.getRect();
        Rectangle b = button.getRect();
        boolean overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
        assertThat(overlap).as("toast %s covers 完成 %s", a, b).isFalse();
    }
}
