package org.gongzu.modeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.gongzu.support.GongzuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Every deployment passes the model checks (docs/adr/0022), through the Java API and the engine's
 * REST API alike: a refused model names its element and the reason in Chinese.
 */
@GongzuTest
class DeploymentChecksTest {

    @Autowired RepositoryService repositoryService;
    @Autowired TestRestTemplate http;
    @Autowired ProcessEngineConfigurationImpl engine;

    // --- refused through the Java API and /engine-rest/deployment/create

    @Test
    void aScriptTaskIsRefused() {
        Map<String, String> files = Map.of("Scripted.bpmn", process("Scripted" + suffix(), """
                <scriptTask id="Task_Step" name="计算补贴" scriptFormat="javascript"><script>1 + 1</script></scriptTask>"""));
        assertRefused(files, "脚本任务「计算补贴」（Task_Step）：不允许脚本任务");
        assertRefusedOverRest(files, "不允许脚本任务");
    }

    @Test
    void aGeneratedIdIsRefused() {
        Map<String, String> files = Map.of("Generated.bpmn", process("Generated" + suffix(), """
                <serviceTask id="Task_Step" name="记录" camunda:expression="${true}" />""").replace("Task_Step", "Activity_0x1y2z3"));
        assertRefused(files, "元素「记录」（Activity_0x1y2z3）的编号是建模工具自动生成的");
        assertRefusedOverRest(files, "Activity_0x1y2z3）的编号是建模工具自动生成的");
    }

    @Test
    void anUnroutedUserTaskIsRefused() {
        Map<String, String> files = Map.of("Unrouted.bpmn", process("Unrouted" + suffix(), """
                <userTask id="Task_Step" name="审核申请" camunda:formRef="check-sample" camunda:formRefBinding="deployment" />"""),
                "check-sample.form", form("check-sample", "审核意见"));
        assertRefused(files, "用户任务「审核申请」（Task_Step）没有派单规则");
        assertRefusedOverRest(files, "用户任务「审核申请」（Task_Step）没有派单规则");
    }

    // --- refused through the Java API

    @Test
    void aJavaClassIsRefusedOnTasksAndListeners() {
        assertRefused(Map.of("Classy.bpmn", process("Classy" + suffix(), """
                <serviceTask id="Task_Step" name="记录" camunda:class="org.example.Record" />""")),
                "元素「记录」（Task_Step）调用了 Java 类「org.example.Record」");
        assertRefused(Map.of("Listened.bpmn", process("Listened" + suffix(), """
                <serviceTask id="Task_Step" name="记录" camunda:expression="${true}">
                  <extensionElements><camunda:executionListener event="start" class="org.example.Listen" /></extensionElements>
                </serviceTask>""")), "调用了 Java 类「org.example.Listen」");
    }

    @Test
    void anExpressionReachingABeanOutsideTheModelBeansIsRefused() {
        assertRefused(Map.of("Reaching.bpmn", process("Reaching" + suffix(), """
                <serviceTask id="Task_Step" name="记录" camunda:expression="${jdbcTemplate.execute('drop table household')}" />""")),
                "元素「记录」（Task_Step）的表达式「${jdbcTemplate.execute('drop table household')}」调用了不允许的系统组件「jdbcTemplate」");
        // timers and conditions alike
        assertRefused(Map.of("Timed.bpmn", process("Timed" + suffix(), """
                <intermediateCatchEvent id="Task_Step" name="等待">
                  <timerEventDefinition id="Timer_Wait"><timeDuration>${repositoryService.toString()}</timeDuration></timerEventDefinition>
                </intermediateCatchEvent>""")), "调用了不允许的系统组件「repositoryService」");
    }

    @Test
    void anExpressionReadingIntoAVariableOrALiteralIsRefused() {
        // the engine's services through the execution, reflection through a literal or a bean's class
        for (String expression : new String[] {"${execution.processEngineServices.identityService.deleteUser('demo')}",
            "${execution['processEngine']}", "${''.getClass().forName('java.lang.Runtime')}",
            "${tenantMoveInSteps.getClass().getClassLoader()}"}) {
            assertRefused(Map.of("Deref.bpmn", process("Deref" + suffix(), """
                    <serviceTask id="Task_Step" name="记录" camunda:expression="%s" />""".formatted(expression))),
                    "的属性或方法；表达式只能调用这些组件的方法");
        }
    }

    @Test
    void aProcessWithoutHistoryTimeToLiveIsRefused() {
        assertRefused(Map.of("Forever.bpmn", process("Forever" + suffix(), """
                <serviceTask id="Task_Step" name="记录" camunda:expression="${true}" />""")
                .replace(" camunda:historyTimeToLive=\"30\"", "")), "没有设置历史保留期限（historyTimeToLive）");
    }

    @Test
    void whatTheEnginesOwnParserRefusesIsRefusedWithItsReason() {
        assertRefused(Map.of("Untimed.bpmn", process("Untimed" + suffix(), """
                <intermediateCatchEvent id="Task_Step" name="等待"><timerEventDefinition id="Timer_Wait" /></intermediateCatchEvent>""")),
                "流程引擎不接受该模型：");
    }

    @Test
    void aDecisionRuleMissingAnEntryIsRefused() {
        String dmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                    id="Definitions_Short" name="检查样例" namespace="http://gongzu.org/test">
                  <decision id="KEY" name="检查样例" camunda:historyTimeToLive="30">
                    <decisionTable id="DecisionTable_Short">
                      <input id="Input_Age" label="年龄"><inputExpression id="InputExpression_Age" typeRef="integer"><text>age</text></inputExpression></input>
                      <input id="Input_Hukou" label="户籍"><inputExpression id="InputExpression_Hukou" typeRef="string"><text>hukou</text></inputExpression></input>
                      <output id="Output_Eligible" name="eligible" typeRef="boolean" />
                      <rule id="Rule_Adult">
                        <inputEntry id="InputEntry_Adult_Age"><text>&gt;= 18</text></inputEntry>
                        <outputEntry id="OutputEntry_Adult"><text>true</text></outputEntry>
                      </rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """.replace("KEY", "Short" + suffix());
        assertRefused(Map.of("Short.dmn", dmn), "的规则（Rule_Adult）有 1 个输入条件，而决策表有 2 个输入列");
        assertRefused(Map.of("Unparsed.dmn", dmn.replace("<inputEntry id=\"InputEntry_Adult_Age\"><text>&gt;= 18</text></inputEntry>",
                "<inputEntry id=\"InputEntry_Adult_Age\"><text>&gt;= 18 und</text></inputEntry>"
                        + "<inputEntry id=\"InputEntry_Adult_Hukou\"><text>-</text></inputEntry>")),
                "的输入条件「>= 18 und」不是有效的 FEEL 条件");
    }

    @Test
    void aFormWithoutChineseLabelsIsRefused() {
        assertRefused(Map.of("english.form", form("english-" + suffix(), "Opinion")), "表单字段「Opinion」（Field_Opinion）的标签不是中文");
    }

    @Test
    void aRoutingRuleWhoseOutputIsNoGroupIsRefused() throws IOException {
        String table = routingTableWith("NoGroup", "Task_Step", "subDistrictCode");
        assertRefused(Map.of("TaskRouting.dmn", table), "派单规则（Rule_NoGroup）的候选组「subDistrictCode」无法派单");
    }

    // --- what passes

    @Test
    void aChangedProductModelDeploysOverRestWithItsForms() throws IOException {
        String moveIn = Files.readString(Path.of("processes/TenantMoveIn.bpmn")).replace("登记家庭成员信息", "登记入住家庭成员");
        assertThat(moveIn).contains("登记入住家庭成员");
        Map<String, String> files = new LinkedHashMap<>(Map.of("TenantMoveIn.bpmn", moveIn));
        // the forms it names, each once
        java.util.regex.Matcher formRef = java.util.regex.Pattern.compile("camunda:formRef=\"([^\"]+)\"").matcher(moveIn);
        while (formRef.find()) {
            files.put(formRef.group(1) + ".form", Files.readString(Path.of("forms", formRef.group(1) + ".form")));
        }
        assertThat(files).hasSizeGreaterThan(5);
        ResponseEntity<String> response = deployOverRest(files);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        String id = (String) new com.fasterxml.jackson.databind.ObjectMapper().readValue(response.getBody(), Map.class).get("id");
        repositoryService.deleteDeployment(id, true);
    }

    @Test
    void aUserTaskRoutedByTheTableDeployedWithItPasses() throws IOException {
        String key = "Routed" + suffix();
        Map<String, String> files = Map.of("Routed.bpmn", process(key, """
                <userTask id="Task_Step" name="审核申请" camunda:formRef="check-sample" camunda:formRefBinding="deployment" />"""),
                "check-sample.form", form("check-sample", "审核意见"), "TaskRouting.dmn", routingTableWith(key, "Task_Step",
                        "\"sdo-\" + subDistrictCode"));
        Deployment deployment = deploy(files);
        repositoryService.deleteDeployment(deployment.getId(), true);
    }

    @Test
    void aRedeploymentByIdIsCheckedAgain() throws IOException {
        String key = "Redeployed" + suffix();
        Deployment routing = deploy(Map.of("TaskRouting.dmn", routingTableWith(key, "Task_Step", "\"sdo-\" + subDistrictCode")));
        Deployment process;
        try {
            process = deploy(Map.of("Redeployed.bpmn", process(key, """
                    <userTask id="Task_Step" name="审核申请" camunda:formRef="check-sample" camunda:formRefBinding="deployment" />"""),
                    "check-sample.form", form("check-sample", "审核意见")));
        } finally {
            // the routing row is gone again: the same process would no longer be routed
            repositoryService.deleteDeployment(routing.getId(), true);
        }
        try {
            ResponseEntity<String> response = http.withBasicAuth("manager", "demo").postForEntity(
                    "/engine-rest/deployment/" + process.getId() + "/redeploy", json("{}"), String.class);
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getBody()).contains("用户任务「审核申请」（Task_Step）没有派单规则");
        } finally {
            repositoryService.deleteDeployment(process.getId(), true);
        }
    }

    @Test
    void expressionsResolveTheModelBeansAndNoOtherBean() {
        assertThat(evaluate("${tenantMoveInSteps}")).isNotNull();
        assertThatThrownBy(() -> evaluate("${jdbcTemplate}")).isInstanceOf(ProcessEngineException.class)
                .hasStackTraceContaining("jdbcTemplate");
    }

    private Object evaluate(String expression) {
        return engine.getCommandExecutorTxRequired().execute(context -> engine.getExpressionManager()
                .createExpression(expression).getValue(null));
    }

    // --- helpers

    private void assertRefused(Map<String, String> files, String reason) {
        assertThatThrownBy(() -> deploy(files)).isInstanceOf(ModelRefusedException.class).hasMessageContaining(reason);
    }

    private void assertRefusedOverRest(Map<String, String> files, String reason) {
        ResponseEntity<String> response = deployOverRest(files);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("模型未通过部署检查").contains(reason);
    }

    private Deployment deploy(Map<String, String> files) {
        DeploymentBuilder builder = repositoryService.createDeployment().name("model-checks-test").source("test");
        files.forEach((name, content) -> builder.addString(name, content));
        return builder.deploy();
    }

    private ResponseEntity<String> deployOverRest(Map<String, String> files) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", "model-checks-test");
        parts.add("deployment-source", "Camunda Modeler");
        files.forEach((name, content) -> parts.add(name, new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return name;
            }
        }));
        return http.withBasicAuth("manager", "demo").postForEntity("/engine-rest/deployment/create",
                new HttpEntity<>(parts, headers), String.class);
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    }

    /** A process {@code key} (readable ids, history kept 30 days) running one step, Task_Step. */
    private static String process(String key, String step) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    id="Definitions_Sample" targetNamespace="http://gongzu.org/test">
                  <process id="KEY" name="检查样例" isExecutable="true" camunda:historyTimeToLive="30">
                    <startEvent id="StartEvent_Started" name="开始" />
                    <sequenceFlow id="SequenceFlow_ToStep" sourceRef="StartEvent_Started" targetRef="Task_Step" />
                    STEP
                    <sequenceFlow id="SequenceFlow_ToEnd" sourceRef="Task_Step" targetRef="EndEvent_Done" />
                    <endEvent id="EndEvent_Done" name="结束" />
                  </process>
                </definitions>
                """.replace("KEY", key)
                .replace("STEP", step);
    }

    private static String form(String id, String label) {
        return """
                {"id": "ID", "type": "default", "components": [
                  {"type": "textfield", "key": "opinion", "label": "LABEL", "id": "Field_Opinion"}]}
                """.replace("ID", id).replace("LABEL", label);
    }

    /** The repository's routing table with one more rule: this process's task goes to {@code group}. */
    private static String routingTableWith(String processKey, String taskKey, String group) throws IOException {
        String rule = """
                <rule id="Rule_NoGroup">
                  <inputEntry id="InputEntry_NoGroup_Process"><text>"PROCESS"</text></inputEntry>
                  <inputEntry id="InputEntry_NoGroup_Task"><text>"TASK"</text></inputEntry>
                  <outputEntry id="OutputEntry_NoGroup"><text>GROUP</text></outputEntry>
                </rule>
                """.replace("PROCESS", processKey).replace("TASK", taskKey).replace("GROUP", group.replace("\"", "&quot;"));
        return Files.readString(Path.of("processes/TaskRouting.dmn")).replace("</decisionTable>", rule + "</decisionTable>");
    }
}
