package org.gongzu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.gongzu.support.GongzuTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The 「流程设计」 page in Cockpit (issue 11) in Debian's headless Chromium: a process manager
 * finds it in the header and opens a new BPMN model in the prebuilt editor bundle (Chinese
 * palette, the bpmn.io watermark, lint marking an unnamed, unconnected task); supervisors find the
 * deployment audit there and no editor; staff see no entry.
 */
@GongzuTest
class EditorBrowserTest extends BrowserTest {

    private static final String COCKPIT = "/camunda/app/cockpit/default/";

    @Test
    void aProcessManagerOpensANewProcessInTheEditorAndLintMarksAProblem() {
        browser.open(COCKPIT);
        browser.signIn("manager");
        assertThat(fetch("/camunda/api/gongzu/actions")).contains("\"model-deploy\":true");
        wait(By.cssSelector("a.gz-nav-modeler")).click();
        browser.wait.withMessage("the page's own route").until(ExpectedConditions.urlContains("#/gongzu-modeler"));

        WebElement form = wait(By.cssSelector("form.gz-new"));
        new Select(form.findElement(By.name("kind"))).selectByValue("bpmn");
        form.findElement(By.name("key")).sendKeys("EditorTrial");
        form.findElement(By.name("name")).sendKeys("编辑器试用");
        form.findElement(By.cssSelector("button[type='submit']")).click();

        // the bundle is loaded now, with the Chinese palette and bpmn.io's watermark
        WebElement createTask = wait(By.cssSelector(".djs-palette .entry[data-action='create.task']"));
        assertThat(createTask.getAttribute("aria-label")).isEqualTo("创建任务");
        assertThat(browser.driver.findElement(By.cssSelector(".djs-palette .entry[data-action='hand-tool']"))
                .getAttribute("aria-label")).isEqualTo("抓手工具");
        assertThat(browser.driver.findElement(By.cssSelector(".bjs-powered-by")).getAttribute("href"))
                .contains("bpmn.io");
        wait(By.cssSelector(".gz-modeler-properties .bio-properties-panel"));
        assertThat(text(".gz-modeler-properties")).contains("常规");

        // a task placed without a name or a connection
        createTask.click();
        WebElement canvas = browser.driver.findElement(By.cssSelector(".gz-modeler-canvas .djs-container"));
        new Actions(browser.driver).moveToElement(canvas, -100, 100).click().perform();
        wait(By.cssSelector(".djs-element.djs-shape[data-element-id^='Activity_']"));

        wait(By.cssSelector(".gz-modeler-toolbar [data-action='check']")).click();
        WebElement problems = wait(By.cssSelector(".gz-problems"));
        assertThat(problems.getText()).contains("元素缺少名称", "label-required");
        // the problem is marked on its element, and bpmnlint's own overlay counts it in Chinese
        wait(By.cssSelector(".djs-element.gz-model-problem[data-element-id^='Activity_']"));
        assertThat(text(".bjsl-button")).contains("个错误");
        assertThat(text(".gz-modeler-panel")).contains("检查结果");

        // docs/screenshots/model-editor.png comes from ModelEditingBrowserTest, a model being changed
        browser.screenshot("editor");
    }

    @Test
    void aSupervisorWhoMayNotDeploySeesTheEntryForTheAuditOnly() {
        browser.open(COCKPIT);
        browser.signIn("supervisor");
        browser.settle();
        assertThat(fetch("/camunda/api/gongzu/actions")).contains("\"model-deploy\":false", "\"model-audit\":true");
        // the entry leads to the deployment audit alone (ModelEditingBrowserTest reads it)
        wait(By.cssSelector("a.gz-nav-modeler")).click();
        wait(By.cssSelector(".gz-modeler-panel .gz-audit"));
        assertThat(browser.driver.findElements(By.cssSelector(".gz-new, .gz-modeler-canvas"))).isEmpty();
        browser.screenshot("supervisor");
    }

    @Test
    void aStaffUserGetsNoCockpitAndSoNoEntry() {
        browser.open(COCKPIT);
        browser.fillSignIn("hdrc");
        browser.submitSignIn();
        wait(By.xpath("//div[contains(@class,'notifications')]//*[contains(., '登录失败')]"));
        assertThat(browser.driver.findElements(By.cssSelector("a.gz-nav-modeler"))).noneMatch(WebElement::isDisplayed);
        browser.open("/camunda/app/tasklist/default/");
        browser.signIn("hdrc");
        assertThat(fetch("/camunda/api/gongzu/actions")).contains("\"model-deploy\":false");
    }

    private String text(String selector) {
        return browser.driver.findElement(By.cssSelector(selector)).getText();
    }

    private String fetch(String url) {
        return browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text()).then(done)"
                + ".catch(e => done('failed: ' + e));", url).toString();
    }

    private WebElement wait(By locator) {
        return browser.wait.withMessage(locator.toString()).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }
}
