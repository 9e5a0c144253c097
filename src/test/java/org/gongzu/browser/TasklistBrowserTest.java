package org.gongzu.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzu.support.MoveInFixture.OTHER_SUB_DISTRICT;
import static org.gongzu.support.MoveInFixture.SUB_DISTRICT;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.gongzu.support.GongzuTest;
import org.gongzu.support.MoveInFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Acceptance test in a real browser: department staff work the household registration in
 * Camunda Tasklist (Chinese UI, Camunda Form rendered by form-js) in Debian's headless Chromium.
 *
 * <p>Needs /usr/bin/chromium and /usr/bin/chromedriver; the Maven profile "browser" runs it where
 * chromedriver is installed. Screenshots (and the page's HTML) of the key steps, and of a failure,
 * go to target/browser-screenshots/ for humans; no assertion depends on pixels.
 */
@GongzuTest
class TasklistBrowserTest {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

    private static final String REGISTRATION_TASK = "登记家庭成员信息";
    private static final String DEPARTMENT_FILTER = "本部门待办";
    private static final String WRONG_CHECK_DIGIT_MESSAGE = "「身份证号码」校验位不正确";

    @LocalServerPort int port;
    @Autowired MoveInFixture fixture;
    @Autowired TaskService taskService;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    private Path profileDir;
    private ChromeDriverService service;
    private ChromeDriver driver;
    private WebDriverWait wait;
    private String testName;
    private int shot;

    /** A picture and the HTML of the moment a test fails, taken before the browser closes. */
    @RegisterExtension
    final AfterTestExecutionCallback captureOnFailure = context -> {
        if (context.getExecutionException().isPresent() && driver != null) {
            screenshot("FAILED");
        }
    };

    @BeforeEach
    void openBrowser(TestInfo info) throws IOException {
        testName = info.getTestMethod().orElseThrow().getName();
        profileDir = Files.createTempDirectory("gongzu-chromium-");
        // the installed driver and browser only: with the driver's path given, Selenium Manager
        // (which would download a browser or driver) is never asked
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER);
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000", "--user-data-dir=" + profileDir.toAbsolutePath(),
                "--lang=zh-CN");
        // a user in Beijing: Tasklist takes its language from the browser's preferred languages
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, TIMEOUT);
        shot = 0;
    }

    @AfterEach
    void closeBrowser() throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            driver = null;
            if (service != null) {
                service.stop();
            }
            deleteRecursively(profileDir);
        }
    }

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

        login("hdrc");
        openTask(registration.getId());
        openedForm();
        claim();
        fillOneMember(MoveInFixture.WRONG_CHECK_DIGIT);
        screenshot("filled");
        assertThat(fieldErrors()).as("errors shown by the form itself").isEmpty();

        completeButton().click();

        WebElement error = wait.withMessage("an error notification naming the field")
                .until(ExpectedConditions.visibilityOfElementLocated(notification(WRONG_CHECK_DIGIT_MESSAGE)));
        screenshot("refused");
        assertThat(error.getText()).contains("第1位成员的" + WRONG_CHECK_DIGIT_MESSAGE);

        assertThat(taskService.createTaskQuery().taskId(registration.getId()).count()).isEqualTo(1);
        // the form stays open with what was typed, to be corrected
        assertThat(visible(field("身份证号码").findElement(By.cssSelector("input.fjs-input"))).getAttribute("value"))
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
        login("hdrc");
        openTask(registration.getId());
        openedForm();
        claim();
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

    // ---- Tasklist ----

    private String tasklistUrl() {
        return "http://localhost:" + port + "/camunda/app/tasklist/default/";
    }

    private void login(String user) {
        driver.get(tasklistUrl());
        signIn(user);
        // the first filter, the department's, is chosen
        wait.withMessage("the filter " + DEPARTMENT_FILTER + " chosen").until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//div[contains(@class,'task-filter') and contains(@class,'active')]"
                        + "//h4[contains(@class,'name')]/a[contains(normalize-space(.), '" + DEPARTMENT_FILTER + "')]")));
    }

    /** The webapps' own login form, on whichever app the browser is. */
    private void signIn(String user) {
        WebElement username = wait.withMessage("the login form").until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("form[name='signinForm'] input[ng-model='username']")));
        username.sendKeys(user);
        driver.findElement(By.cssSelector("form[name='signinForm'] input[ng-model='password']")).sendKeys("demo");
        screenshot("login-" + user);
        driver.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
    }

    private By taskLinkSelector(String taskId) {
        return By.cssSelector("[cam-tasks] ol.tasks-list li.task h4.task a[href*='task=" + taskId + "']");
    }

    /** The name shown for the task in the list, once the task is listed. */
    private String taskName(String taskId) {
        // the list is rendered anew whenever Tasklist refreshes it: look the link up again if it went stale
        return wait.withMessage("task " + taskId + " in the list").ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    WebElement link = d.findElement(taskLinkSelector(taskId));
                    return link.isDisplayed() ? link.getText() : null;
                });
    }

    private void openTask(String taskId) {
        wait.withMessage("task " + taskId + " opened from the list").ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    d.findElement(taskLinkSelector(taskId)).click();
                    return true;
                });
    }

    private By notification(String text) {
        return By.xpath("//div[contains(@class,'notifications')]//div[contains(@class,'alert')][contains(., '" + text
                + "')]");
    }

    /** Opens Tasklist's start dialog and the start form of 「承租家庭首次入住」. */
    private WebElement openStartForm() {
        driver.findElement(By.xpath("//a[contains(normalize-space(.), '启动流程')]")).click();
        wait.withMessage("TenantMoveIn offered to start").until(ExpectedConditions.elementToBeClickable(
                By.xpath("//div[contains(@class,'modal-body')]//ul[contains(@class,'processes')]"
                        + "//a[normalize-space(.)='承租家庭首次入住']"))).click();
        return wait.withMessage("the start form rendered").until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".modal-body form.fjs-form")));
    }

    /** The task's Camunda Form, once form-js has rendered it. */
    private WebElement openedForm() {
        return wait.withMessage("the Camunda Form rendered").until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".task-details form.fjs-form")));
    }

    private List<String> labels(WebElement form) {
        return form.findElements(By.cssSelector("label.fjs-form-field-label")).stream()
                .map(label -> label.getText().replace("*", "").trim()).toList();
    }

    private List<String> fieldErrors() {
        return driver.findElements(By.cssSelector(".task-details form.fjs-form .fjs-form-field-error")).stream()
                .map(WebElement::getText).filter(text -> !text.isBlank()).toList();
    }

    private void claim() {
        visible(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".task-details button.claim"))))
                .click();
        wait.withMessage("the task claimed").until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".task-details button.unclaim")));
        wait.withMessage("the form editable for the assignee").until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".task-details form.fjs-form input.fjs-input")));
    }

    private void fillOneMember(String idNumber) {
        WebElement member = field("第1位成员");
        type(member, "姓名", "张三");
        type(member, "身份证号码", idNumber);
        choose(member, "与承租人关系", "本人");
        radio(member, "户籍", "本市户籍");
        date(member, "出生日期", "1985", "03", "15");
        choose(member, "就业状况", "在业");
    }

    private WebElement completeButton() {
        return visible(wait.withMessage("完成 enabled").until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".task-details button[ng-click='complete()']"))));
    }

    /** The innermost form-js field whose own label is the given text. */
    private WebElement field(String label) {
        return field(driver.findElement(By.cssSelector(".task-details form.fjs-form")), label);
    }

    private WebElement field(WebElement scope, String label) {
        String labelled = "[.//label[contains(@class,'fjs-form-field-label')][normalize-space(translate(., '*', ''))='"
                + label + "']]";
        return scope.findElement(By.xpath(".//div[contains(concat(' ', @class, ' '), ' fjs-form-field ')]" + labelled
                + "[not(.//div[contains(concat(' ', @class, ' '), ' fjs-form-field ')]" + labelled + ")]"));
    }

    /** Brings an element to the middle of its scrolling column, clear of Tasklist's fixed header and footer. */
    private WebElement visible(WebElement element) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", element);
        return element;
    }

    private void type(WebElement scope, String label, String text) {
        WebElement input = visible(field(scope, label).findElement(By.cssSelector("input.fjs-input")));
        input.clear();
        input.sendKeys(text);
        wait.until(ExpectedConditions.attributeToBe(input, "value", text));
    }

    /** Picks an option of a form-js select: its list opens on focus or on a press of the field. */
    private void choose(WebElement scope, String label, String option) {
        WebElement select = visible(field(scope, label));
        if (select.findElements(By.cssSelector(".fjs-dropdownlist")).isEmpty()) {
            select.findElement(By.cssSelector(".fjs-input-group")).click();
        }
        By item = By.xpath(".//div[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)='" + option + "']");
        wait.withMessage("option " + option + " of " + label)
                .until(d -> select.findElements(item).stream().filter(WebElement::isDisplayed).findFirst().orElse(null))
                .click();
        wait.withMessage(option + " chosen as " + label).until(ExpectedConditions.textToBePresentInElement(
                select.findElement(By.cssSelector(".fjs-select-display")), option));
    }

    private void radio(WebElement scope, String label, String option) {
        WebElement radio = visible(field(scope, label)).findElement(By.xpath(
                ".//label[normalize-space(.)='" + option + "']/input[@type='radio']"));
        radio.click();
        wait.until(ExpectedConditions.elementToBeSelected(radio));
    }

    /** Types a date in the format the date picker shows as placeholder (it follows the browser's locale). */
    private void date(WebElement scope, String label, String year, String month, String day) {
        WebElement input = visible(field(scope, label).findElement(By.cssSelector("input.fjs-input")));
        String pattern = input.getAttribute("placeholder");
        input.sendKeys(pattern.replace("yyyy", year).replace("mm", month).replace("dd", day));
        // leaving the field makes the picker take the typed date
        input.sendKeys(Keys.TAB);
        wait.withMessage("the date taken").until(d -> {
            String value = input.getAttribute("value");
            return value != null && value.contains(year) && value.contains(String.valueOf(Integer.parseInt(day)));
        });
    }

    // ---- pictures for humans ----

    private void screenshot(String step) {
        try {
            Files.createDirectories(SCREENSHOTS);
            String name = String.format("%s-%02d-%s", testName, ++shot, step);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
        } catch (IOException | WebDriverException e) {
            System.err.println("No screenshot " + step + ": " + e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
