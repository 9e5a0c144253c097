package org.gongzu.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.gongzu.support.GongzuTest;
import org.gongzu.webapp.Caller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The model API over HTTP: who may use it, reading and downloading versions, the diff, the dry-run
 * check, deploying with a reason into the audit (also from the engine REST API) and trying a decision.
 * Models that get new versions here are a test-only decision; TenantMoveIn is only compared and tried.
 */
@GongzuTest
class ModelApiTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired TestRestTemplate http;
    @Autowired RepositoryService repositoryService;
    @Autowired ModelDeployments deployments;
    @Autowired ProcessEngineConfigurationImpl configuration;
    @Autowired JdbcTemplate jdbc;

    private final List<String> deployed = new ArrayList<>();

    @AfterEach
    void removeTestDeployments() {
        deployed.forEach(id -> repositoryService.deleteDeployment(id, true));
    }

    @Test
    void staffAreRefusedEveryEndpointWithAChineseReason() {
        Map<String, Object> body = Map.of("kind", "dmn", "content", trialDecision("\"low\"", "0.5"), "reason", "测试",
                "key", "TaskRouting", "version", 1, "sourceVersion", 1, "variables", Map.of());
        List<ResponseEntity<String>> answers = List.of(get("hdrc", "/api/models"),
                get("hdrc", "/api/models/bpmn/TenantMoveIn"), get("hdrc", "/api/models/bpmn/TenantMoveIn/file"),
                post("hdrc", "/api/models/check", body), post("hdrc", "/api/models/diff", body),
                post("hdrc", "/api/models/deploy", body), get("hdrc", "/api/models/audit"),
                post("hdrc", "/api/models/dmn/TaskRouting/rollback", body),
                get("hdrc", "/api/models/bpmn/TenantMoveIn/migration"),
                post("hdrc", "/api/models/bpmn/TenantMoveIn/migration/preview", body),
                post("hdrc", "/api/models/bpmn/TenantMoveIn/migration", body), get("hdrc", "/api/models/migrations/x"),
                post("hdrc", "/api/models/dmn/TaskRouting/evaluate", body));
        for (ResponseEntity<String> answer : answers) {
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(json(answer).get("message").asText()).contains("流程管理员");
        }
    }

    @Test
    void supervisorsReadTheAuditButCannotDeploy() {
        assertThat(get("supervisor", "/api/models/audit?key=TaskRouting").getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> deploy = post("supervisor", "/api/models/deploy",
                Map.of("kind", "dmn", "content", trialDecision("\"low\"", "0.5"), "reason", "测试"));
        assertThat(deploy.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("supervisor", "/api/models").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aBlankReasonIsRefusedNamingTheField() {
        ResponseEntity<String> answer = post("manager", "/api/models/deploy",
                Map.of("kind", "dmn", "content", trialDecision("\"low\"", "0.5"), "reason", "  "));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(answer).get("fields").get(0).get("field").asText()).isEqualTo("reason");
        assertThat(json(answer).get("message").asText()).contains("「部署原因」不能为空");
        assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("TrialRentDiscount").count())
                .isZero();
    }

    @Test
    void managersListReadAndDownloadEveryVersion() throws Exception {
        JsonNode models = json(get("manager", "/api/models"));
        assertThat(models.findValuesAsText("key")).contains("TenantMoveIn", "TaskRouting", "move-in-confirmation");
        JsonNode moveIn = json(get("demo", "/api/models/bpmn/TenantMoveIn"));
        assertThat(moveIn.get("fileName").asText()).isEqualTo("TenantMoveIn.bpmn");
        assertThat(moveIn.get("name").asText()).isEqualTo("承租家庭首次入住");
        int version = moveIn.get("version").asInt();
        ResponseEntity<String> file = get("manager", "/api/models/bpmn/TenantMoveIn/file?version=" + version);
        assertThat(file.getHeaders().getContentDisposition().getFilename()).isEqualTo("TenantMoveIn-v" + version + ".bpmn");
        assertThat(file.getBody()).isEqualTo(moveIn.get("content").asText());
        JsonNode form = json(get("manager", "/api/models/form/move-in-confirmation"));
        assertThat(form.get("content").asText()).contains("keysHandedOver");
        ResponseEntity<String> missing = get("manager", "/api/models/bpmn/TenantMoveIn?version=9999");
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(json(missing).get("message").asText()).contains("没有第9999版");
        assertThat(get("manager", "/api/models/script/TenantMoveIn").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theDiffFindsARenamedTaskAChangedRoutingRowAndARelabelledFormField() throws Exception {
        String moveIn = repositoryFile("processes/TenantMoveIn.bpmn").replace("name=\"登记家庭成员信息\"",
                "name=\"登记全部家庭成员信息\"");
        JsonNode bpmn = json(post("manager", "/api/models/diff", Map.of("kind", "bpmn", "key", "TenantMoveIn",
                "content", moveIn)));
        assertThat(bpmn.get("renamed")).hasSize(1);
        assertThat(bpmn.get("renamed").get(0).get("id").asText()).isEqualTo("Task_RegisterMembers");
        assertThat(bpmn.get("renamed").get(0).get("typeName").asText()).isEqualTo("用户任务");
        assertThat(bpmn.get("renamed").get(0).get("to").asText()).isEqualTo("登记全部家庭成员信息");
        assertThat(bpmn.get("added")).isEmpty();
        assertThat(bpmn.get("changed")).isEmpty();

        String rule = "<outputEntry id=\"OutputEntry_TenantMoveIn_05\"><text>&quot;rc-&quot;";
        String routing = repositoryFile("processes/TaskRouting.dmn").replace(rule, rule.replace("rc-", "sdo-"));
        JsonNode dmn = json(post("manager", "/api/models/diff", Map.of("kind", "dmn", "key", "TaskRouting",
                "content", routing)));
        assertThat(dmn.get("changed")).hasSize(1);
        JsonNode row = dmn.get("changed").get(0);
        assertThat(row.get("id").asText()).isEqualTo("Rule_TenantMoveIn_05");
        assertThat(row.get("typeName").asText()).isEqualTo("规则");
        assertThat(row.get("whatName").asText()).isEqualTo("结果「候选组」");
        assertThat(row.get("from").asText()).isEqualTo("\"rc-\" + subDistrictCode");
        assertThat(row.get("to").asText()).isEqualTo("\"sdo-\" + subDistrictCode");

        String form = repositoryFile("forms/move-in-confirmation.form").replace("钥匙已交付承租家庭", "钥匙已全部交付");
        JsonNode fields = json(post("manager", "/api/models/diff", Map.of("kind", "form", "key", "move-in-confirmation",
                "content", form)));
        assertThat(fields.get("renamed").get(0).get("id").asText()).isEqualTo("keysHandedOver");
        assertThat(fields.get("renamed").get(0).get("typeName").asText()).isEqualTo("表单字段");
    }

    @Test
    void aCheckTriesTheDeploymentAndLeavesNothingBehind() throws Exception {
        int before = latestMoveInVersion();
        String moveIn = repositoryFile("processes/TenantMoveIn.bpmn").replace("name=\"登记家庭成员信息\"",
                "name=\"登记全部家庭成员信息\"");
        Caller manager = new Caller("manager", List.of("process-manager"));

        ModelDeployments.DryRun dryRun = deployments.dryRun(manager,
                deployments.plan(ModelKind.BPMN, null, moveIn.getBytes(StandardCharsets.UTF_8), List.of()));

        assertThat(dryRun.problems()).isEmpty();
        assertThat(dryRun.deploymentIds()).hasSize(1);
        String deploymentId = dryRun.deploymentIds().get(0);
        assertThat(repositoryService.createDeploymentQuery().deploymentId(deploymentId).count()).isZero();
        assertThat(dryRun.definitionIds()).isNotEmpty();
        for (String id : dryRun.definitionIds()) {
            assertThat(configuration.getDeploymentCache().findProcessDefinitionFromCache(id)).isNull();
            assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionId(id).count()).isZero();
        }
        // the audit row was written in the deployment's transaction and went with it
        assertThat(jdbc.queryForObject("select count(*) from model_audit where deployment_id = ?", Integer.class,
                deploymentId)).isZero();
        assertThat(latestMoveInVersion()).isEqualTo(before);

        JsonNode ok = json(post("manager", "/api/models/check", Map.of("kind", "bpmn", "content", moveIn)));
        assertThat(ok.get("problems")).isEmpty();
        JsonNode broken = json(post("manager", "/api/models/check", Map.of("kind", "bpmn", "fileName", "Broken.bpmn",
                "content", "<definitions>")));
        assertThat(broken.get("problems").get(0).get("resource").asText()).isEqualTo("Broken.bpmn");
        assertThat(broken.get("problems").get(0).get("message").asText()).contains("文件无法读取");
        assertThat(latestMoveInVersion()).isEqualTo(before);
    }

    @Test
    void aDeploymentWithAReasonIsAuditedWithItsDiffAndSoIsOneThroughTheEngineInterface() {
        ResponseEntity<String> first = engineRestDeploy(trialDecision("\"low\"", "0.5"));
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        deployed.add(json(first).get("id").asText());
        JsonNode byEngine = json(get("supervisor", "/api/models/audit?key=TrialRentDiscount")).get(0);
        assertThat(byEngine.get("reason").asText()).isEqualTo(ModelAudit.WITHOUT_REASON);
        assertThat(byEngine.get("user").asText()).isEqualTo("manager");

        ResponseEntity<String> answer = post("manager", "/api/models/deploy", Map.of("kind", "dmn",
                "content", trialDecision("\"low\"", "0.8"), "reason", "低收入家庭减免比例调整为八成"));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode result = json(answer);
        deployed.add(result.get("deploymentId").asText());
        assertThat(result.get("key").asText()).isEqualTo("TrialRentDiscount");
        assertThat(result.get("version").asInt()).isEqualTo(byEngine.get("version").asInt() + 1);
        assertThat(repositoryService.createDeploymentQuery().deploymentId(result.get("deploymentId").asText())
                .singleResult().getSource()).isEqualTo(ModelDeployments.SOURCE);

        JsonNode audited = json(get("supervisor", "/api/models/audit?key=TrialRentDiscount")).get(0);
        assertThat(audited.get("deploymentId").asText()).isEqualTo(result.get("deploymentId").asText());
        assertThat(audited.get("reason").asText()).isEqualTo("低收入家庭减免比例调整为八成");
        assertThat(audited.get("user").asText()).isEqualTo("manager");
        assertThat(audited.get("diff").asText()).contains("Rule_TrialRentDiscount_Low").contains("0.8");

        // the earlier version, deployed again: a new version with the old content
        ResponseEntity<String> rollback = post("manager", "/api/models/dmn/TrialRentDiscount/rollback",
                Map.of("version", byEngine.get("version").asInt(), "reason", "恢复原减免比例"));
        assertThat(rollback.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        deployed.add(json(rollback).get("deploymentId").asText());
        assertThat(json(rollback).get("version").asInt()).isEqualTo(result.get("version").asInt() + 1);
        assertThat(json(get("manager", "/api/models/dmn/TrialRentDiscount")).get("content").asText())
                .isEqualTo(trialDecision("\"low\"", "0.5"));
    }

    @Test
    void aDecisionIsTriedWithSampleInputsWithoutDeploying() throws Exception {
        long versions = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("TaskRouting").count();
        Map<String, Object> inputs = Map.of("processKey", "TenantMoveIn", "taskKey", "Task_RegisterMembers",
                "subDistrictCode", "110108015", "districtCode", "110108");
        JsonNode deployedTable = json(post("manager", "/api/models/dmn/TaskRouting/evaluate", Map.of("variables", inputs)));
        assertThat(deployedTable.get("results").findValuesAsText("candidateGroup")).containsExactly("rc-110108015");

        String rule = "<outputEntry id=\"OutputEntry_TenantMoveIn_05\"><text>&quot;rc-&quot;";
        String unsaved = repositoryFile("processes/TaskRouting.dmn").replace(rule, rule.replace("rc-", "sdo-"));
        JsonNode changed = json(post("manager", "/api/models/dmn/TaskRouting/evaluate",
                Map.of("content", unsaved, "variables", inputs)));
        assertThat(changed.get("results").findValuesAsText("candidateGroup")).containsExactly("sdo-110108015");
        assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("TaskRouting").count())
                .isEqualTo(versions);

        ResponseEntity<String> bad = post("manager", "/api/models/dmn/TaskRouting/evaluate",
                Map.of("variables", Map.of("processKey", Map.of("nested", 1))));
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(bad).get("fields").get(0).get("field").asText()).isEqualTo("variables.processKey");
    }

    private int latestMoveInVersion() {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey("TenantMoveIn").latestVersion()
                .singleResult().getVersion();
    }

    private ResponseEntity<String> engineRestDeploy(String dmn) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", "TrialRentDiscount");
        parts.add("deployment-source", "Camunda Modeler");
        parts.add("data", new ByteArrayResource(dmn.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "TrialRentDiscount.dmn";
            }
        });
        return http.withBasicAuth("manager", "demo").postForEntity("/engine-rest/deployment/create",
                new HttpEntity<>(parts, headers), String.class);
    }

    /** A small test-only decision: the rent discount for a low or other income level. */
    static String trialDecision(String lowEntry, String lowDiscount) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="Definitions_TrialRentDiscount" name="试用租金减免" namespace="http://gongzu.org/dmn">
                  <decision id="TrialRentDiscount" name="试用租金减免" camunda:historyTimeToLive="30">
                    <decisionTable id="DecisionTable_TrialRentDiscount" hitPolicy="FIRST">
                      <input id="Input_IncomeLevel" label="收入水平">
                        <inputExpression id="InputExpression_IncomeLevel" typeRef="string"><text>incomeLevel</text></inputExpression>
                      </input>
                      <output id="Output_Discount" label="减免比例" name="discount" typeRef="double" />
                      <rule id="Rule_TrialRentDiscount_Low">
                        <inputEntry id="InputEntry_TrialRentDiscount_Low"><text>LOW</text></inputEntry>
                        <outputEntry id="OutputEntry_TrialRentDiscount_Low"><text>DISCOUNT</text></outputEntry>
                      </rule>
                      <rule id="Rule_TrialRentDiscount_Other">
                        <inputEntry id="InputEntry_TrialRentDiscount_Other"><text>-</text></inputEntry>
                        <outputEntry id="OutputEntry_TrialRentDiscount_Other"><text>0</text></outputEntry>
                      </rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """.replace("LOW", lowEntry).replace("DISCOUNT", lowDiscount);
    }

    static String repositoryFile(String path) throws Exception {
        return Files.readString(Path.of(path), StandardCharsets.UTF_8);
    }

    ResponseEntity<String> get(String user, String path) {
        return http.withBasicAuth(user, "demo").getForEntity(path, String.class);
    }

    ResponseEntity<String> post(String user, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
                String.class);
    }

    static JsonNode json(ResponseEntity<String> answer) {
        try {
            return JSON.readTree(answer.getBody());
        } catch (Exception e) {
            throw new AssertionError(answer.getStatusCode() + " not JSON: " + answer.getBody(), e);
        }
    }
}
