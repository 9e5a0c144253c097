package org.gongzu.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gongzu.support.GongzuTest;
import org.gongzu.support.MoveInFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A field a manager adds to a deployed form (docs/adr/0027) does not break the step: it is kept on
 * the task as a record, length-limited, while keys that are not in the task's form are still refused
 * and personal data keeps out of history. The form is deployed as managers do (kind "form"), which
 * redeploys TenantMoveIn with it; those versions are deleted afterwards.
 */
@GongzuTest
class FormSubmissionAddedFieldsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOTE = "handoverNote";

    @Autowired TestRestTemplate http;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @Autowired MoveInFixture fixture;

    private final List<String> deployed = new ArrayList<>();

    @BeforeEach
    void managerAddsFieldsToTheConfirmationForm() throws Exception {
        ObjectNode form = (ObjectNode) JSON.readTree(Files.readString(Path.of("forms/move-in-confirmation.form"),
                StandardCharsets.UTF_8));
        ArrayNode components = (ArrayNode) form.get("components");
        components.addObject().put("type", "textfield").put("key", NOTE).put("label", "交付备注").put("id", "Field_HandoverNote");
        // a manager naming a field like the lease holder's ID number: personal data by its name
        components.addObject().put("type", "textfield").put("key", "headIdNumber").put("label", "承租人身份证号（核对）")
                .put("id", "Field_HeadIdCheck");

        ResponseEntity<String> answer = post("/api/models/deploy", Map.of("kind", "form",
                "content", JSON.writeValueAsString(form), "reason", "确认入住时记录交付备注"));

        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.CREATED);
        JsonNode result = JSON.readTree(answer.getBody());
        result.get("deployments").forEach(part -> deployed.add(part.get("deploymentId").asText()));
        assertThat(result.get("kind").asText()).isEqualTo("form");
        assertThat(result.get("key").asText()).isEqualTo("move-in-confirmation");
        assertThat(result.get("diff").get("added").findValuesAsText("id")).contains(NOTE);
    }

    @AfterEach
    void startUpVersionsAreTheLatestAgain() {
        org.gongzu.support.Deployments.delete(repositoryService, deployed);
    }

    @Test
    void deployingAFormRedeploysEveryProcessUsingItWithTheNewForm() {
        // TenantMoveIn is the one process whose latest version names move-in-confirmation
        assertThat(deployed).hasSize(1);
        String deploymentId = deployed.get(0);
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("TenantMoveIn").latestVersion()
                .singleResult().getDeploymentId()).isEqualTo(deploymentId);
        assertThat(repositoryService.getDeploymentResourceNames(deploymentId))
                .contains("TenantMoveIn.bpmn", "move-in-confirmation.form", "household-registration.form");
        assertThat(repositoryService.createDeploymentQuery().deploymentId(deploymentId).singleResult().getSource()).isEqualTo("gongzu-modeler");
        JsonNode audit = json(http.withBasicAuth("supervisor", "demo").getForEntity("/api/models/audit?key=TenantMoveIn",
                String.class)).get(0);
        assertThat(audit.get("deploymentId").asText()).isEqualTo(deploymentId);
        assertThat(audit.get("reason").asText()).isEqualTo("确认入住时记录交付备注");
        assertThat(audit.get("diff").asText()).contains(NOTE);
    }

    @Test
    void anAddedFieldIsKeptOnTheTaskAndTheStepCompletes() {
        Task confirm = confirmationTask();
        Map<String, Object> submission = new HashMap<>(MoveInFixture.moveIn());
        submission.put(NOTE, "钥匙两把，门禁卡一张");
        submission.put("headIdNumber", MoveInFixture.HEAD_BEIJING);

        taskService.complete(confirm.getId(), submission);

        assertThat(taskService.createTaskQuery().processInstanceId(confirm.getProcessInstanceId()).singleResult()
                .getTaskDefinitionKey()).isEqualTo("Task_RegisterMembers");
        // the process never sees it: not a variable of the case
        assertThat(runtimeService.getVariables(confirm.getProcessInstanceId())).doesNotContainKeys(NOTE, "headIdNumber");
        // the record of what was entered is the step's own, in history
        HistoricVariableInstance note = historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(confirm.getProcessInstanceId()).variableName(NOTE).taskIdIn(confirm.getId())
                .singleResult();
        assertThat(note.getValue()).isEqualTo("钥匙两把，门禁卡一张");
        // personal data by name stays out of history, wherever it came from
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(confirm.getProcessInstanceId())
                .variableName("headIdNumber").list()).isEmpty();
    }

    @Test
    void aKeyThatIsNotInTheTasksFormIsStillRefused() {
        Task confirm = confirmationTask();
        Map<String, Object> submission = new HashMap<>(MoveInFixture.moveIn());
        submission.put(NOTE, "备注");
        submission.put("roomCount", 3);

        assertThatThrownBy(() -> taskService.complete(confirm.getId(), submission))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("本表单没有的字段「roomCount」")
                .hasMessageNotContaining(NOTE);
        assertThat(taskService.createTaskQuery().taskId(confirm.getId()).count()).isEqualTo(1);
    }

    @Test
    void anAddedFieldLongerThanTheLimitIsRefusedNamingItsLabel() {
        Task confirm = confirmationTask();
        Map<String, Object> submission = new HashMap<>(MoveInFixture.moveIn());
        submission.put(NOTE, "很".repeat(FormSubmissionGuard.MAX_ADDED_FIELD_LENGTH + 1));

        assertThatThrownBy(() -> taskService.complete(confirm.getId(), submission))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("「交付备注」不能超过2000个字符")
                .hasMessageNotContaining("很很");
        assertThat(taskService.createTaskQuery().taskId(confirm.getId()).count()).isEqualTo(1);
    }

    /** A new case on the version with the changed form, at the owner's confirmation step. */
    private Task confirmationTask() {
        ProcessInstance instance = fixture.startMoveIn(fixture.occupiedProject(MoveInFixture.SUB_DISTRICT));
        assertThat(repositoryService.getProcessDefinition(instance.getProcessDefinitionId()).getDeploymentId())
                .isEqualTo(deployed.get(0));
        return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    private ResponseEntity<String> post(String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth("manager", "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
                String.class);
    }

    private static JsonNode json(ResponseEntity<String> answer) {
        try {
            return JSON.readTree(answer.getBody());
        } catch (Exception e) {
            throw new AssertionError(answer.getBody(), e);
        }
    }
}
