package org.gongzu.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.gongzu.support.GongzuTest;
import org.gongzu.support.MoveInFixture;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** processes/ and forms/ reach the engine together, once, and Tasklist gets the Camunda Forms. */
@GongzuTest
class ModelDeploymentTest {

    @Autowired RepositoryService repositoryService;
    @Autowired TaskService taskService;
    @Autowired ModelDeployer deployer;
    @Autowired MoveInFixture fixture;
    @Autowired TestRestTemplate http;

    @Test
    void modelsAndFormsAreDeployedTogetherAndNotAgainWhenUnchanged() {
        List<Deployment> before = gongzuDeployments();
        assertThat(before).isNotEmpty();
        List<String> resources = repositoryService.getDeploymentResourceNames(before.get(0).getId());
        assertThat(resources).contains("TenantMoveIn.bpmn", "TaskRouting.dmn", "household-registration.form",
                "lease-signed.form", "move-in-confirmation.form", "facility-check.form", "facility-arrangement.form",
                "actual-population-confirmation.form", "floating-population-registration.form");

        deployer.afterSingletonsInstantiated();

        assertThat(gongzuDeployments()).hasSameSizeAs(before);
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

    private List<Deployment> gongzuDeployments() {
        return repositoryService.createDeploymentQuery().deploymentName(ModelDeployer.DEPLOYMENT_NAME).list();
    }
}
