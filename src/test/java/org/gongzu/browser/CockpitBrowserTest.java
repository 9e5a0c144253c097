package org.gongzu.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzu.support.MoveInFixture.OTHER_SUB_DISTRICT;
import static org.gongzu.support.MoveInFixture.SUB_DISTRICT;


import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.task.Task;
import org.gongzu.support.GongzuTest;
import org.gongzu.support.MoveInFixture;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Cockpit as the municipal supervisor sees it in Debian's headless Chromium (docs/adr/0009): the
 * product's name, no end-of-life banner, no action they may not perform, and no failed request in
 * the console under the query cap; and what a department user gets who opens Cockpit.
 */
@GongzuTest
class CockpitBrowserTest extends BrowserTest {

    private static final String COCKPIT = "/camunda/app/cockpit/default/";

    @Autowired MoveInFixture fixture;
    @Autowired RepositoryService repositoryService;

    @Test
    void supervisorFollowsCasesWithoutBeingOfferedChanges() {
        Task registration = fixture.registrationTaskIn(SUB_DISTRICT);
        fixture.registrationTaskIn(OTHER_SUB_DISTRICT);
        String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey("TenantMoveIn")
                .latestVersion().singleResult().getId();

        browser.open(COCKPIT + "#/dashboard");
        browser.signIn("supervisor");
        // the login page is past: from here on no request may fail
        browser.settle();
        browser.failedRequests();
        wait(By.cssSelector(".dashboard"));
        checkPage("dashboard");

        browser.open(COCKPIT + "#/processes");
        wait(By.xpath("//a[normalize-space(.)='承租家庭首次入住']"));
        checkPage("processes");

        browser.open(COCKPIT + "#/process-definition/" + definitionId + "/runtime");
        wait(By.cssSelector(".djs-container svg"));
        wait(By.cssSelector(".process-information .definition-version"));
        checkPage("definition");
        assertThat(visible(".ctn-toolbar a")).as("suspend, job priority").isZero();

        browser.open(COCKPIT + "#/process-instance/" + registration.getProcessInstanceId() + "/runtime");
        wait(By.cssSelector(".djs-container svg"));
        wait(By.xpath("//*[@cam-widget-variables-table]//tbody//tr[.//text()[contains(., 'caseId')]]"));
        checkPage("instance");
        assertThat(visible(".ctn-toolbar a")).as("cancel, retry, add variable, suspend").isZero();
        assertThat(visible("[cam-widget-variables-table] td.actions")).as("edit and delete variable").isZero();
        assertThat(visible("[cam-widget-variables-table] button")).isZero();

        browser.driver.findElement(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='用户任务']")).click();
        wait(By.cssSelector("table.user-tasks tbody tr"));
        checkPage("instance-user-tasks");
        assertThat(visible("table.user-tasks .edit-toggle, table.user-tasks td.action a")).as("assign, groups").isZero();
    }

    /** The hiding follows the permissions: an administrator is offered the same controls. */
    @Test
    void administratorIsOfferedTheActions() {
        Task registration = fixture.registrationTaskIn(SUB_DISTRICT);

        browser.open(COCKPIT + "#/process-instance/" + registration.getProcessInstanceId() + "/runtime");
        browser.signIn("demo");
        wait(By.xpath("//*[@cam-widget-variables-table]//tbody//tr[.//text()[contains(., 'caseId')]]"));
        browser.wait.withMessage("the instance's actions offered").until(d -> visible(".ctn-toolbar a") >= 4);
        browser.wait.withMessage("variables editable").until(d -> visible("[cam-widget-variables-table] button") > 0);
        browser.screenshot("instance");
    }

    @Test
    void aDepartmentUserOpeningCockpitGetsAChinesePage() {
        browser.open("/camunda/app/tasklist/default/");
        browser.signIn("hdrc");
        browser.open(COCKPIT);
        WebElement title = wait(By.id("error-title"));
        browser.screenshot("forbidden");
        assertThat(title.getText()).isEqualTo("没有访问权限");
        String page = browser.driver.findElement(By.tagName("body")).getText();
        assertThat(page).contains("返回首页").doesNotContain("Whitelabel", "Forbidden", "No access");
        assertThat(browser.title()).contains("公租");
    }

    private void checkPage(String step) {
        browser.settle();
        browser.screenshot(step);
        assertThat(browser.title()).as(step).startsWith("公租 流程监控");
        assertThat(browser.driver.findElement(By.cssSelector("[cam-widget-header] .brand-name")).getText())
                .isEqualTo("公租 流程监控");
        assertThat(browser.bannerShown()).as("end-of-life banner on " + step).isFalse();
        assertThat(browser.failedRequests()).as("failed requests on " + step).isEmpty();
    }

    private long visible(String css) {
        return browser.driver.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).count();
    }

    private WebElement wait(By locator) {
        return browser.wait.withMessage(locator.toString()).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }
}
