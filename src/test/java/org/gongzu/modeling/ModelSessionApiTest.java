package org.gongzu.modeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzu.modeling.ModelApiTest.trialDecision;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.gongzu.support.GongzuTest;
import org.gongzu.support.WebappSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The model API as the 「流程设计」 page calls it: /camunda/api/gongzu/models with the Cockpit session,
 * changing requests carrying the X-XSRF-TOKEN header. Only a test-only decision gets new versions.
 */
@GongzuTest
class ModelSessionApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODELS = "/camunda/api/gongzu/models";

    @Autowired TestRestTemplate http;
    @Autowired RepositoryService repositoryService;

    private final List<String> deployed = new ArrayList<>();

    @AfterEach
    void removeTestDeployments() {
        deployed.forEach(id -> repositoryService.deleteDeployment(id, true));
    }

    @Test
    void aManagerInCockpitReadsChecksComparesAndDeploysWithTheCsrfToken() throws Exception {
        WebappSession cockpit = new WebappSession(http.getRootUri());
        assertThat(cockpit.login("manager", "cockpit")).isEqualTo(200);

        HttpResponse<String> list = cockpit.get(MODELS);
        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode moveIn = find(JSON.readTree(list.body()), "TenantMoveIn");
        assertThat(moveIn.get("kind").asText()).isEqualTo("bpmn");
        assertThat(moveIn.get("versions")).isNotEmpty();
        assertThat(moveIn.get("latestVersion").asInt()).isPositive();
        String content = JSON.readTree(cockpit.get(MODELS + "/bpmn/TenantMoveIn").body()).get("content").asText();

        HttpResponse<String> check = cockpit.postJson(MODELS + "/check", JSON.writeValueAsString(
                Map.of("kind", "bpmn", "fileName", "TenantMoveIn.bpmn", "content", content)));
        assertThat(check.statusCode()).as(check.body()).isEqualTo(200);
        assertThat(JSON.readTree(check.body()).get("problems")).isEmpty();
        HttpResponse<String> diff = cockpit.postJson(MODELS + "/diff", JSON.writeValueAsString(
                Map.of("kind", "bpmn", "key", "TenantMoveIn", "content", content)));
        assertThat(JSON.readTree(diff.body()).get("renamed")).isEmpty();

        String body = JSON.writeValueAsString(Map.of("kind", "dmn", "content", trialDecision("\"low\"", "0.6"),
                "reason", "在流程设计页部署"));
        HttpResponse<String> deploy = cockpit.postJson(MODELS + "/deploy", body);
        assertThat(deploy.statusCode()).as(deploy.body()).isEqualTo(201);
        JsonNode result = JSON.readTree(deploy.body());
        deployed.add(result.get("deploymentId").asText());

        JsonNode audited = JSON.readTree(cockpit.get(MODELS + "/audit?key=TrialRentDiscount").body()).get(0);
        assertThat(audited.get("reason").asText()).isEqualTo("在流程设计页部署");
        assertThat(audited.get("user").asText()).isEqualTo("manager");

        // a forged cross-site request carries the session cookie but not the token
        assertThat(cockpit.postJsonWithoutCsrfToken(MODELS + "/deploy", body).statusCode()).isEqualTo(403);
        assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("TrialRentDiscount").count())
                .isEqualTo(1);
    }

    @Test
    void aRefusedDeploymentAnswersItsProblemsAtTheTopLevel() throws Exception {
        WebappSession cockpit = new WebappSession(http.getRootUri());
        cockpit.login("manager", "cockpit");
        HttpResponse<String> refused = cockpit.postJson(MODELS + "/deploy", JSON.writeValueAsString(Map.of("kind", "dmn",
                "content", trialDecision("\"low\"", "0.6").replace(" camunda:historyTimeToLive=\"30\"", ""),
                "reason", "缺少历史保留期")));
        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode answer = JSON.readTree(refused.body());
        assertThat(answer.get("message").asText()).contains("未通过部署检查");
        assertThat(answer.get("problems").get(0).get("message").asText()).isNotBlank();
    }

    @Test
    void aSupervisorInCockpitReadsTheAuditOnlyAndStaffNothing() {
        WebappSession supervisor = new WebappSession(http.getRootUri());
        assertThat(supervisor.login("supervisor", "cockpit")).isEqualTo(200);
        assertThat(supervisor.get(MODELS + "/audit").statusCode()).isEqualTo(200);
        assertThat(supervisor.get(MODELS).statusCode()).isEqualTo(403);
        assertThat(supervisor.postJson(MODELS + "/check", "{\"kind\":\"dmn\",\"content\":\"x\"}").statusCode())
                .isEqualTo(403);
        assertThat(supervisor.get("/camunda/api/gongzu/actions").body()).contains("\"model-audit\":true",
                "\"model-deploy\":false");

        WebappSession staff = WebappSession.login(http, "hdrc");
        assertThat(staff.get(MODELS).statusCode()).isEqualTo(403);
        assertThat(staff.get(MODELS + "/audit").statusCode()).isEqualTo(403);
        assertThat(staff.get("/camunda/api/gongzu/actions").body()).contains("\"model-audit\":false");
    }

    private static JsonNode find(JsonNode models, String key) {
        for (JsonNode model : models) {
            if (model.get("key").asText().equals(key)) {
                return model;
            }
        }
        throw new AssertionError("no model " + key);
    }
}
