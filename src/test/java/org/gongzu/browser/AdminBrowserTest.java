package org.gongzu.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzu.support.MoveInFixture.SUB_DISTRICT;


import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.gongzu.support.GongzuTest;
import org.gongzu.support.TestUsers;
import org.gongzu.support.MoveInFixture;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Admin as the administrator uses it in Debian's headless Chromium (docs/adr/0009): a staff member
 * is put into a department with one search and one click, and groups show their Chinese names.
 */
@GongzuTest
class AdminBrowserTest extends BrowserTest {

    private static final String ADMIN = "/camunda/app/admin/default/";

    @Autowired MoveInFixture fixture;
    @Autowired IdentityService identityService;
    @Autowired TestRestTemplate rest;

    @Test
    void administratorAddsAStaffMemberToADepartmentInOneStep() {
        String userId = newUser();
        Task task = fixture.registrationTaskIn(SUB_DISTRICT);

        browser.open(ADMIN + "#/users/" + userId + "?tab=groups");
        browser.signIn("demo");
        WebElement search = wait(By.cssSelector(".gz-department-picker input.gz-department-search"));
        browser.settle();
        browser.failedRequests();
        assertThat(browser.title()).startsWith("公租 系统管理");
        assertThat(browser.bannerShown()).isFalse();

        search.sendKeys("学院路");
        WebElement result = wait(By.xpath("//div[contains(@class,'gz-department-picker')]//li[.//code[.='rc-110108015']]"));
        assertThat(result.getText()).contains("海淀区学院路街道 居委会");
        browser.screenshot("search");
        result.findElement(By.cssSelector("button.gz-add")).click();

        wait(By.xpath("//p[contains(@class,'gz-status')][contains(., '已加入「海淀区学院路街道 居委会」')]"));
        wait(By.xpath("//form[@name='updateGroupMemberships']//td[contains(@class,'group-id')][normalize-space(.)='rc-110108015']"));
        browser.settle();
        browser.screenshot("added");
        assertThat(browser.failedRequests()).isEmpty();

        assertThat(identityService.createGroupQuery().groupMember(userId).list()).extracting(Group::getId)
                .containsExactly("rc-110108015");
        // the new staff member works the department's task
        String tasks = rest.withBasicAuth(userId, "demo").getForObject("/engine-rest/task?maxResults=200", String.class);
        assertThat(tasks).contains(task.getId());
    }

    @Test
    void groupsShowTheirChineseNames() {
        browser.open(ADMIN + "#/authorization?resource=0");
        browser.signIn("demo");
        // the first page lists the Tasklist access of department groups, by id
        WebElement name = wait(By.cssSelector("td.group span.gz-group-name"));
        String groupId = name.getAttribute("data-group-id");
        assertThat(name.findElement(By.xpath("..")).getText()).contains(groupId);
        assertThat(name.getText()).isEqualTo("「" + identityService.createGroupQuery().groupId(groupId).singleResult()
                .getName() + "」");
        assertThat(browser.driver.findElements(By.cssSelector("td.group span.gz-group-name"))).extracting(WebElement::getText)
                .anyMatch(text -> text.matches("「.+区 区民政局」"));
        browser.settle();
        browser.screenshot("authorizations");
        assertThat(browser.failedRequests()).isEmpty();

        browser.open(ADMIN + "#/groups");
        WebElement admins = wait(By.xpath("//tr[.//a[normalize-space(.)='camunda-admin']]"));
        assertThat(admins.getText()).contains("系统管理员");
        browser.screenshot("groups");
    }

    private String newUser() {
        return TestUsers.create(identityService, "staff", "demo");
    }

    private WebElement wait(By locator) {
        return browser.wait.withMessage(locator.toString()).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }
}
