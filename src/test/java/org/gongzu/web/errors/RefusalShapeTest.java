package org.gongzu.web.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzu.support.MoveInFixture.SUB_DISTRICT;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.gongzu.support.GongzuTest;
import org.gongzu.support.MoveInFixture;
import org.gongzu.support.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every REST surface refuses bad input with the same body, {"message", "fields":[{"field","message"}]},
 * in Chinese and without ids, class names or engine internals: the project's /api, Camunda's
 * /engine-rest and the webapps' /camunda/api/engine that Tasklist uses.
 */
@GongzuTest
class RefusalShapeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEEP = "[".repeat(20_000) + "]".repeat(20_000);
    private static final String OVERSIZED = "x".repeat(3 * 1024 * 1024);
    private static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";

    @Autowired TestRestTemplate http;
    @Autowired MoveInFixture fixture;
    @Autowired TaskService taskService;
    @Autowired JdbcTemplate jdbc;

    @Test
    void malformedLeaseIsRefusedWithoutNamingAClass() {
        for (String body : List.of("{\"projectId\":", "[1,2]", "{\"leaseNo\":12,")) {
            ResponseEntity<String> response = lease(body);
            JsonNode refusal = badRequest(response);
            assertThat(refusal.get("message").asText()).as(body).isEqualTo(ErrorTranslator.MALFORMED);
            assertThat(refusal.get("fields")).isEmpty();
        }
        // an object where a text belongs: the field is named
        JsonNode objectForText = badRequest(lease("{\"projectId\":{\"a\":1}}"));
        assertThat(objectForText.at("/fields/0/field").asText()).isEqualTo("projectId");
    }

    @Test
    void deeplyNestedOrOversizedLeaseIsRefused() {
        int before = households();
        for (String body : List.of("{\"note\":" + DEEP + "}", "{\"headName\":\"" + OVERSIZED + "\"}",
                "{\"note\":" + "{\"a\":".repeat(100) + "1" + "}".repeat(100) + "}")) {
            JsonNode refusal = badRequest(lease(body));
            assertThat(refusal.get("message").asText()).isEqualTo(ErrorTranslator.TOO_LARGE);
        }
        assertThat(badRequest(lease("{\"headName\":" + DEEP + "}")).get("message").asText()).isEqualTo(ErrorTranslator.TOO_LARGE);
        assertThat(households()).isEqualTo(before);
    }

    @Test
    void bodiesSentWithoutALengthAreLimitedToo() throws Exception {
        assertThat(chunkedLease("{\"headName\":\"" + OVERSIZED + "\"}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        // within the limit, the body read by the filter still reaches the API
        ResponseEntity<String> small = chunkedLease("{\"projectId\":");
        assertThat(badRequest(small).get("message").asText()).isEqualTo(ErrorTranslator.MALFORMED);
    }

    @Test
    void refusedLeaseNamesEveryField() {
        String project = fixture.occupiedProject(SUB_DISTRICT);
        JsonNode refusal = badRequest(lease("{\"projectId\":\"" + project + "\",\"unitNo\":\"1-1-101\",\"leaseNo\":\"L-SHAPE\","
                + "\"leaseSignedOn\":\"2026-01-10\",\"headName\":\"张三\",\"headIdNumber\":\"" + MoveInFixture.WRONG_CHECK_DIGIT + "\"}"));
        assertThat(refusal.get("fields")).hasSize(1);
        assertThat(refusal.at("/fields/0/field").asText()).isEqualTo("headIdNumber");
        assertThat(refusal.at("/fields/0/message").asText()).contains("「承租人身份证号码」");
        assertThat(refusal.get("message").asText()).isEqualTo(refusal.at("/fields/0/message").asText());
    }

    @Test
    void engineRestSubmitFormRefusalNamesTheFields() {
        Task task = fixture.registrationTaskIn(SUB_DISTRICT);
        ResponseEntity<String> response = http.withBasicAuth("hdrc", "demo").postForEntity(
                "/engine-rest/task/" + task.getId() + "/submit-form", json(wrongCheckDigitMembers()), String.class);
        assertWrongCheckDigitRefused(response, task);
    }

    @Test
    void webappSubmitFormRefusalNamesTheFields() {
        Task task = fixture.registrationTaskIn(SUB_DISTRICT);
        ResponseEntity<String> response = WebappSession.asEntity(WebappSession.login(http, "hdrc")
                .postJson(WEBAPP_ENGINE + "/task/" + task.getId() + "/submit-form", wrongCheckDigitMembers()));
        assertWrongCheckDigitRefused(response, task);
    }

    @Test
    void webappStartFormRefusalHasNoEngineInternals() {
        String project = fixture.occupiedProject(SUB_DISTRICT);
        String variables = "{\"variables\":{\"projectId\":{\"value\":\"" + project + "\"},\"unitNo\":{\"value\":\"1-1-101\"},"
                + "\"leaseNo\":{\"value\":\"L-WEBAPP-START\"},\"leaseSignedOn\":{\"value\":\"2026-01-10\"},"
                + "\"headName\":{\"value\":\"张三\"},\"headIdNumber\":{\"value\":\"" + MoveInFixture.WRONG_CHECK_DIGIT + "\"}}}";
        ResponseEntity<String> response = WebappSession.asEntity(WebappSession.login(http, "hdowner")
                .postJson(WEBAPP_ENGINE + "/process-definition/key/TenantMoveIn/submit-form", variables));
        JsonNode refusal = badRequest(response);
        assertThat(refusal.at("/fields/0/field").asText()).isEqualTo("headIdNumber");
        assertThat(jdbc.queryForObject("select count(*) from household where lease_no = 'L-WEBAPP-START'", Integer.class)).isZero();
    }

    @Test
    void deeplyNestedOrOversizedSubmissionIsRefusedOnBothCamundaSurfaces() {
        Task task = fixture.registrationTaskIn(SUB_DISTRICT);
        String path = "/task/" + task.getId() + "/submit-form";
        WebappSession webapp = WebappSession.login(http, "hdrc");
        List<String> bodies = List.of(
                "{\"variables\":{\"member1\":{\"value\":" + DEEP + "}}}",
                "{\"variables\":{\"note\":{\"value\":\"" + OVERSIZED + "\"}}}");
        for (String body : bodies) {
            assertThat(badRequest(http.withBasicAuth("hdrc", "demo").postForEntity("/engine-rest" + path, json(body), String.class))
                    .get("message").asText()).isEqualTo(ErrorTranslator.TOO_LARGE);
            assertThat(badRequest(WebappSession.asEntity(webapp.postJson(WEBAPP_ENGINE + path, body))).get("message").asText())
                    .isEqualTo(ErrorTranslator.TOO_LARGE);
        }
        // a Json variable (Spin) nested deeper than the limit: refused, and the variable named
        String deepJsonVariable = "{\"variables\":{\"memberCount\":{\"value\":1},"
                + "\"member1\":{\"type\":\"Json\",\"value\":\"" + DEEP + "\"}}}";
        for (ResponseEntity<String> response : List.of(
                http.withBasicAuth("hdrc", "demo").postForEntity("/engine-rest" + path, json(deepJsonVariable), String.class),
                WebappSession.asEntity(webapp.postJson(WEBAPP_ENGINE + path, deepJsonVariable)))) {
            JsonNode refusal = badRequest(response);
            assertThat(refusal.get("message").asText()).isEqualTo(ErrorTranslator.TOO_LARGE);
            assertThat(refusal.at("/fields/0/field").asText()).isEqualTo("member1");
        }
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    }

    @Test
    void forbiddenNotFoundAndQueryCapAnswerInChinese() {
        Task task = fixture.registrationTaskIn(SUB_DISTRICT);
        ResponseEntity<String> forbidden = http.withBasicAuth("hdpolice", "demo").postForEntity(
                "/engine-rest/task/" + task.getId() + "/complete", json("{\"variables\":{}}"), String.class);
        assertThat(forbidden.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(body(forbidden)).isEqualTo(Map.of("message", ErrorTranslator.FORBIDDEN));

        ResponseEntity<String> missing = http.withBasicAuth("hdrc", "demo").getForEntity("/engine-rest/task/no-such-task", String.class);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(body(missing)).isEqualTo(Map.of("message", ErrorTranslator.TASK_NOT_FOUND));

        ResponseEntity<String> household = http.withBasicAuth("hdrc", "demo").getForEntity("/api/households/HH-NONE", String.class);
        assertThat(household.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(body(household)).isEqualTo(Map.of("message", "没有找到该案卷，或您无权查看"));

        JsonNode unbounded = badRequest(http.withBasicAuth("demo", "demo").getForEntity("/engine-rest/task", String.class));
        assertThat(unbounded.get("message").asText()).isEqualTo(ErrorTranslator.QUERY_CAP);
    }

    @Test
    void springErrorPageCarriesNoInternalMessage() {
        for (ResponseEntity<String> response : List.of(http.getForEntity("/error", String.class),
                http.withBasicAuth("hdrc", "demo").getForEntity("/api/no-such-resource", String.class),
                http.withBasicAuth("hdowner", "demo").postForEntity("/api/leases", new HttpEntity<>("a=b"), String.class))) {
            assertThat(response.getStatusCode().isError()).isTrue();
            assertThat(response.getBody()).doesNotContainPattern("[A-Za-z]{4,}[.:]|Exception|static resource|Content-Type")
                    .contains(ErrorTranslator.messageFor(response.getStatusCode().value()));
        }
    }

    private void assertWrongCheckDigitRefused(ResponseEntity<String> response, Task task) {
        JsonNode refusal = badRequest(response);
        // the refused member does not count, so the lease holder is missing from the household too
        assertThat(refusal.get("fields")).extracting(field -> field.get("field").asText())
                .containsExactly("members[0].idNumber", "members");
        assertThat(refusal.at("/fields/0/message").asText()).startsWith("第1位成员的「身份证号码」校验位不正确");
        assertThat(refusal.get("message").asText()).isEqualTo(refusal.at("/fields/0/message").asText() + "；"
                + refusal.at("/fields/1/message").asText());
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    }

    private static String wrongCheckDigitMembers() {
        String members = "[{\\\"name\\\":\\\"张三\\\",\\\"idNumber\\\":\\\"" + MoveInFixture.WRONG_CHECK_DIGIT + "\\\","
                + "\\\"relation\\\":\\\"HEAD\\\",\\\"hukou\\\":\\\"BEIJING\\\",\\\"birthDate\\\":\\\"1985-03-15\\\","
                + "\\\"employment\\\":\\\"EMPLOYED\\\",\\\"minLivingAllowance\\\":false}]";
        return "{\"variables\":{\"members\":{\"type\":\"Json\",\"value\":\"" + members + "\"}}}";
    }

    /** A 400 in the one refusal shape, with nothing internal in it. */
    static JsonNode badRequest(ResponseEntity<String> response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isNotNull()
                .matches(type -> type.isCompatibleWith(MediaType.APPLICATION_JSON));
        JsonNode refusal = tree(response.getBody());
        assertThat(refusal.properties()).extracting(Map.Entry::getKey).containsExactlyInAnyOrder("message", "fields");
        assertThat(refusal.get("fields").isArray()).isTrue();
        refusal.get("fields").forEach(field -> assertThat(field.properties()).extracting(Map.Entry::getKey)
                .containsExactly("field", "message"));
        assertNoInternals(refusal.get("message").asText());
        refusal.get("fields").forEach(field -> assertNoInternals(field.get("message").asText()));
        return refusal;
    }

    static void assertNoInternals(String message) {
        assertThat(message).containsPattern("\\p{IsHan}")
                .doesNotContainPattern("Cannot|Exception|org\\.|java\\.|\\$|[0-9a-f]{8}-[0-9a-f]{4}|ENGINE-|SPIN/|select |insert |constraint");
    }

    static Map<String, Object> body(ResponseEntity<String> response) {
        try {
            return JSON.readValue(response.getBody(), Map.class);
        } catch (java.io.IOException e) {
            throw new AssertionError("Not JSON: " + response.getBody(), e);
        }
    }

    private static JsonNode tree(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError("Not JSON: " + body, e);
        }
    }

    private int households() {
        return jdbc.queryForObject("select count(*) from household", Integer.class);
    }

    /** POST /api/leases with chunked transfer encoding: no Content-Length. */
    private ResponseEntity<String> chunkedLease(String body) throws java.io.IOException {
        java.net.HttpURLConnection connection = (java.net.HttpURLConnection) new java.net.URL(
                http.getRootUri() + "/api/leases").openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setChunkedStreamingMode(8192);
        connection.setRequestProperty("Content-Type", "application/json");
        connection.setRequestProperty("Authorization", "Basic " + java.util.Base64.getEncoder()
                .encodeToString("hdowner:demo".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        try (var out = connection.getOutputStream()) {
            out.write(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            // the server may answer and close before the whole oversized body is sent
        }
        int status = connection.getResponseCode();
        try (var in = connection.getErrorStream() != null ? connection.getErrorStream() : connection.getInputStream()) {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.parseMediaType(connection.getContentType()));
            return new ResponseEntity<>(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), headers,
                    HttpStatus.valueOf(status));
        }
    }

    private ResponseEntity<String> lease(String body) {
        return http.withBasicAuth("hdowner", "demo").postForEntity("/api/leases", json(body), String.class);
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
