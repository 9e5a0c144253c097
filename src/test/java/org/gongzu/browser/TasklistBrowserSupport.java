package org.gongzu.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.task.Task;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driving Tasklist, shared by the browser tests: start and stop, login,
 * form-js fields, screenshots and the browser console.
 *
 * <p>Needs /usr/bin/chromium and /usr/bin/chromedriver; the Maven profile "browser" runs the tests
 * where chromedriver is installed. Screenshots (and the page's HTML) of the key steps, and of a
 * failure, go to target/browser-screenshots/ for humans; no assertion depends on pixels.
 */
abstract class TasklistBrowserSupport extends BrowserTest {

    static final String DEPARTMENT_FILTER = "本部门待办";

    ChromeDriver driver;
    WebDriverWait wait;
    /** Every console entry read so far (reading the browser log empties it). */
    private final List<LogEntry> console = new ArrayList<>();

    @Override
    void browserOpened() {
        driver = browser.driver;
        wait = browser.wait;
        console.clear();
    }

    // ---- Tasklist ----

    String tasklistUrl() {
        return "http://localhost:" + port + "/camunda/app/tasklist/default/";
    }

    void login(String user) {
        driver.get(tasklistUrl());
        signIn(user);
        // the first filter, the department's, is chosen
        wait.withMessage("the filter " + DEPARTMENT_FILTER + " chosen").until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//div[contains(@class,'task-filter') and contains(@class,'active')]"
                        + "//h4[contains(@class,'name')]/a[contains(normalize-space(.), '" + DEPARTMENT_FILTER + "')]")));
    }

    /** The webapps' own login form, on whichever app the browser is. */
    void signIn(String user) {
        browser.fillSignIn(user);
        screenshot("login-" + user);
        browser.submitSignIn();
    }

    By taskLinkSelector(String taskId) {
        return By.cssSelector("[cam-tasks] ol.tasks-list li.task h4.task a[href*='task=" + taskId + "']");
    }

    /** The name shown for the task in the list, once the task is listed. */
    String taskName(String taskId) {
        // the list is rendered anew whenever Tasklist refreshes it: look the link up again if it went stale
        return wait.withMessage("task " + taskId + " in the list").ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    WebElement link = d.findElement(taskLinkSelector(taskId));
                    return link.isDisplayed() ? link.getText() : null;
                });
    }

    void openTask(String taskId) {
        wait.withMessage("task " + taskId + " opened from the list").ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    d.findElement(taskLinkSelector(taskId)).click();
                    return true;
                });
    }

    By notification(String text) {
        return By.xpath("//div[contains(@class,'notifications')]//div[contains(@class,'alert')][contains(., '" + text
                + "')]");
    }

    /** The toasts shown, each as its visible text without the close button's ×. */
    List<String> toasts() {
        return driver.findElements(By.cssSelector(".notifications .alert")).stream().filter(WebElement::isDisplayed)
                .map(alert -> alert.getText().replace("×", "").trim()).toList();
    }

    /** Opens Tasklist's start dialog and the start form of 「承租家庭首次入住」. */
    WebElement openStartForm() {
        return openStartForm("承租家庭首次入住");
    }

    /** Opens Tasklist's start dialog and the start form of the process with this name. */
    WebElement openStartForm(String processName) {
        driver.findElement(By.xpath("//a[contains(normalize-space(.), '启动流程')]")).click();
        By process = By.xpath("//div[contains(@class,'modal-body')]//ul[contains(@class,'processes')]"
                + "//a[normalize-space(.)='" + processName + "']");
        By form = By.cssSelector(".modal-body form.fjs-form");
        // a click while the dialog still slides in or redraws its list is lost: click until the form shows
        return wait.withMessage("the start form rendered").ignoring(StaleElementReferenceException.class).until(d -> {
            List<WebElement> forms = d.findElements(form);
            if (!forms.isEmpty() && forms.get(0).isDisplayed()) {
                return forms.get(0);
            }
            d.findElements(process).stream().filter(WebElement::isDisplayed).findFirst().ifPresent(WebElement::click);
            return null;
        });
    }

    WebElement startButton() {
        return visible(driver.findElement(By.cssSelector(".modal button[ng-click='startProcessInstance()']")));
    }

    /** The task's Camunda Form, once form-js has rendered it. */
    WebElement openedForm() {
        return wait.withMessage("the Camunda Form rendered").until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".task-details form.fjs-form")));
    }

    List<String> labels(WebElement form) {
        return form.findElements(By.cssSelector("label.fjs-form-field-label")).stream()
                .map(label -> label.getText().replace("*", "").trim()).toList();
    }

    /** The error lines shown under the fields of the task form: form-js's own and Gongzu's. */
    List<String> fieldErrors() {
        return driver.findElements(By.cssSelector(".task-details form.fjs-form .fjs-form-field-error li")).stream()
                .map(WebElement::getText).filter(text -> !text.isBlank()).toList();
    }

    /** The error lines shown under one field. */
    List<String> errorsOf(WebElement field) {
        return field.findElements(By.cssSelector(".fjs-form-field-error li")).stream().map(WebElement::getText)
                .filter(text -> !text.isBlank()).toList();
    }

    /** Whether the field is marked as wrong, by form-js (fjs-has-errors) or by Gongzu's script. */
    boolean marked(WebElement field) {
        return field.getAttribute("data-gz-error") != null
                || field.getAttribute("class").contains("fjs-has-errors");
    }

    /** The user logs in, opens the task from the list and claims it, so its form can be filled in. */
    void workOn(String user, Task task) {
        login(user);
        openTask(task.getId());
        openedForm();
        claim();
    }

    void claim() {
        // as with the start form: a click while the details still redraw is lost, so click until claimed
        wait.withMessage("the task claimed").ignoring(StaleElementReferenceException.class).until(d -> {
            if (d.findElements(By.cssSelector(".task-details button.unclaim")).stream().anyMatch(WebElement::isDisplayed)) {
                return true;
            }
            d.findElements(By.cssSelector(".task-details button.claim")).stream().filter(WebElement::isDisplayed)
                    .findFirst().ifPresent(WebElement::click);
            return false;
        });
        wait.withMessage("the form editable for the assignee").until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".task-details form.fjs-form input.fjs-input")));
    }

    void fillOneMember(String idNumber) {
        WebElement member = field("第1位成员");
        type(member, "姓名", "张三");
        type(member, "身份证号码", idNumber);
        choose(member, "与承租人关系", "本人");
        radio(member, "户籍", "本市户籍");
        date(member, "出生日期", "1985", "03", "15");
        choose(member, "就业状况", "在业");
    }

    WebElement completeButton() {
        return visible(wait.withMessage("完成 enabled").until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".task-details button[ng-click='complete()']"))));
    }

    /** The innermost form-js field of the task form whose own label is the given text. */
    WebElement field(String label) {
        return field(driver.findElement(By.cssSelector(".task-details form.fjs-form")), label);
    }

    WebElement field(WebElement scope, String label) {
        String labelled = "[.//label[contains(@class,'fjs-form-field-label')][normalize-space(translate(., '*', ''))='"
                + label + "']]";
        return scope.findElement(By.xpath(".//div[contains(concat(' ', @class, ' '), ' fjs-form-field ')]" + labelled
                + "[not(.//div[contains(concat(' ', @class, ' '), ' fjs-form-field ')]" + labelled + ")]"));
    }

    WebElement input(WebElement scope, String label) {
        return visible(field(scope, label).findElement(By.cssSelector("input.fjs-input")));
    }

    /** Brings an element to the middle of its scrolling column, clear of Tasklist's fixed header and footer. */
    WebElement visible(WebElement element) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", element);
        return element;
    }

    /** Replaces what the field holds (typed by the user or prefilled) with the text, as a user selects and types. */
    void type(WebElement scope, String label, String text) {
        WebElement input = input(scope, label);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
        wait.withMessage(label + " holds " + text).until(ExpectedConditions.attributeToBe(input, "value", text));
    }

    /** Picks an option of a form-js select: its list opens on focus or on a press of the field. */
    void choose(WebElement scope, String label, String option) {
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

    /** Opens the task's 「案卷」 tab (scripts/gongzu-case.js) and answers its content once loaded. */
    WebElement openCaseTab() {
        return openTab("案卷", By.cssSelector(".gz-case"));
    }

    /** Opens a tab of the task details, clicking until the content shows. */
    WebElement openTab(String label, By content) {
        By tab = By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='" + label + "']");
        return wait.withMessage("the tab " + label + " opened").ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    Optional<WebElement> shown = d.findElements(content).stream().filter(WebElement::isDisplayed).findFirst();
                    if (shown.isPresent()) {
                        return shown.get();
                    }
                    d.findElement(tab).click();
                    return null;
                });
    }

    /** Ticks options of a form-js checklist. */
    void check(WebElement scope, String label, String... options) {
        for (String option : options) {
            WebElement box = visible(field(scope, label)).findElement(By.xpath(
                    ".//label[normalize-space(.)='" + option + "']//input[@type='checkbox']"));
            box.click();
            wait.until(ExpectedConditions.elementToBeSelected(box));
        }
    }

    void radio(WebElement scope, String label, String option) {
        WebElement radio = visible(field(scope, label)).findElement(By.xpath(
                ".//label[normalize-space(.)='" + option + "']/input[@type='radio']"));
        radio.click();
        wait.until(ExpectedConditions.elementToBeSelected(radio));
    }

    /** Types a date in the order the date picker's placeholder shows (年/月/日 in a Chinese Tasklist). */
    void date(WebElement scope, String label, String year, String month, String day) {
        WebElement input = input(scope, label);
        String pattern = input.getAttribute("placeholder");
        input.clear();
        input.sendKeys(pattern.replace("年", year).replace("月", month).replace("日", day)
                .replace("yyyy", year).replace("mm", month).replace("dd", day));
        // leaving the field makes the picker take the typed date
        input.sendKeys(Keys.TAB);
        wait.withMessage("the date taken").until(d -> {
            String value = input.getAttribute("value");
            return value != null && value.contains(year) && value.contains(String.valueOf(Integer.parseInt(day)));
        });
    }

    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    // ---- the browser console ----

    /** The console's entries since the browser opened. */
    List<LogEntry> console() {
        driver.manage().logs().get(LogType.BROWSER).forEach(console::add);
        return List.copyOf(console);
    }

    /** Console lines of requests answered 4xx or 5xx. */
    List<String> failedRequests() {
        return console().stream().map(LogEntry::getMessage).filter(Chromium::isFailedRequest).toList();
    }

    // ---- pictures for humans ----

    void screenshot(String step) {
        browser.screenshot(step);
    }
}
