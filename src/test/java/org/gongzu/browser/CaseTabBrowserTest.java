package org.gongzu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.gongzu.casefile.CaseDocument;
import org.gongzu.casefile.CaseDocuments;
import org.gongzu.casefile.DocumentKind;
import org.gongzu.support.GongzuTest;
import org.gongzu.support.MoveInFixture;
import org.gongzu.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The case beside the task in Tasklist, in Debian's Chromium: the police check the members the
 * residents' committee registered, documents refuse strangers, 转办 reaches the colleague, and 已办
 * lists what was done.
 */
@GongzuTest
class CaseTabBrowserTest extends TasklistBrowserSupport {

    @Autowired MoveInFixture fixture;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired CaseDocuments documents;
    @Autowired JdbcTemplate jdbc;

    private Task policeStep() {
        return fixture.policeStepIn(MoveInFixture.SUB_DISTRICT);
    }

    private String caseOf(Task task) {
        return fixture.caseOf(task);
    }

    @Test
    void thePoliceCheckTheMembersInTheCaseTabAndConfirm() {
        Task police = policeStep();
        String caseId = caseOf(police);
        workOn("hdpolice", police);

        WebElement view = openCaseTab();
        WebElement members = view.findElement(By.cssSelector("table.gz-members"));
        assertThat(members.getText()).contains("张三", "王五", MoveInFixture.HEAD_BEIJING, MoveInFixture.SPOUSE_BEIJING,
                "本市户籍", "1990-01-01");
        assertThat(view.getText()).contains("登记家庭成员信息", "学院路街道 居委会", "租赁合同");
        // every process of the case, with its current step and the department it waits with
        WebElement processes = view.findElement(By.cssSelector("table.gz-processes"));
        assertThat(processes.getText()).contains("承租家庭首次入住", "核对录入实有人口信息", "学院路街道 派出所", "办理中");
        screenshot("case-tab-police");

        openTab("表单", By.cssSelector(".task-details form.fjs-form"));
        WebElement form = openedForm();
        field(form, "已核对并录入实有人口信息").findElement(By.cssSelector("input[type='checkbox']")).click();
        LocalDate today = LocalDate.now();
        date(form, "核对日期", String.valueOf(today.getYear()), String.format("%02d", today.getMonthValue()),
                String.format("%02d", today.getDayOfMonth()));
        completeButton().click();
        wait.withMessage("the police step completed").until(d -> taskService.createTaskQuery().taskId(police.getId())
                .count() == 0);
        assertThat(jdbc.queryForObject("select status from household where case_id = ?", String.class, caseId))
                .isEqualTo("REGISTERED");
        assertThat(failedRequests()).isEmpty();
    }

    @Test
    void aDocumentOpensForTheCasesDepartmentsAndIsRefusedWith403ToOthers() throws Exception {
        Task police = policeStep();
        String caseId = caseOf(police);
        CaseDocument register = documents.attach(caseId, DocumentKind.HOUSEHOLD_REGISTER, "户口簿.pdf", "application/pdf",
                CaseDocuments.samplePdf("户口簿"), null);
        String url = "http://localhost:" + port + "/camunda/api/gongzu/cases/" + caseId + "/documents/" + register.id();

        login("hdpolice");
        openTask(police.getId());
        WebElement view = openCaseTab();
        WebElement link = view.findElement(By.xpath(".//a[contains(@class,'gz-document')][normalize-space(.)='户口簿.pdf']"));
        assertThat(link.getAttribute("href")).isEqualTo(url);
        assertThat(fetchStatus(url)).isEqualTo(200);

        // attaching a scan from the tab: it is listed at once; a file that is not a PDF, JPEG or PNG is refused in Chinese
        java.nio.file.Path scan = java.nio.file.Files.createTempFile("lease", ".png");
        java.nio.file.Files.write(scan, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13});
        WebElement upload = view.findElement(By.cssSelector("form.gz-upload"));
        new Select(upload.findElement(By.cssSelector("select"))).selectByValue("LEASE_CONTRACT");
        upload.findElement(By.cssSelector("input[type='file']")).sendKeys(scan.toString());
        upload.findElement(By.cssSelector("button[type='submit']")).click();
        String uploaded = scan.getFileName().toString();
        wait.withMessage("the scan listed").until(d -> d.findElements(By.xpath(
                "//a[contains(@class,'gz-document')][normalize-space(.)='" + uploaded + "']")).size() == 1);
        java.nio.file.Path text = java.nio.file.Files.createTempFile("notes", ".pdf");
        java.nio.file.Files.writeString(text, "not a pdf");
        WebElement again = driver.findElement(By.cssSelector("form.gz-upload"));
        again.findElement(By.cssSelector("input[type='file']")).sendKeys(text.toString());
        again.findElement(By.cssSelector("button[type='submit']")).click();
        wait.withMessage("the refusal shown").until(d -> d.findElement(By.cssSelector(".gz-upload-result")).getText()
                .contains("PDF、JPEG 或 PNG"));
        assertThat(jdbc.queryForObject("select count(*) from case_document where case_id = ?", Integer.class, caseId))
                .isEqualTo(3);
        screenshot("case-tab-documents");
        // the refused upload is the only failed request of the department's page
        assertThat(failedRequests()).allMatch(line -> line.contains("/cases/" + caseId + "/documents - "));

        browser.close();
        browser = new Chromium(port, getClass().getSimpleName() + "-stranger");
        browserOpened();
        login("cypolice");
        assertThat(fetchStatus(url)).isEqualTo(403);
        Object body = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text()).then(done);", url);
        assertThat(body.toString()).contains("无权查看").doesNotContain("%PDF");
        assertThat(failedRequests()).allMatch(line -> line.contains("/documents/" + register.id()));
    }

    @Test
    void aTaskHandedOverWithAReasonReachesTheColleague() throws Exception {
        String first = TestUsers.create(identityService, "rc", "demo", "rc-110108015");
        String colleague = TestUsers.create(identityService, "rc", "demo", "rc-110108015");
        Task registration = fixture.registrationTaskIn(MoveInFixture.SUB_DISTRICT);

        workOn(first, registration);
        WebElement view = openCaseTab();
        WebElement handOver = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form.gz-hand-over")));
        new Select(handOver.findElement(By.cssSelector("select"))).selectByValue(colleague);
        handOver.findElement(By.cssSelector("input[name='reason']")).sendKeys("本人外出，请同事办理");
        screenshot("hand-over");
        handOver.findElement(By.cssSelector("button[type='submit']")).click();
        wait.withMessage("handed over").until(d -> colleague.equals(
                taskService.createTaskQuery().taskId(registration.getId()).singleResult().getAssignee()));
        assertThat(view.getText()).isNotNull();
        assertThat(jdbc.queryForObject("select entry from case_journal where case_id = ? and step = 'HANDOVER_REASON'",
                String.class, caseOf(registration))).contains(colleague, "本人外出");

        browser.close();
        browser = new Chromium(port, getClass().getSimpleName() + "-colleague");
        browserOpened();
        login(colleague);
        driver.findElement(By.xpath("//h4[contains(@class,'name')]/a[contains(normalize-space(.), '" + FILTER_MINE + "')]"))
                .click();
        assertThat(taskName(registration.getId())).isEqualTo("登记家庭成员信息");
        screenshot("colleague-sees-task");
        assertThat(failedRequests()).isEmpty();
    }

    @Test
    void doneListsWhatTheUserFinishedWithWhereTheCaseIsNow() {
        Task police = policeStep();
        String caseId = caseOf(police);
        String officer = TestUsers.create(identityService, "police", "demo", "police-110108015");
        taskService.claim(police.getId(), officer);
        identityService.setAuthentication(officer, List.of("police-110108015"));
        try {
            taskService.complete(police.getId(), MoveInFixture.confirmation());
        } finally {
            identityService.clearAuthentication();
        }

        login(officer);
        driver.findElement(By.cssSelector("a.gz-done-link")).click();
        WebElement table = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".gz-done-table")));
        assertThat(table.getText()).contains("核对录入实有人口信息", "承租家庭首次入住", caseId, "已办结");
        screenshot("done");
        assertThat(failedRequests()).isEmpty();
    }

    private static final String FILTER_MINE = "我的任务";

    /** The status of a GET of {@code url} from the page, with the page's session. */
    private long fetchStatus(String url) {
        Object status = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => done(r.status)).catch(() => done(-1));", url);
        return ((Number) status).longValue();
    }

}
