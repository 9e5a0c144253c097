package org.gongzu.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzu.support.MoveInFixture.SUB_DISTRICT;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.gongzu.support.GongzuTest;
import org.gongzu.support.MoveInFixture;
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
 * Who may do what over HTTP: the engine's REST API and the project's own, with the demo users
 * (one per department of 海淀区学院路街道 "hd…" and 朝阳区望京街道 "cy…").
 */
@GongzuTest
class RestSecurityTest {

    @Autowired TestRestTemplate http;
    @Autowired MoveInFixture fixture;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;

    @Test
    void nothingAnswersWithoutLogin() {
        for (String path : List.of("/engine-rest/task", "/engine-rest/engine", "/engine-rest/process-definition",
                "/engine-rest/deployment", "/api/households/HH-2026-000001")) {
            assertThat(http.getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        assertThat(http.postForEntity("/api/leases", json("{}"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("hdcivil", "wrong").getForEntity("/engine-rest/task", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aWrongPasswordDelaysTheNextLogin() {
        assertThat(http.withBasicAuth("hdhealth", "wrong").getForEntity("/engine-rest/task?maxResults=1", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        // Camunda's login throttling: even the right password is refused during the delay
        assertThat(http.withBasicAuth("hdhealth", "demo").getForEntity("/engine-rest/task?maxResults=1", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void administratorSeesTheMoveInProcess() {
        ResponseEntity<String> response = http.withBasicAuth("demo", "demo")
                .getForEntity("/engine-rest/process-definition?key=TenantMoveIn&maxResults=10", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).contains("\"key\":\"TenantMoveIn\"").contains("承租家庭首次入住");
    }

    @Test
    void departmentUsersSeeOnlyTheirOwnDepartmentAndPlace() {
        Task registration = fixture.registrationTaskIn(SUB_DISTRICT);

        assertThat(taskIds("hdrc")).contains(registration.getId());
        assertThat(taskIds("hdpolice")).doesNotContain(registration.getId());
        assertThat(taskIds("cyrc")).doesNotContain(registration.getId());
        assertThat(taskIds("cypolice")).doesNotContain(registration.getId());
        assertThat(http.withBasicAuth("cyrc", "demo").getForEntity("/engine-rest/task/" + registration.getId(),
                String.class).getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    }

    @Test
    void anotherDepartmentOrDistrictCannotCompleteTheTask() {
        Task registration = fixture.registrationTaskIn(SUB_DISTRICT);
        String body = "{\"variables\":{}}";
        for (String user : List.of("cyrc", "hdpolice", "supervisor")) {
            ResponseEntity<String> response = http.withBasicAuth(user, "demo").postForEntity(
                    "/engine-rest/task/" + registration.getId() + "/complete", json(body), String.class);
            assertThat(response.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(taskService.createTaskQuery().taskId(registration.getId()).count()).isEqualTo(1);
    }

    @Test
    void wrongCheckDigitIsRefusedOverRestNamingTheField() {
        Task registration = fixture.registrationTaskIn(SUB_DISTRICT);
        String members = "[{\\\"name\\\":\\\"张三\\\",\\\"idNumber\\\":\\\"110108198503152340\\\",\\\"relation\\\":\\\"HEAD\\\","
                + "\\\"hukou\\\":\\\"BEIJING\\\",\\\"birthDate\\\":\\\"1985-03-15\\\",\\\"employment\\\":\\\"EMPLOYED\\\","
                + "\\\"minLivingAllowance\\\":false}]";
        String body = "{\"variables\":{\"members\":{\"type\":\"Json\",\"value\":\"" + members + "\"}}}";
        for (String route : List.of("/complete", "/submit-form")) {
            ResponseEntity<String> response = http.withBasicAuth("hdrc", "demo").postForEntity(
                    "/engine-rest/task/" + registration.getId() + route, json(body), String.class);
            assertThat(response.getStatusCode()).as(route).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getBody()).contains("\"message\":\"第1位成员的「身份证号码」校验位不正确")
                    .contains("\"fields\":[{\"field\":\"members[0].idNumber\",\"message\":\"第1位成员的「身份证号码」校验位不正确")
                    .doesNotContain("Cannot");
        }
        assertThat(taskService.createTaskQuery().taskId(registration.getId()).count()).isEqualTo(1);
    }

    @Test
    void onlyProcessManagersAndAdministratorsDeploy() {
        for (String user : List.of("hdowner", "hdrc", "supervisor")) {
            assertThat(deploy(user).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(deploy("manager").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void supervisorsReadEveryDistrictButChangeNothing() {
        Task registration = fixture.registrationTaskIn(SUB_DISTRICT);
        assertThat(taskIds("supervisor")).contains(registration.getId());
        ResponseEntity<String> start = http.withBasicAuth("supervisor", "demo").postForEntity(
                "/engine-rest/process-definition/key/TenantMoveIn/start", json("{}"), String.class);
        assertThat(start.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> household = http.withBasicAuth("supervisor", "demo").getForEntity(
                "/api/households/" + caseOf(registration), String.class);
        assertThat(household.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(household.getBody()).contains("110108**********47").doesNotContain(MoveInFixture.HEAD_BEIJING);
    }

    @Test
    void leaseSystemStartsTheMoveInForItsOwnSubDistrictOnly() {
        String project = fixture.occupiedProject(SUB_DISTRICT);
        String lease = "{\"projectId\":\"" + project + "\",\"unitNo\":\"2-1-301\",\"leaseNo\":\"API-" + project
                + "\",\"leaseSignedOn\":\"2026-03-01\",\"headName\":\"赵六\",\"headIdNumber\":\"" + MoveInFixture.HEAD_BEIJING + "\"}";

        ResponseEntity<String> foreign = http.withBasicAuth("cyowner", "demo").postForEntity("/api/leases", json(lease), String.class);
        assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refusal(foreign)).isEqualTo(Map.of("message", "「公租房项目」不属于您所在的产权单位，无权登记该项目的租赁合同",
                "fields", List.of(Map.of("field", "projectId", "message", "「公租房项目」不属于您所在的产权单位，无权登记该项目的租赁合同"))));

        ResponseEntity<Map> created = http.withBasicAuth("hdowner", "demo").postForEntity("/api/leases", json(lease), Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseId = (String) created.getBody().get("caseId");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseId).count()).isEqualTo(1);

        ResponseEntity<String> again = http.withBasicAuth("hdowner", "demo").postForEntity("/api/leases", json(lease), String.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refusal(again)).isEqualTo(Map.of("message", "「租赁合同编号」已登记过，不能重复登记",
                "fields", List.of(Map.of("field", "leaseNo", "message", "「租赁合同编号」已登记过，不能重复登记"))));
    }

    @Test
    void householdDataIsShownOnlyToThoseWorkingTheCase() {
        Task registration = fixture.registrationTaskIn(SUB_DISTRICT);
        String path = "/api/households/" + caseOf(registration);
        ResponseEntity<String> rc = http.withBasicAuth("hdrc", "demo").getForEntity(path, String.class);
        assertThat(rc.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rc.getBody()).contains(MoveInFixture.HEAD_BEIJING);
        for (String user : List.of("cyrc", "hdpolice", "hdedu")) {
            assertThat(http.withBasicAuth(user, "demo").getForEntity(path, String.class).getStatusCode())
                    .as(user).isEqualTo(HttpStatus.NOT_FOUND);
        }
    }


    @SuppressWarnings("unchecked")
    private static Map<String, Object> refusal(ResponseEntity<String> response) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(response.getBody(), Map.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("Not JSON: " + response.getBody(), e);
        }
    }

    private String caseOf(Task task) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .singleResult().getBusinessKey();
    }

    @SuppressWarnings("unchecked")
    private List<String> taskIds(String user) {
        ResponseEntity<List> response = http.withBasicAuth(user, "demo")
                .getForEntity("/engine-rest/task?maxResults=1000", List.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return ((List<Map<String, Object>>) response.getBody()).stream().map(t -> (String) t.get("id")).toList();
    }

    private ResponseEntity<String> deploy(String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", "security-test-" + user);
        parts.add("data", new ByteArrayResource(SAMPLE_BPMN.replace("KEY", "SecurityTest" + user).getBytes()) {
            @Override
            public String getFilename() {
                return "sample.bpmn";
            }
        });
        return http.withBasicAuth(user, "demo").postForEntity("/engine-rest/deployment/create",
                new HttpEntity<>(parts, headers), String.class);
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static final String SAMPLE_BPMN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                targetNamespace="http://gongzu.org/test">
              <process id="KEY" isExecutable="true" camunda:historyTimeToLive="1">
                <startEvent id="StartEvent_Started" />
              </process>
            </definitions>
            """;
}
