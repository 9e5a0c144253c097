package org.gongzu.modeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzu.modeling.ModelApiTest.json;
import static org.gongzu.modeling.ModelApiTest.repositoryFile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.gongzu.support.GongzuTest;
import org.gongzu.support.MoveInFixture;
import org.junit.jupiter.api.AfterEach;
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
 * A manager changes TenantMoveIn through the API (a renamed step), moves a running case to the new
 * version and the case continues there; rolling back makes the original content the latest again.
 * Every version made here is deleted afterwards, so other tests start cases on the start-up version.
 */
@GongzuTest
class CaseMigrationTest {

    private static final String RENAMED = "登记全部家庭成员信息";

    @Autowired TestRestTemplate http;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired MoveInFixture fixture;

    private final List<String> deployed = new ArrayList<>();

    @AfterEach
    void startUpVersionIsTheLatestAgain() {
        org.gongzu.support.Deployments.delete(repositoryService, deployed);
    }

    @Test
    void aRunningCaseMovesToTheRenamedStepAndContinuesThere() throws Exception {
        ProcessDefinition startUp = latest();
        String original = repositoryFile("processes/TenantMoveIn.bpmn");
        // a version of our own, so that the migration moves only this test's case
        JsonNode source = deploy(original, "测试：迁移前的版本");
        Task waiting = fixture.registrationTaskIn(MoveInFixture.SUB_DISTRICT);
        assertThat(latest().getVersion()).isEqualTo(source.get("version").asInt());

        JsonNode target = deploy(original.replace("name=\"登记家庭成员信息\"", "name=\"" + RENAMED + "\""),
                "成员登记改为登记全部家庭成员");
        assertThat(target.get("diff").get("renamed").get(0).get("id").asText()).isEqualTo("Task_RegisterMembers");
        assertThat(repositoryService.getDeploymentResourceNames(target.get("deploymentId").asText()))
                .contains("TenantMoveIn.bpmn", "household-registration.form", "move-in-confirmation.form");

        JsonNode overview = json(get("/api/models/bpmn/TenantMoveIn/migration"));
        assertThat(overview.get("target").get("version").asInt()).isEqualTo(target.get("version").asInt());
        JsonNode ours = find(overview.get("sources"), "version", source.get("version").asText());
        assertThat(ours.get("instances").asInt()).isEqualTo(1);
        assertThat(ours.get("byStep").get(0).get("activityId").asText()).isEqualTo("Task_RegisterMembers");
        assertThat(ours.get("byStep").get(0).get("name").asText()).isEqualTo("登记家庭成员信息");

        JsonNode preview = json(post("/api/models/bpmn/TenantMoveIn/migration/preview",
                Map.of("sourceVersion", source.get("version").asInt())));
        assertThat(preview.get("movable").asInt()).isEqualTo(1);
        assertThat(preview.get("blocked")).isEmpty();
        assertThat(preview.get("instructions").findValuesAsText("from")).contains("Task_RegisterMembers");

        ResponseEntity<String> started = post("/api/models/bpmn/TenantMoveIn/migration",
                Map.of("sourceVersion", source.get("version").asInt()));
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String batchId = json(started).get("batchId").asText();
        assertThat(json(started).get("instances").asInt()).isEqualTo(1);
        JsonNode status = runBatch(batchId);
        assertThat(status.get("finished").asBoolean()).isTrue();
        assertThat(status.get("failures")).isEmpty();

        // the case runs on the new version and continues there; its open task keeps the name it was
        // created with (Camunda's migration moves task instances, it does not rename them)
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(waiting.getProcessInstanceId())
                .singleResult().getProcessDefinitionId()).isEqualTo(latest().getId());
        Task moved = taskService.createTaskQuery().processInstanceId(waiting.getProcessInstanceId()).singleResult();
        assertThat(moved.getProcessDefinitionId()).isEqualTo(latest().getId());
        assertThat(moved.getTaskDefinitionKey()).isEqualTo("Task_RegisterMembers");
        taskService.complete(moved.getId(), MoveInFixture.members(List.of(MoveInFixture.head())));
        assertThat(taskService.createTaskQuery().processInstanceId(waiting.getProcessInstanceId()).singleResult()
                .getTaskDefinitionKey()).isEqualTo("Task_ConfirmActualPopulation");

        // a new case follows the new model
        assertThat(fixture.registrationTaskIn(MoveInFixture.SUB_DISTRICT).getName()).isEqualTo(RENAMED);

        // rollback: the start-up version's files deployed again as a new version
        ResponseEntity<String> rollback = post("/api/models/bpmn/TenantMoveIn/rollback",
                Map.of("version", startUp.getVersion(), "reason", "恢复原环节名称"));
        assertThat(rollback.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        deployed.add(json(rollback).get("deploymentId").asText());
        assertThat(json(rollback).get("version").asInt()).isEqualTo(target.get("version").asInt() + 1);
        assertThat(json(get("/api/models/bpmn/TenantMoveIn")).get("content").asText())
                .isEqualTo(json(get("/api/models/bpmn/TenantMoveIn?version=" + startUp.getVersion())).get("content").asText());
        assertThat(json(rollback).get("diff").get("renamed").get(0).get("to").asText()).isEqualTo("登记家庭成员信息");
    }

    @Test
    void aStepDeletedInTheNewVersionBlocksItsCasesWithTheReason() throws Exception {
        String original = repositoryFile("processes/TenantMoveIn.bpmn");
        JsonNode source = deploy(original, "测试：迁移前的版本");
        fixture.registrationTaskIn(MoveInFixture.SUB_DISTRICT);
        // the confirmation step keeps its place; member registration gets another id, one that the
        // routing table routes (an earlier version's step), so that the model checks let it deploy
        deploy(original.replace("Task_RegisterMembers", "Task_CheckFacilities"), "测试：成员登记换了编号");

        JsonNode preview = json(post("/api/models/bpmn/TenantMoveIn/migration/preview",
                Map.of("sourceVersion", source.get("version").asInt())));
        assertThat(preview.get("movable").asInt()).isZero();
        assertThat(preview.get("blocked").get(0).get("activityId").asText()).isEqualTo("Task_RegisterMembers");
        assertThat(preview.get("blocked").get(0).get("reason").asText()).isEqualTo(CaseMigrations.DELETED);
    }

    private JsonNode runBatch(String batchId) throws InterruptedException {
        Batch batch = managementService.createBatchQuery().batchId(batchId).singleResult();
        // the job executor may have finished the batch already
        Set<String> definitions = batch == null ? Set.of() : new HashSet<>(List.of(batch.getSeedJobDefinitionId(),
                batch.getMonitorJobDefinitionId(), batch.getBatchJobDefinitionId()));
        long until = System.currentTimeMillis() + 60_000;
        JsonNode status = json(get("/api/models/migrations/" + batchId));
        while (!status.get("finished").asBoolean() && System.currentTimeMillis() < until) {
            for (Job job : managementService.createJobQuery().list()) {
                if (definitions.contains(job.getJobDefinitionId())) {
                    try {
                        managementService.executeJob(job.getId());
                    } catch (RuntimeException racedWithTheJobExecutor) {
                        // the job executor took it first
                    }
                }
            }
            Thread.sleep(200);
            status = json(get("/api/models/migrations/" + batchId));
        }
        return status;
    }

    private JsonNode deploy(String bpmn, String reason) {
        ResponseEntity<String> answer = post("/api/models/deploy", Map.of("kind", "bpmn", "content", bpmn, "reason", reason));
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.CREATED);
        JsonNode result = json(answer);
        deployed.add(result.get("deploymentId").asText());
        return result;
    }

    private ProcessDefinition latest() {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey("TenantMoveIn").latestVersion()
                .singleResult();
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.get(field).asText().equals(value)) {
                return node;
            }
        }
        throw new AssertionError("no " + field + " " + value + " in " + array);
    }

    private ResponseEntity<String> get(String path) {
        return http.withBasicAuth("manager", "demo").getForEntity(path, String.class);
    }

    private ResponseEntity<String> post(String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth("manager", "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
                String.class);
    }
}
