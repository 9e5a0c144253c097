package org.gongzu.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzu.browser.MonitoringHistory.CONFIRM;
import static org.gongzu.browser.MonitoringHistory.POLICE;
import static org.gongzu.browser.MonitoringHistory.REGISTER;
import static org.gongzu.browser.MonitoringHistory.SUB_DISTRICT;
import static org.gongzu.browser.MonitoringHistory.SUB_DISTRICT_NAME;

import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.gongzu.identity.AccessBootstrap;
import org.gongzu.place.PlaceRepository;
import org.gongzu.support.GongzuTest;
import org.gongzu.support.MoveInFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The monitoring view in Cockpit (issue 10) in Debian's headless Chromium, over move-ins worked
 * through the engine ({@link MonitoringHistory}): the supervisor sees the heatmap on the diagram and
 * the tables of the 「流程监控」 tab, filters to a district and a sub-district, and drills down from a
 * step and from a department to the cases and into one case; a district supervisor is kept to their
 * district, the other district's sees none of it; a department user is refused.
 */
@GongzuTest
class MonitoringBrowserTest extends BrowserTest {

    private static final String COCKPIT = "/camunda/app/cockpit/default/";
    private static final String API = "/camunda/api/gongzu/monitoring/";

    @Autowired MoveInFixture fixture;
    @Autowired TaskService taskService;
    @Autowired PlaceRepository places;
    @Autowired AccessBootstrap access;
    @Autowired RepositoryService repositoryService;
    @Autowired JdbcTemplate jdbc;

    private MonitoringHistory history;

    @BeforeEach
    void history() {
        history = MonitoringHistory.once(fixture, taskService, places, access, jdbc);
    }

    @AfterEach
    void removeTarget() {
        MonitoringHistory.removeTarget(jdbc);
    }

    @Test
    void supervisorSeesTheHeatmapFiltersToASubDistrictAndDrillsDownToACase() {
        openMonitoring("supervisor");
        // every user task of the diagram carries its figures (shown once the diagram has its zoom), the
        // escalation of a late members' registration (issue 12, part D) included
        browser.wait.withMessage("a badge on each user task").until(d -> badges().size() == 5
                && badges().stream().allMatch(WebElement::isDisplayed));
        assertThat(badge(CONFIRM).getText()).contains("等待", "逾期", "P50", "P90");
        assertThat(select("district").getFirstSelectedOption().getText()).isEqualTo("全部区");

        choose("district", "110108");
        choose("subDistrict", SUB_DISTRICT);
        waitForFigures(SUB_DISTRICT_NAME);

        // the figures of the known history: 4 move-ins confirmed after 6, 24, 48 and 72 hours
        assertThat(stepRow("确认入住并交付钥匙")).containsExactly("确认入住并交付钥匙", "1", "0", "36.0小时", "2.7天", "4",
                "P90 ≤ 2天");
        assertThat(stepRow("登记家庭成员信息")).containsExactly("登记家庭成员信息", "2", "1", "33.0小时", "40.2小时", "2", "—");
        assertThat(stepRow("核对录入实有人口信息")).containsExactly("核对录入实有人口信息", "1", "0", "24.0小时", "24.0小时", "1",
                "—");
        // the breached target is red in the table and on the diagram, the busiest step hottest
        assertThat(rowOf(".gz-steps", "确认入住并交付钥匙").getAttribute("class")).contains("gz-heat-breach");
        assertThat(rowOf(".gz-steps", "登记家庭成员信息").getAttribute("class")).contains("gz-heat-4");
        browser.wait.withMessage("the diagram redrawn for the sub-district").until(d -> marked(CONFIRM, "gz-heat-breach")
                && marked(REGISTER, "gz-heat-4") && badge(REGISTER).getText().contains("等待 2"));
        assertThat(badge(REGISTER).getText()).contains("逾期 1");
        assertThat(badge(POLICE).getText()).contains("等待 1");
        browser.screenshot("heatmap");

        // the backlog names each department of the place in Chinese
        assertThat(rowOf(".gz-backlog", SUB_DISTRICT_NAME + " 居委会").findElements(By.tagName("td")).stream()
                .map(WebElement::getText).toList()).startsWith(SUB_DISTRICT_NAME + " 居委会", "2", "1")
                .endsWith("2");
        assertThat(cells(rowOf(".gz-backlog", SUB_DISTRICT_NAME + " 产权单位"))).startsWith(SUB_DISTRICT_NAME + " 产权单位", "1",
                "0").endsWith("4");
        assertThat(cells(rowOf(".gz-backlog", SUB_DISTRICT_NAME + " 派出所"))).startsWith(SUB_DISTRICT_NAME + " 派出所", "1");
        assertThat(text(".gz-backlog")).doesNotContain("朝阳区", "学院路");
        // the weekly trend: five arrivals at the first step, four completions
        assertThat(cells(rowOf(".gz-trend", "确认入住并交付钥匙")).subList(0, 3)).containsExactly("确认入住并交付钥匙", "5", "4");
        // the tables get the whole height when the diagram is folded away
        browser.driver.findElement(By.cssSelector(".ctn-content-top > a.hide-collapsable")).click();
        browser.wait.withMessage("the diagram folded").until(d -> d.findElement(By.cssSelector(".ctn-content-top"))
                .getSize().getHeight() < 5);
        browser.screenshot("backlog");

        // every table exports the same figures as CSV
        String backlogCsv = browser.driver.findElement(By.cssSelector(".gz-part-backlog a.gz-csv")).getAttribute("href");
        assertThat(backlogCsv).contains("format=csv", "subDistrict=" + SUB_DISTRICT);
        assertThat(fetch(backlogCsv)).contains("\"" + SUB_DISTRICT_NAME + " 居委会\"", "\"待办\"");

        // from a department of the backlog to its waiting cases
        rowOf(".gz-backlog", SUB_DISTRICT_NAME + " 居委会").click();
        waitForCases(SUB_DISTRICT_NAME + " 居委会");
        assertThat(caseIds()).containsExactlyInAnyOrder(history.overdueRegistration, history.registration);
        assertThat(cells(caseRow(history.overdueRegistration))).contains("登记家庭成员信息", "已逾期");

        // from a step to its waiting cases, and into one
        rowOf(".gz-steps", "确认入住并交付钥匙").click();
        waitForCases("确认入住并交付钥匙");
        assertThat(caseIds()).containsExactly(history.moveIn);
        caseRow(history.moveIn).findElement(By.cssSelector("a.gz-case-link")).click();
        WebElement panel = wait(By.xpath("//div[contains(@class,'gz-part-case')][.//h4[contains(., '" + history.moveIn + "')]]"));
        browser.wait.withMessage("the case shown").until(d -> panel.getText().contains("承租家庭首次入住"));
        assertThat(panel.getText()).contains("承租家庭", "确认入住并交付钥匙（" + SUB_DISTRICT_NAME + " 产权单位）");
        browser.screenshot("case");
        assertThat(fetch(panel.findElement(By.cssSelector("a.gz-case-data")).getAttribute("href")))
                .contains("\"caseId\":\"" + history.moveIn + "\"");
        assertThat(browser.failedRequests()).isEmpty();

        // and on to the process instance in Cockpit
        wait(By.cssSelector(".gz-part-case a.gz-instance-link")).click();
        browser.wait.withMessage("the instance's page").until(ExpectedConditions.urlContains("#/process-instance/"));
        wait(By.xpath("//*[@cam-widget-variables-table]//tbody//tr[.//text()[contains(., '" + history.moveIn + "')]]"));
    }

    @Test
    void aDistrictSupervisorIsKeptToTheirDistrict() {
        openMonitoring("hdsupervisor");
        waitForFigures("海淀区");
        Select district = select("district");
        assertThat(district.getFirstSelectedOption().getText()).isEqualTo("海淀区");
        assertThat(district.getOptions()).hasSize(1);
        assertThat(district.getWrappedElement().isEnabled()).isFalse();
        assertThat(select("subDistrict").getOptions()).extracting(WebElement::getText)
                .contains(SUB_DISTRICT_NAME, "海淀区学院路街道").doesNotContain("朝阳区望京街道");
        assertThat(text(".gz-backlog")).contains(SUB_DISTRICT_NAME).doesNotContain("朝阳区");

        choose("subDistrict", SUB_DISTRICT);
        waitForFigures(SUB_DISTRICT_NAME);
        assertThat(stepRow("登记家庭成员信息")).startsWith("登记家庭成员信息", "2", "1");
        browser.screenshot("district");
        assertThat(browser.failedRequests()).isEmpty();

        // another district's figures are refused, whatever the request
        assertThat(fetch(API + "processes/TenantMoveIn?district=110105")).contains("「区」不是您所监督的区");
        assertThat(fetch(API + "backlog?subDistrict=110105028")).contains("「区」不是您所监督的区");
    }

    @Test
    void theOtherDistrictsSupervisorSeesNoneOfHaidian() {
        openMonitoring("cysupervisor");
        waitForFigures("朝阳区");
        assertThat(select("district").getFirstSelectedOption().getText()).isEqualTo("朝阳区");
        assertThat(text(".gz-backlog")).doesNotContain("海淀区");
        rowOf(".gz-steps", "登记家庭成员信息").click();
        waitForCases("登记家庭成员信息");
        assertThat(caseIds()).contains(history.chaoyang).doesNotContain(history.overdueRegistration, history.registration);
        browser.screenshot("chaoyang");
        assertThat(fetch(API + "cases?processKey=TenantMoveIn&subDistrict=" + SUB_DISTRICT)).contains("「区」不是您所监督的区");
    }

    @Test
    void aDepartmentUserIsRefused() {
        // Cockpit's own login refuses a user without access to the app
        browser.open(COCKPIT + "#/process-definition/" + definitionId() + "/runtime");
        browser.fillSignIn("hdrc");
        browser.submitSignIn();
        WebElement refusal = wait(By.xpath("//div[contains(@class,'notifications')]//*[contains(., '登录失败')]"));
        browser.screenshot("refused");
        assertThat(refusal.getText()).contains("您没有执行此操作的权限");
        wait(By.cssSelector("form[name='signinForm']"));
        assertThat(browser.driver.findElements(By.cssSelector(".gz-monitoring"))).isEmpty();

        // logged in elsewhere, the figures are refused too
        browser.open("/camunda/app/tasklist/default/");
        browser.signIn("hdrc");
        assertThat(fetch(API + "processes/TenantMoveIn")).contains("只有市级或区级监督人员可以查看流程监控");
        assertThat(fetch(API + "backlog?processKey=TenantMoveIn")).doesNotContain(SUB_DISTRICT_NAME);
    }

    // ---- the page ----

    private void openMonitoring(String user) {
        browser.open(COCKPIT + "#/process-definition/" + definitionId() + "/runtime?detailsTab=gongzu-monitoring");
        browser.signIn(user);
        wait(By.cssSelector(".gz-monitoring .gz-steps"));
        // the login page is past: from here on no request may fail
        browser.failedRequests();
    }

    private String definitionId() {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(MonitoringHistory.KEY)
                .latestVersion().singleResult().getId();
    }

    /** Waits until the figures shown are those of the place named (the line above the tables says). */
    private void waitForFigures(String placeName) {
        browser.wait.withMessage("the figures of " + placeName).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector(".gz-window")).getText().endsWith(placeName)
                        && !d.findElements(By.cssSelector(".gz-steps")).isEmpty());
    }

    private void waitForCases(String title) {
        wait(By.xpath("//div[contains(@class,'gz-part-cases')]//h4[contains(., '" + title + "：等待中的案卷')]"));
    }

    private Select select(String name) {
        return new Select(browser.driver.findElement(By.cssSelector(".gz-filters select[name='" + name + "']")));
    }

    /** Chooses a filter once its option is offered (the form is drawn anew after each answer). */
    private void choose(String name, String value) {
        browser.wait.withMessage("filter " + name + " = " + value).ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    Select select = select(name);
                    if (value.equals(select.getFirstSelectedOption().getAttribute("value"))) {
                        return true;
                    }
                    select.selectByValue(value);
                    return false;
                });
    }

    private WebElement rowOf(String table, String firstCell) {
        return wait(By.xpath("//table[contains(@class,'" + table.substring(1) + "')]//tbody/tr[td[1][normalize-space(.)='"
                + firstCell + "']]"));
    }

    private List<String> stepRow(String step) {
        return cells(rowOf(".gz-steps", step));
    }

    private static List<String> cells(WebElement row) {
        return row.findElements(By.tagName("td")).stream().map(WebElement::getText).map(String::trim).toList();
    }

    private WebElement caseRow(String caseId) {
        return wait(By.xpath("//table[contains(@class,'gz-cases')]//tr[.//a[@data-case-id='" + caseId + "']]"));
    }

    private List<String> caseIds() {
        return browser.driver.findElements(By.cssSelector("table.gz-cases a.gz-case-link")).stream()
                .map(link -> link.getAttribute("data-case-id")).toList();
    }

    private List<WebElement> badges() {
        return browser.driver.findElements(By.cssSelector(".djs-overlay .gz-step-badge"));
    }

    private WebElement badge(String elementId) {
        return browser.driver.findElement(By.cssSelector(".gz-step-badge[data-element-id='" + elementId + "']"));
    }

    private boolean marked(String elementId, String marker) {
        return !browser.driver.findElements(By.cssSelector("g.djs-element." + marker + "[data-element-id='" + elementId
                + "']")).isEmpty();
    }

    private String text(String css) {
        return browser.driver.findElement(By.cssSelector(css)).getText();
    }

    /** The body of a GET from the page, with its session (the answer whatever its status). */
    private String fetch(String url) {
        return browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text()).then(done)"
                + ".catch(e => done('failed: ' + e));", url).toString();
    }

    private WebElement wait(By locator) {
        return browser.wait.withMessage(locator.toString()).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }
}
