package org.gongzu.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzu.support.MoveInFixture.SUB_DISTRICT;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gongzu.support.GongzuTest;
import org.gongzu.support.MoveInFixture;
import org.gongzu.support.TaskGroups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Issue 11's acceptance in Debian's headless Chromium: the manager renames a step of TenantMoveIn in
 * bpmn-js, sends that step to another department in the routing table (dmn-js), adds a field to the
 * owner's form (form-js), each checked, compared and deployed with a reason in 「流程设计」; moves a
 * case that was running on the old version through the page; a new case follows the new models and
 * the owner fills the new field in Tasklist; the routing change is rolled back from the page. Staff
 * get 403, the supervisor reads the audit.
 *
 * <p>Browser tests share one database per JVM: every deployment made here is deleted afterwards,
 * with the cases on it, so the tests after this one see the start-up models and no case of this one.
 * A rollback through the page (a further version with the old content) would leave the cases started
 * here running on the changed versions. The migration moves only a version deployed for this test.
 */
@GongzuTest
class ModelEditingBrowserTest extends TasklistBrowserSupport {

    private static final String COCKPIT = "/camunda/app/cockpit/default/";
    private static final String RENAMED = "登记全部家庭成员信息";
    private static final String NOTE_LABEL = "交付备注";
    private static final Path MIGRATION_SCREENSHOT = Path.of("docs", "screenshots", "model-migration.png");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired TestRestTemplate http;
    @Autowired MoveInFixture fixture;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;

    private final Set<String> before = new HashSet<>();

    @BeforeEach
    void rememberTheDeployments() {
        repositoryService.createDeploymentQuery().list().forEach(d -> before.add(d.getId()));
    }

    @AfterEach
    void startUpModelsAreTheLatestAgain() {
        // only what the model API deployed during this test: never the start-up models
        List<String> made = repositoryService.createDeploymentQuery().list().stream()
                .filter(d -> "gongzu-modeler".equals(d.getSource())).map(d -> d.getId())
                .filter(id -> !before.contains(id)).toList();
        org.gongzu.support.Deployments.delete(repositoryService, made);
    }

    @Test
    void aManagerChangesAStepItsRoutingAndItsFormAndMovesARunningCase() throws Exception {
        int routingAtStart = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("TaskRouting")
                .latestVersion().singleResult().getVersion();
        // a version of its own, so that the migration moves only the case started here
        JsonNode own = deploy(Files.readString(Path.of("processes/TenantMoveIn.bpmn"), StandardCharsets.UTF_8));
        int oldVersion = own.get("version").asInt();
        ProcessInstance running = fixture.startMoveIn(fixture.occupiedProject(SUB_DISTRICT));
        assertThat(definitionVersion(running.getProcessDefinitionId())).isEqualTo(oldVersion);

        browser.open(COCKPIT);
        browser.signIn("manager");
        wait(By.cssSelector("a.gz-nav-modeler")).click();

        // 1. rename 「登记家庭成员信息」 in bpmn-js, through the properties panel
        openModel("bpmn", "TenantMoveIn");
        WebElement task = wait(By.cssSelector(".djs-element.djs-shape[data-element-id='Task_RegisterMembers']"));
        task.click();
        openGroup("常规");
        WebElement name = wait(By.cssSelector(".gz-modeler-properties #bio-properties-panel-name"));
        browser.wait.withMessage("the task's name in the panel").until(d -> "登记家庭成员信息".equals(name.getAttribute("value")));
        name.sendKeys(Keys.chord(Keys.CONTROL, "a"), RENAMED);
        browser.wait.withMessage("the diagram renamed").until(d -> task.getText().replaceAll("\\s", "").equals(RENAMED));
        checkPasses();
        assertThat(diff()).contains("改名（1）", "Task_RegisterMembers", "「登记家庭成员信息」→「" + RENAMED + "」");
        int renamedVersion = deployWithReason("成员登记须包括全部家庭成员，环节改名");
        assertThat(renamedVersion).isEqualTo(oldVersion + 1);
        browser.screenshot("renamed");

        // 2. send member registration to the sub-district office instead of the residents' committee, in dmn-js
        openModel("dmn", "TaskRouting");
        WebElement cell = wait(By.cssSelector(".gz-modeler-canvas td[data-element-id='OutputEntry_TenantMoveIn_05']"));
        browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", cell);
        cell.click();
        WebElement editable = cell.findElements(By.cssSelector("[contenteditable]")).stream().findFirst().orElse(cell);
        editable.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        editable.sendKeys("\"sdo-\" + subDistrictCode");
        browser.wait.withMessage("the cell changed").until(d -> cell.getText().contains("\"sdo-\" + subDistrictCode"));
        checkPasses();
        assertThat(diff()).contains("修改（1）", "Rule_TenantMoveIn_05", "\"rc-\" + subDistrictCode → \"sdo-\" + subDistrictCode");
        deployWithReason("成员登记改由街道办事处办理");

        // 3. a text field with a Chinese label added to the owner's confirmation form, in the form-js editor
        openModel("form", "move-in-confirmation");
        WebElement palette = wait(By.cssSelector(".fjs-palette-field[data-field-type='textfield']"));
        WebElement lastField = wait(By.cssSelector(".fjs-form-field-checkbox"));
        new Actions(browser.driver).clickAndHold(palette).moveByOffset(20, 20).moveToElement(lastField, 0, 30)
                .moveByOffset(0, 10).release().perform();
        openGroup("General");
        WebElement label = wait(By.cssSelector("#bio-properties-panel-label"));
        label.sendKeys(Keys.chord(Keys.CONTROL, "a"), NOTE_LABEL);
        WebElement key = wait(By.cssSelector("#bio-properties-panel-key"));
        key.sendKeys(Keys.chord(Keys.CONTROL, "a"), "handoverNote");
        browser.wait.withMessage("the new field drawn").until(d -> text(".gz-modeler-canvas").contains(NOTE_LABEL));
        checkPasses();
        assertThat(diff()).contains("新增", "handoverNote", NOTE_LABEL);
        deployWithReason("确认入住时记录钥匙和门禁卡的交付情况");
        Files.write(Path.of("docs", "screenshots", "model-editor.png"), browser.driver.getScreenshotAs(OutputType.BYTES));

        // 4. the case running on the old version moves to the latest through the page
        openModel("bpmn", "TenantMoveIn");
        wait(By.cssSelector(".gz-modeler-toolbar [data-action='migration']")).click();
        WebElement source = wait(By.cssSelector(".gz-migration-source[data-version='" + oldVersion + "']"));
        assertThat(source.getText()).contains("1 个运行中的案件", "确认入住并交付钥匙");
        visible(source.findElement(By.cssSelector(".gz-preview"))).click();
        browser.wait.withMessage("the preview").until(d -> source.getText().contains("可迁移 1 个案件"));
        visible(source.findElement(By.cssSelector(".gz-migrate"))).click();
        runBatchUntil(() -> source.getText().contains("迁移完成"));
        assertThat(source.getText()).contains("共 1 个，已完成 1 个，失败 0 个");
        Files.write(MIGRATION_SCREENSHOT, browser.driver.getScreenshotAs(OutputType.BYTES));
        browser.screenshot("migrated");

        String latest = repositoryService.createProcessDefinitionQuery().processDefinitionKey("TenantMoveIn")
                .latestVersion().singleResult().getId();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(running.getId()).singleResult()
                .getProcessDefinitionId()).isEqualTo(latest);
        // it continues there: the next step has the new name and goes to the other department
        Task confirmMoved = taskService.createTaskQuery().processInstanceId(running.getId()).singleResult();
        taskService.complete(confirmMoved.getId(), MoveInFixture.moveIn());
        Task next = taskService.createTaskQuery().processInstanceId(running.getId()).singleResult();
        assertThat(next.getTaskDefinitionKey()).isEqualTo("Task_RegisterMembers");
        assertThat(next.getName()).isEqualTo(RENAMED);
        assertThat(TaskGroups.of(taskService, next)).containsExactly("sdo-" + SUB_DISTRICT);

        // 5. a new case follows the new models; the owner sees and fills the new field in Tasklist
        ProcessInstance fresh = fixture.startMoveIn(fixture.occupiedProject(SUB_DISTRICT));
        assertThat(fresh.getProcessDefinitionId()).isEqualTo(latest);
        Task confirm = taskService.createTaskQuery().processInstanceId(fresh.getId()).singleResult();
        browser.driver.manage().deleteAllCookies();
        workOn("hdowner", confirm);
        WebElement form = openedForm();
        assertThat(labels(form)).contains("入住日期", "钥匙已交付承租家庭", NOTE_LABEL);
        date(form, "入住日期", "2026", "02", "01");
        field("钥匙已交付承租家庭").findElement(By.cssSelector("input[type='checkbox']")).click();
        type(form, NOTE_LABEL, "钥匙两把，门禁卡一张");
        screenshot("new-field");
        completeButton().click();
        wait.withMessage("the confirmation completed").until(d -> taskService.createTaskQuery().taskId(confirm.getId())
                .count() == 0);
        Task registration = taskService.createTaskQuery().processInstanceId(fresh.getId()).singleResult();
        assertThat(registration.getName()).isEqualTo(RENAMED);
        assertThat(TaskGroups.of(taskService, registration)).containsExactly("sdo-" + SUB_DISTRICT);
        assertThat(historyService.createHistoricVariableInstanceQuery().taskIdIn(confirm.getId())
                .variableName("handoverNote").singleResult().getValue()).isEqualTo("钥匙两把，门禁卡一张");
        assertThat(runtimeService.getVariables(fresh.getId())).doesNotContainKey("handoverNote");

        // 6. the routing change rolled back from the page: the earlier version deployed again
        browser.driver.manage().deleteAllCookies();
        browser.open(COCKPIT);
        browser.signIn("manager");
        wait(By.cssSelector("a.gz-nav-modeler")).click();
        WebElement routingItem = wait(By.cssSelector(".gz-model-list li[data-kind='dmn'][data-key='TaskRouting']"));
        new Select(routingItem.findElement(By.cssSelector("select.gz-version"))).selectByValue(String.valueOf(routingAtStart));
        routingItem.findElement(By.cssSelector("a.gz-open")).click();
        browser.wait.withMessage("the earlier version opened").until(d -> text(".gz-modeler-toolbar")
                .contains("第 " + routingAtStart + " 版"));
        button("rollback").click();
        visible(wait(By.id("gz-rollback-reason"))).sendKeys("成员登记恢复由居委会办理");
        visible(browser.driver.findElement(By.cssSelector("form.gz-rollback button[type='submit']"))).click();
        WebElement rolledBack = visible(wait(By.cssSelector(".gz-deploy-result .gz-ok")));
        assertThat(rolledBack.getText()).contains("已部署为第 " + (routingAtStart + 2) + " 版");
        assertThat(text(".gz-deploy-result")).contains("Rule_TenantMoveIn_05", "\"sdo-\" + subDistrictCode → \"rc-\" + subDistrictCode");
        Task registrationAfterRollback = fixture.registrationTaskIn(SUB_DISTRICT);
        assertThat(registrationAfterRollback.getName()).isEqualTo(RENAMED);
        assertThat(TaskGroups.of(taskService, registrationAfterRollback)).containsExactly("rc-" + SUB_DISTRICT);

        // 7. staff may not use the editor's API, through the webapp or with HTTP Basic
        browser.driver.manage().deleteAllCookies();
        browser.open("/camunda/app/tasklist/default/");
        browser.signIn("hdrc");
        assertThat(status("/camunda/api/gongzu/models")).isEqualTo(403);
        assertThat(post("hdrc", "/api/models/deploy", Map.of("kind", "bpmn", "content", "<x/>", "reason", "试试"))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        // 8. the supervisor reads each deployment with its reason and diff
        JsonNode audit = JSON.readTree(http.withBasicAuth("supervisor", "demo").getForObject("/api/models/audit",
                String.class));
        assertThat(auditEntry(audit, "TenantMoveIn", renamedVersion).get("reason").asText())
                .isEqualTo("成员登记须包括全部家庭成员，环节改名");
        assertThat(auditEntry(audit, "TenantMoveIn", renamedVersion).get("diff").asText()).contains(RENAMED);
        JsonNode routing = auditEntry(audit, "TaskRouting", routingAtStart + 1);
        assertThat(routing.get("reason").asText()).isEqualTo("成员登记改由街道办事处办理");
        assertThat(routing.get("diff").asText()).contains("Rule_TenantMoveIn_05", "sdo-");
        assertThat(auditEntry(audit, "TaskRouting", routingAtStart + 2).get("reason").asText())
                .isEqualTo("成员登记恢复由居委会办理");
        assertThat(auditEntry(audit, "TenantMoveIn", renamedVersion + 1).get("reason").asText())
                .isEqualTo("确认入住时记录钥匙和门禁卡的交付情况");
        assertThat(auditEntry(audit, "TenantMoveIn", renamedVersion + 1).get("diff").asText()).contains("handoverNote");
    }

    @Test
    void aSupervisorSeesTheDeploymentAuditButNoEditor() {
        browser.open(COCKPIT);
        browser.signIn("supervisor");
        wait(By.cssSelector("a.gz-nav-modeler")).click();
        WebElement audit = wait(By.cssSelector(".gz-modeler-panel .gz-audit"));
        assertThat(audit.getText()).contains("模型", "版本", "部署人", "时间", "原因", "差异", "TaskRouting");
        assertThat(text(".gz-modeler-toolbar")).contains("模型部署记录（只读）");
        assertThat(browser.driver.findElements(By.cssSelector(".gz-new, .gz-modeler-canvas, [data-action='deploy']")))
                .isEmpty();
        browser.screenshot("audit");
    }

    private void openModel(String kind, String key) {
        WebElement link = wait(By.cssSelector(".gz-model-list li[data-kind='" + kind + "'][data-key='" + key + "'] a.gz-open"));
        link.click();
        browser.wait.withMessage(key + " opened").until(d -> text(".gz-modeler-toolbar").contains(key)
                && !d.findElements(By.cssSelector(".gz-modeler-toolbar [data-action='deploy']")).isEmpty());
        wait(By.cssSelector(kind.equals("form") ? ".gz-modeler-canvas .fjs-editor-container"
                : kind.equals("dmn") ? ".gz-modeler-canvas .tjs-table" : ".gz-modeler-canvas .djs-container"));
    }

    /** Opens a group of a properties panel (bpmn-js's or form-js's) unless it is open. */
    private void openGroup(String title) {
        WebElement header = wait(By.xpath("//div[contains(@class,'bio-properties-panel-group-header')]"
                + "[.//*[normalize-space(.)='" + title + "']]"));
        if (!header.getAttribute("class").contains("open")) {
            header.click();
        }
    }

    private void checkPasses() {
        button("check").click();
        WebElement panel = wait(By.xpath("//div[contains(@class,'gz-modeler-panel')][.//h4[contains(., '检查结果')]]"));
        browser.wait.withMessage("the check's answer").until(d -> panel.getText().contains("检查通过")
                || !panel.findElements(By.cssSelector(".gz-problems")).isEmpty());
        assertThat(panel.getText()).contains("检查通过").doesNotContain("检查未通过");
    }

    private String diff() {
        button("diff").click();
        return browser.wait.withMessage("the diff").until(d -> {
            String shown = text(".gz-modeler-panel");
            return shown.contains("与已部署的第") ? shown : null;
        });
    }

    private int deployWithReason(String reason) {
        button("deploy").click();
        visible(wait(By.id("gz-deploy-reason"))).sendKeys(reason);
        visible(browser.driver.findElement(By.cssSelector("form.gz-deploy button[type='submit']"))).click();
        WebElement done = visible(wait(By.cssSelector(".gz-deploy-result .gz-ok")));
        String shown = done.getText();
        return Integer.parseInt(shown.replaceAll("\\D+", ""));
    }

    private WebElement button(String action) {
        return wait(By.cssSelector(".gz-modeler-toolbar [data-action='" + action + "']"));
    }

    /** Runs the migration batch's jobs (the job executor may be slower than the test) until the page reports. */
    private void runBatchUntil(java.util.function.BooleanSupplier reported) throws InterruptedException {
        long until = System.currentTimeMillis() + 60_000;
        while (!reported.getAsBoolean() && System.currentTimeMillis() < until) {
            for (Batch batch : managementService.createBatchQuery().type(Batch.TYPE_PROCESS_INSTANCE_MIGRATION).list()) {
                // the seed job's definition is gone once it has created the migration jobs
                Set<String> definitions = new HashSet<>(Arrays.asList(batch.getSeedJobDefinitionId(),
                        batch.getMonitorJobDefinitionId(), batch.getBatchJobDefinitionId()));
                definitions.remove(null);
                for (Job job : managementService.createJobQuery().list()) {
                    if (definitions.contains(job.getJobDefinitionId())) {
                        try {
                            managementService.executeJob(job.getId());
                        } catch (RuntimeException racedWithTheJobExecutor) {
                            // the job executor took it first
                        }
                    }
                }
            }
            Thread.sleep(300);
        }
        assertThat(reported.getAsBoolean()).as("the migration reported done").isTrue();
    }

    private JsonNode deploy(String bpmn) throws IOException {
        ResponseEntity<String> answer = post("manager", "/api/models/deploy",
                Map.of("kind", "bpmn", "content", bpmn, "reason", "测试：迁移前的版本"));
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.CREATED);
        return JSON.readTree(answer.getBody());
    }

    private int definitionVersion(String definitionId) {
        return repositoryService.getProcessDefinition(definitionId).getVersion();
    }

    private ResponseEntity<String> post(String user, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
                String.class);
    }

    private static JsonNode auditEntry(JsonNode audit, String key, int version) {
        for (JsonNode entry : audit) {
            if (entry.get("key").asText().equals(key) && entry.get("version").asInt() == version) {
                return entry;
            }
        }
        throw new AssertionError("no audit of " + key + " version " + version);
    }

    private long status(String url) {
        return (Long) browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => done(r.status)).catch(e => done(-1));", url);
    }

    private String text(String selector) {
        return browser.driver.findElement(By.cssSelector(selector)).getText();
    }

    private WebElement wait(By locator) {
        return browser.wait.withMessage(locator.toString()).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }
}
