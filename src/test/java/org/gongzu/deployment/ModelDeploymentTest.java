package org.gongzu.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.gongzu.support.GongzuTest;
import org.gongzu.support.MoveInFixture;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Each process reaches the engine with the forms it names, each decision alone, once per change
 * (docs/adr/0016); what a manager deployed is not overwritten; Tasklist gets the Camunda Forms.
 */
@GongzuTest
class ModelDeploymentTest {

    @Autowired RepositoryService repositoryService;
    @Autowired TaskService taskService;
    @Autowired ModelDeployer deployer;
    @Autowired MoveInFixture fixture;
    @Autowired TestRestTemplate http;

    @Test
    void eachProcessIsDeployedWithExactlyTheFormsItNamesAndEachDecisionAlone() {
        ProcessDefinition moveIn = latestProcess("TenantMoveIn");
        assertThat(repositoryService.getDeploymentResourceNames(moveIn.getDeploymentId())).containsExactlyInAnyOrder(
                "TenantMoveIn.bpmn", "household-registration.form", "lease-signed.form", "move-in-confirmation.form",
                "actual-population-confirmation.form", "floating-population-registration.form", "late-step-escalation.form");
        assertThat(repositoryService.getDeploymentResourceNames(latestProcess("FacilityHandover").getDeploymentId()))
                .containsExactlyInAnyOrder("FacilityHandover.bpmn", "facility-handover-preparation.form",
                        "facility-inspection.form", "facility-in-use.form", "late-facility.form");
        assertThat(repositoryService.getDeploymentResourceNames(latestProcess("CommitteeSetup").getDeploymentId()))
                .containsExactlyInAnyOrder("CommitteeSetup.bpmn", "committee-stage.form", "committee-election.form",
                        "late-stage-supervision.form");
        assertThat(repositoryService.getDeploymentResourceNames(latestDecision("FacilityReceivingDepartment")
                .getDeploymentId())).containsExactly("FacilityReceivingDepartment.dmn");
        DecisionDefinition routing = latestDecision("TaskRouting");
        assertThat(repositoryService.getDeploymentResourceNames(routing.getDeploymentId())).containsExactly("TaskRouting.dmn");
        assertThat(repositoryService.createDeploymentQuery().deploymentId(moveIn.getDeploymentId()).singleResult().getName())
                .isEqualTo("TenantMoveIn");
    }

    /** Every process and decision of processes/, by its file name (= its id), whatever processes there are. */
    private static java.util.List<String> modelsInTheRepository() {
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(java.nio.file.Path.of("processes"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".bpmn") || n.endsWith(".dmn"))
                    .map(n -> n.substring(0, n.lastIndexOf('.'))).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void redeployingAnUnchangedRepositoryKeepsEveryVersion() {
        deployer.deploy(ModelDeployer.repositoryModels());
        Map<String, Integer> before = versions();
        long deployments = repositoryService.createDeploymentQuery().count();

        Map<String, ModelDeployer.Outcome> outcomes = deployer.deploy(ModelDeployer.repositoryModels());

        // every process and decision of the repository, each its own deployment, keeps its version
        assertThat(outcomes.keySet()).containsExactlyInAnyOrderElementsOf(modelsInTheRepository());
        assertThat(outcomes.values()).containsOnly(ModelDeployer.Outcome.UNCHANGED);
        assertThat(versions()).isEqualTo(before);
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void aChangedFormVersionsOnlyTheProcessesThatNameIt() {
        deployer.deploy(ModelDeployer.repositoryModels());
        Map<String, Integer> before = versions();
        List<ModelDeployer.Model> changed = ModelDeployer.repositoryModels().stream()
                .map(m -> m.fileName().equals("move-in-confirmation.form")
                        ? new ModelDeployer.Model(m.fileName(), (new String(m.content(), StandardCharsets.UTF_8) + "\n")
                                .getBytes(StandardCharsets.UTF_8))
                        : m)
                .toList();
        try {
            Map<String, ModelDeployer.Outcome> outcomes = deployer.deploy(changed);
            assertThat(outcomes).containsEntry("TenantMoveIn", ModelDeployer.Outcome.DEPLOYED)
                    .containsEntry("TaskRouting", ModelDeployer.Outcome.UNCHANGED);
            assertThat(latestProcess("TenantMoveIn").getVersion()).isEqualTo(before.get("TenantMoveIn") + 1);
            assertThat(latestDecision("TaskRouting").getVersion()).isEqualTo(before.get("TaskRouting"));
        } finally {
            deployer.deploy(ModelDeployer.repositoryModels());
        }
    }

    @Test
    void aRoutingTableAManagerDeployedIsNotOverwrittenAtStartUp() throws Exception {
        // the manager gives member registration to the sub-district office instead of the committee
        String repositoryTable = new String(ModelDeployer.repositoryModels().stream()
                .filter(m -> m.fileName().equals("TaskRouting.dmn")).findFirst().orElseThrow().content(), StandardCharsets.UTF_8);
        String rule = "<outputEntry id=\"OutputEntry_TenantMoveIn_05\"><text>&quot;rc-&quot;";
        assertThat(repositoryTable).contains(rule);
        byte[] table = repositoryTable.replace(rule, rule.replace("rc-", "sdo-")).getBytes(StandardCharsets.UTF_8);
        Deployment managers = repositoryService.createDeployment().name("经理调整派单规则").source("Camunda Modeler")
                .addInputStream("TaskRouting.dmn", new ByteArrayInputStream(table)).deploy();
        try {
            DecisionDefinition theirs = latestDecision("TaskRouting");
            assertThat(theirs.getDeploymentId()).isEqualTo(managers.getId());

            Map<String, ModelDeployer.Outcome> outcomes = deployer.deploy(ModelDeployer.repositoryModels());

            assertThat(outcomes).containsEntry("TaskRouting", ModelDeployer.Outcome.KEPT_MANAGERS_VERSION);
            assertThat(latestDecision("TaskRouting").getId()).isEqualTo(theirs.getId());
            // and cases are routed by the manager's table at once
            Task registration = fixture.registrationTaskIn(MoveInFixture.SUB_DISTRICT);
            assertThat(taskService.getIdentityLinksForTask(registration.getId())).extracting(l -> l.getGroupId())
                    .containsExactly("sdo-" + MoveInFixture.SUB_DISTRICT);
        } finally {
            repositoryService.deleteDeployment(managers.getId(), true);
        }
        // with the manager's deployment gone, the repository's table routes again
        Task registration = fixture.registrationTaskIn(MoveInFixture.SUB_DISTRICT);
        assertThat(taskService.getIdentityLinksForTask(registration.getId())).extracting(l -> l.getGroupId())
                .containsExactly("rc-" + MoveInFixture.SUB_DISTRICT);
    }

    private Map<String, Integer> versions() {
        return Map.of("TenantMoveIn", latestProcess("TenantMoveIn").getVersion(),
                "TaskRouting", latestDecision("TaskRouting").getVersion());
    }

    private ProcessDefinition latestProcess(String key) {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
    }

    private DecisionDefinition latestDecision(String key) {
        return repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult();
    }

    @Test
    void registrationTaskServesItsChineseCamundaFormToTasklist() {
        Task registration = fixture.registrationTaskIn(MoveInFixture.SUB_DISTRICT);

        ResponseEntity<String> formKey = http.withBasicAuth("hdrc", "demo")
                .getForEntity("/engine-rest/task/" + registration.getId() + "/form", String.class);
        assertThat(formKey.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(formKey.getBody()).contains("household-registration");

        ResponseEntity<String> form = http.withBasicAuth("hdrc", "demo")
                .getForEntity("/engine-rest/task/" + registration.getId() + "/deployed-form", String.class);
        assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(form.getBody()).contains("\"id\": \"household-registration\"").contains("登记家庭成员信息")
                .contains("\"path\": \"member1\"").contains("身份证号码");

        assertThat(http.withBasicAuth("cyrc", "demo").getForEntity("/engine-rest/task/" + registration.getId()
                + "/deployed-form", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void startFormIsServedToPropertyOwners() {
        ResponseEntity<String> form = http.withBasicAuth("hdowner", "demo")
                .getForEntity("/engine-rest/process-definition/key/TenantMoveIn/deployed-start-form", String.class);
        assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(form.getBody()).contains("\"id\": \"lease-signed\"").contains("承租人身份证号码");
    }

}
