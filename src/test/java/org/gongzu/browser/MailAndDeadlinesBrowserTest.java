package org.gongzu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.gongzu.identity.AccessBootstrap;
import org.gongzu.support.GongzuTest;
import org.gongzu.support.MoveInFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 12 in the webapps, in Debian's headless Chromium: a department sees its 即将到期 and 已超期
 * filters and a task's due date; the residents' committee urges (催办) the sub-district office's step
 * of the same household from the 案卷 tab, and a second urge is refused until the interval passed; a
 * supervisor urges a step from Cockpit's monitoring drill-down; a user chooses the daily digest; the
 * administrator sees the outbox and sends a failed mail again, which staff can neither see nor call.
 */
@GongzuTest
class MailAndDeadlinesBrowserTest extends TasklistBrowserSupport {

    private static final String SUB = MoveInFixture.SUB_DISTRICT;
    private static final String ADMIN = "/camunda/app/admin/default/";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    @Autowired MoveInFixture fixture;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired RepositoryService repositoryService;
    @Autowired JdbcTemplate jdbc;

    private String caseId;

    @AfterEach
    void immediateMailAgain() {
        // other tests expect hdrc's mail at once
        jdbc.update("delete from mail_preference where user_id = 'hdrc'");
    }

    @Test
    void aDepartmentSeesItsDeadlineFiltersAndUrgesAnotherDepartmentsStepOfTheCase() throws IOException {
        registeredHousehold();
        Task school = waitingTask("SchoolEnrollment", "Task_ConfirmApplication");
        Task allowance = waitingTask("AllowanceWork", "Task_ArrangeWork");
        assertThat(school.getDueDate()).as("due date from TaskDeadlines").isNotNull();
        // the committee's step is late: it is listed under 已超期
        taskService.setDueDate(school.getId(), Date.from(Instant.now().minus(1, ChronoUnit.DAYS)));

        login("hdrc");
        WebElement dueSoon = filter(AccessBootstrap.FILTER_DUE_SOON);
        assertThat(dueSoon.isDisplayed()).isTrue();
        filter(AccessBootstrap.FILTER_OVERDUE).click();
        wait.withMessage("the 已超期 filter chosen").until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//div[contains(@class,'task-filter') and contains(@class,'active')]//h4//a[contains(normalize-space(.), '"
                        + AccessBootstrap.FILTER_OVERDUE + "')]")));
        taskName(school.getId());
        // the card shows the due date (Tasklist's own, red when overdue) and Gongzu's line with the day
        WebElement card = driver.findElement(By.xpath("//li[contains(@class,'task')][.//h4/a[contains(@href, 'task="
                + school.getId() + "')]]"));
        WebElement cardDue = card.findElement(By.cssSelector(".due-date"));
        assertThat(cardDue.getAttribute("class")).contains("overdue");
        String yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).format(DAY);
        wait.withMessage("Gongzu's card line").until(d -> card.getText().contains("到期 " + yesterday));
        openTask(school.getId());
        WebElement meta = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                ".task-details .due-date")));
        assertThat(meta.getAttribute("class")).contains("overdue");
        assertThat(driver.findElements(By.cssSelector(".task-details .followup-date"))).isNotEmpty();

        // 催办 the sub-district office's step from the case; the committee's own step has no button
        WebElement caseTab = openCaseTab();
        WebElement processes = caseTab.findElement(By.cssSelector("table.gz-processes"));
        assertThat(processes.findElements(By.cssSelector("button.gz-urge[data-task-id='" + school.getId() + "']"))).isEmpty();
        WebElement urge = visible(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(
                "table.gz-processes button.gz-urge[data-task-id='" + allowance.getId() + "']"))));
        urge.click();
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".gz-urge-dialog")));
        dialog.findElement(By.cssSelector("textarea")).sendKeys("家长已多次询问，请尽快安排");
        assertThat(dialog.findElement(By.cssSelector(".gz-urge-count")).getText()).isEqualTo("13/200");
        browser.screenshot("urge-dialog");
        dialog.findElement(By.cssSelector("button.gz-urge-send")).click();
        By status = By.cssSelector(".gz-urge-step[data-task-id='" + allowance.getId() + "'] .gz-urge-status");
        wait.withMessage("已催办").until(ExpectedConditions.textToBePresentInElementLocated(status, "已催办（"));
        assertThat(driver.findElements(By.cssSelector(".gz-urge-dialog"))).isEmpty();
        saveScreenshot("urge.png");
        assertThat(jdbc.queryForObject("select message from mail_urge where task_id = ? and user_id = 'hdrc'", String.class,
                allowance.getId())).isEqualTo("家长已多次询问，请尽快安排");
        assertThat(jdbc.queryForObject("select count(*) from case_journal where case_id = ? and entry like '%催办「%'",
                Integer.class, caseId)).isEqualTo(1);

        // a second urge the same day is refused with the time the next one is possible
        driver.findElement(By.cssSelector("button.gz-urge[data-task-id='" + allowance.getId() + "']")).click();
        WebElement again = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".gz-urge-dialog")));
        again.findElement(By.cssSelector("button.gz-urge-send")).click();
        WebElement refused = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                ".gz-urge-dialog .gz-urge-result.text-danger")));
        assertThat(refused.getText()).contains("催办过", "下次可催办时间为");
        browser.screenshot("urge-refused");
        assertThat(failedRequests()).hasSize(1).allMatch(line -> line.contains("429"));
    }

    @Test
    void aSupervisorUrgesAStepFromTheMonitoringDrillDown() {
        registeredHousehold();
        Task registration = waitingTask("UnemploymentRegistration", "Task_RegisterUnemployment");
        String definitionId = repositoryService.getProcessDefinition(registration.getProcessDefinitionId()).getId();

        browser.open("/camunda/app/cockpit/default/#/process-definition/" + definitionId
                + "/runtime?detailsTab=gongzu-monitoring");
        browser.signIn("supervisor");
        wait.withMessage("the step row").ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElement(By.cssSelector("tr.gz-drill[data-drill-element='Task_RegisterUnemployment']")).click();
            return !d.findElements(By.cssSelector("table.gz-cases")).isEmpty();
        });
        WebElement urge = visible(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(
                "table.gz-cases button.gz-urge[data-task-id='" + registration.getId() + "']"))));
        urge.click();
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".gz-urge-dialog")));
        dialog.findElement(By.cssSelector("textarea")).sendKeys("请于本周内办结");
        dialog.findElement(By.cssSelector("button.gz-urge-send")).click();
        wait.withMessage("已催办").until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(
                ".gz-urge-step[data-task-id='" + registration.getId() + "'] .gz-urge-status"), "已催办（"));
        browser.screenshot("cockpit-urge");
        assertThat(jdbc.queryForObject("select user_id from mail_urge where task_id = ?", String.class, registration.getId()))
                .isEqualTo("supervisor");
    }

    @Test
    void aUserChoosesTheDailyDigest() {
        login("hdrc");
        driver.findElement(By.cssSelector("a.gz-mail-link")).click();
        WebElement panel = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".gz-mail-panel")));
        WebElement digest = wait.until(d -> panel.findElement(By.cssSelector("input[value='DIGEST']")));
        assertThat(panel.getText()).contains("每项任务单独提醒", "每日汇总一封", "总是立即发送");
        assertThat(panel.findElement(By.cssSelector("input[value='IMMEDIATE']")).isSelected()).isTrue();
        digest.click();
        panel.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".gz-mail-result"), "已保存：每日汇总一封"));
        browser.screenshot("mail-preference");
        assertThat(fetch("/camunda/api/gongzu/mail/preference")).contains("\"mode\":\"DIGEST\"");
        assertThat(jdbc.queryForObject("select mode from mail_preference where user_id = 'hdrc'", String.class))
                .isEqualTo("DIGEST");
        assertThat(failedRequests()).isEmpty();
    }

    @Test
    void theAdministratorSendsAFailedMailAgainWhichStaffCannotSee() throws IOException {
        String key = "browser-test:" + UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into mail_outbox (idempotency_key, kind, recipient_id, recipient, subject, html_body, text_body,"
                + " status, attempts, next_attempt_at, last_error, created_at) values (?, 'ARRIVAL', 'hdrc', 'hdrc@example.org',"
                + " ?, '<p>x</p>', 'x', 'FAILED', 16, ?, '535 Authentication failed', ?)", key, "新任务：确认入学申请 " + key,
                now, now);
        long id = jdbc.queryForObject("select id from mail_outbox where idempotency_key = ?", Long.class, key);

        browser.open(ADMIN);
        browser.signIn("demo");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.gz-nav-outbox a"))).click();
        WebElement status = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                ".gz-outbox-filter select")));
        new org.openqa.selenium.support.ui.Select(status).selectByValue("FAILED");
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "table.gz-outbox-table tr[data-id='" + id + "']")));
        assertThat(row.getText()).contains("发送失败", "新任务通知", "hdrc@example.org", key, "16", "535 Authentication failed");
        Files.createDirectories(Path.of("docs", "screenshots"));
        Files.write(Path.of("docs", "screenshots", "mail-outbox.png"), browser.driver.getScreenshotAs(OutputType.BYTES));
        row.findElement(By.cssSelector("button.gz-retry")).click();
        wait.until(ExpectedConditions.textToBePresentInElement(row, "已重新排入发送"));
        assertThat(jdbc.queryForObject("select status from mail_outbox where id = ?", String.class, id)).isIn("PENDING", "SENT");
        assertThat(jdbc.queryForObject("select attempts from mail_outbox where id = ?", Integer.class, id)).isLessThan(16);
        assertThat(browser.failedRequests()).isEmpty();
        browser.driver.manage().deleteAllCookies();

        // staff: Admin refuses them at the login, the outbox API answers 403
        browser.open(ADMIN);
        browser.fillSignIn("hdrc");
        browser.submitSignIn();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//div[contains(@class,'notifications')]//*[contains(., '登录失败')]")));
        assertThat(driver.findElements(By.cssSelector("li.gz-nav-outbox"))).isEmpty();
        browser.open("/camunda/app/tasklist/default/");
        browser.signIn("hdrc");
        assertThat(fetch("/camunda/api/gongzu/mail/outbox")).contains("只有系统管理员可以查看和重发邮件");
        assertThat(fetchStatus("/camunda/api/gongzu/mail/outbox")).isEqualTo(403);
    }

    // ---- the case and the pages ----

    /** A Beijing family on the allowance with an unemployed father and a child of seven, registered today. */
    private void registeredHousehold() {
        caseId = fixture.registeredFamilyOnAllowance(SUB, "HH-M-", "王", "6-1-");
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

    private WebElement filter(String name) {
        return wait.withMessage("the filter " + name).until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//div[contains(@class,'task-filter')]//h4[contains(@class,'name')]/a[contains(normalize-space(.), '" + name
                        + "')]")));
    }

    private void saveScreenshot(String file) throws IOException {
        Files.createDirectories(Path.of("docs", "screenshots"));
        Files.write(Path.of("docs", "screenshots", file), driver.getScreenshotAs(OutputType.BYTES));
        browser.screenshot(file.replace(".png", ""));
    }

    /** The body of a GET from the page, with its session (the answer whatever its status). */
    private String fetch(String url) {
        return driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text()).then(done)"
                + ".catch(e => done('failed: ' + e));", url).toString();
    }

    private long fetchStatus(String url) {
        return (Long) driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => done(r.status)).catch(e => done(0));", url);
    }
}
