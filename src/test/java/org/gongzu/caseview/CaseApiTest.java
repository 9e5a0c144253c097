package org.gongzu.caseview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.gongzu.casefile.CaseDocuments;
import org.gongzu.support.GongzuTest;
import org.gongzu.support.MoveInFixture;
import org.gongzu.support.TestUsers;
import org.gongzu.support.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The case beside a task, over /api (HTTP Basic) and the webapps' session: what each department
 * sees of a household, documents with their checks and rights, 已办, 转办 with a reason, 退回.
 */
@GongzuTest
class CaseApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};

    @Autowired TestRestTemplate http;
    @Autowired MoveInFixture fixture;
    @Autowired TaskService taskService;
    @Autowired org.camunda.bpm.engine.RuntimeService runtimeService;
    @Autowired IdentityService identityService;
    @Autowired JdbcTemplate jdbc;

    /** A household whose members are registered; its case waits for the police (hdpolice). */
    private String householdAtThePolice() {
        return fixture.caseOf(fixture.policeStepIn(MoveInFixture.SUB_DISTRICT));
    }

    private JsonNode caseAs(String user, String caseId) throws Exception {
        ResponseEntity<String> view = http.withBasicAuth(user, "demo").getForEntity("/api/cases/" + caseId, String.class);
        assertThat(view.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
        return JSON.readTree(view.getBody());
    }

    @Test
    void eachDepartmentSeesWhatItsStepNeedsOfTheHousehold() throws Exception {
        String caseId = householdAtThePolice();
        String fullId = MoveInFixture.SPOUSE_BEIJING;
        String maskedId = fullId.substring(0, 6) + "**********" + fullId.substring(16);

        JsonNode police = caseAs("hdpolice", caseId).path("household");
        assertThat(police.path("members").get(1).path("idNumber").asText()).isEqualTo(fullId);
        assertThat(police.path("members").get(1).path("hukou").asText()).isEqualTo("BEIJING");
        assertThat(police.path("members").get(1).has("employment")).isFalse();

        JsonNode rc = caseAs("hdrc", caseId).path("household");
        assertThat(rc.path("members").get(1).path("idNumber").asText()).isEqualTo(fullId);
        assertThat(rc.path("members").get(1).path("employment").asText()).isEqualTo("EMPLOYED");
        assertThat(rc.path("members").get(1).path("minLivingAllowance").asBoolean()).isFalse();

        JsonNode owner = caseAs("hdowner", caseId).path("household");
        assertThat(owner.path("headIdNumber").asText()).isEqualTo(MoveInFixture.HEAD_BEIJING);
        assertThat(owner.path("members").get(1).path("idNumber").asText()).isEqualTo(maskedId);
        assertThat(owner.path("members").get(1).has("birthDate")).isFalse();
        assertThat(owner.path("members").get(1).has("hukou")).isFalse();

        JsonNode supervisor = caseAs("supervisor", caseId).path("household");
        assertThat(supervisor.path("headIdNumber").asText()).doesNotContain(MoveInFixture.HEAD_BEIJING).contains("*");
        assertThat(supervisor.path("members").get(1).path("idNumber").asText()).isEqualTo(maskedId);

        JsonNode admin = caseAs("demo", caseId).path("household");
        assertThat(admin.path("members").get(1).path("idNumber").asText()).isEqualTo(fullId);

        // departments not on the case: not found, nothing shown
        for (String stranger : List.of("hdedu", "hdsso", "cypolice", "manager")) {
            ResponseEntity<String> view = http.withBasicAuth(stranger, "demo").getForEntity("/api/cases/" + caseId,
                    String.class);
            assertThat(view.getStatusCode()).as(stranger).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(view.getBody()).as(stranger).doesNotContain("王五");
        }
        // the steps done, with department and person
        JsonNode steps = caseAs("hdpolice", caseId).path("stepsDone");
        assertThat(steps.toString()).contains("确认入住并交付钥匙", "登记家庭成员信息", "学院路街道 居委会");
        assertThat(caseAs("hdpolice", caseId).path("processes").get(0).path("waitingAt").toString()).contains("核对录入实有人口信息");
    }

    @Test
    void theHouseholdViewListsEveryProcessOfTheCaseWithItsStepDepartmentDueDateAndOutcome() throws Exception {
        String caseId = householdAtThePolice();
        Task police = taskService.createTaskQuery().processInstanceBusinessKey(caseId).singleResult();
        police.setDueDate(java.sql.Timestamp.valueOf("2027-03-05 17:00:00"));
        taskService.saveTask(police);
        // what a process is about and how it ended are its own process-wide variables; a step's are not
        runtimeService.setVariable(police.getProcessInstanceId(), org.gongzu.casefile.CaseVariables.SUBJECT, "承租家庭入住");
        taskService.setVariableLocal(police.getId(), org.gongzu.casefile.CaseVariables.OUTCOME, "未结束的环节");

        for (String path : List.of("/api/households/" + caseId, "/api/cases/" + caseId)) {
            ResponseEntity<String> view = http.withBasicAuth("hdpolice", "demo").getForEntity(path, String.class);
            assertThat(view.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
            JsonNode root = JSON.readTree(view.getBody());
            JsonNode process = root.path("processes").get(0);
            assertThat(process.path("processKey").asText()).as(path).isEqualTo("TenantMoveIn");
            assertThat(process.path("subject").asText()).as(path).isEqualTo("承租家庭入住");
            assertThat(process.path("ended").asBoolean()).as(path).isFalse();
            assertThat(process.has("outcome")).as(path).isFalse();
            JsonNode step = process.path("waitingAt").get(0);
            assertThat(step.path("name").asText()).as(path).isEqualTo("核对录入实有人口信息");
            assertThat(step.path("departments").toString()).as(path).contains("学院路街道 派出所");
            assertThat(step.path("due").asText()).as(path).startsWith("2027-03-05");
        }
        // a department not on the case learns nothing of its processes
        assertThat(http.withBasicAuth("hdedu", "demo").getForEntity("/api/households/" + caseId, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aCaseOfAnotherKindIsShownToTheDepartmentsItsTasksWentToOnly() throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> posted = http.withBasicAuth("hdsso", "demo").postForEntity("/api/job-openings",
                new HttpEntity<>("{\"subDistrictCode\":\"110108015\",\"employer\":\"学院路社区超市\",\"title\":\"理货员\","
                        + "\"positions\":1}", headers), String.class);
        assertThat(posted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String jobOpeningId = JSON.readTree(posted.getBody()).path("jobOpeningId").asText();

        JsonNode view = caseAs("hdowner", jobOpeningId);
        assertThat(view.path("kind").asText()).isEqualTo("OTHER");
        assertThat(view.path("processes").get(0).path("processKey").asText()).isEqualTo("JobReferral");
        assertThat(caseAs("hdsso", jobOpeningId).path("processes").get(0).path("waitingAt").toString())
                .contains("优先推荐在册失业人员");
        for (String stranger : List.of("cyowner", "hdrc", "hdpolice")) {
            assertThat(http.withBasicAuth(stranger, "demo").getForEntity("/api/cases/" + jobOpeningId, String.class)
                    .getStatusCode()).as(stranger).isEqualTo(HttpStatus.NOT_FOUND);
        }
        assertThat(http.withBasicAuth("hdowner", "demo").getForEntity("/api/cases/JO-1999-000001", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void documentsAreCheckedByTheirContentJournaledAndReadOnlyByTheCasesDepartments() throws Exception {
        String caseId = householdAtThePolice();
        ResponseEntity<String> added = upload("hdpolice", caseId, "register.png", MediaType.IMAGE_PNG, PNG, "HOUSEHOLD_REGISTER");
        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long id = JSON.readTree(added.getBody()).path("id").asLong();

        // the content decides: a PNG named .pdf, a text named .pdf, an empty file are refused, and nothing stored
        int before = count(caseId);
        for (ResponseEntity<String> refused : List.of(
                upload("hdpolice", caseId, "scan.pdf", MediaType.APPLICATION_PDF, PNG, "OTHER"),
                upload("hdpolice", caseId, "scan.pdf", MediaType.APPLICATION_PDF, "<script>".getBytes(), "OTHER"),
                upload("hdpolice", caseId, "empty.png", MediaType.IMAGE_PNG, new byte[0], "OTHER"),
                upload("hdpolice", caseId, "scan.png", MediaType.IMAGE_PNG, PNG, "PASSPORT"))) {
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody()).containsPattern("\\p{IsHan}").contains("\"field\"");
        }
        byte[] tooLarge = new byte[(int) (10 * 1024 * 1024) + 10];
        System.arraycopy(CaseDocuments.samplePdf("x"), 0, tooLarge, 0, 5);
        ResponseEntity<String> large = upload("hdpolice", caseId, "big.pdf", MediaType.APPLICATION_PDF, tooLarge, "OTHER");
        assertThat(large.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(large.getBody()).contains("不能超过10MB");
        assertThat(count(caseId)).isEqualTo(before);

        ResponseEntity<byte[]> opened = http.withBasicAuth("hdrc", "demo").getForEntity(
                "/api/cases/" + caseId + "/documents/" + id, byte[].class);
        assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(opened.getBody()).isEqualTo(PNG);
        assertThat(opened.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
        assertThat(http.withBasicAuth("supervisor", "demo").getForEntity("/api/cases/" + caseId + "/documents",
                String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        // supervisors read, they do not attach
        assertThat(upload("supervisor", caseId, "x.png", MediaType.IMAGE_PNG, PNG, "OTHER").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        for (String stranger : List.of("cypolice", "hdedu")) {
            assertThat(http.withBasicAuth(stranger, "demo").getForEntity("/api/cases/" + caseId + "/documents/" + id,
                    String.class).getStatusCode()).as(stranger).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(upload(stranger, caseId, "x.png", MediaType.IMAGE_PNG, PNG, "OTHER").getStatusCode())
                    .as(stranger).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(jdbc.queryForList("select step from case_journal where case_id = ? and step like 'DOCUMENT%'",
                String.class, caseId)).contains("DOCUMENT_ATTACHED", "DOCUMENT_OPENED");
    }

    @Test
    void theWebappSessionReadsTheCaseAndUploadsWithItsCsrfToken() throws Exception {
        String caseId = householdAtThePolice();
        WebappSession police = WebappSession.login(http, "hdpolice");
        var view = police.get("/camunda/api/gongzu/cases/" + caseId);
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(view.body()).path("household").path("members")).hasSize(2);
        assertThat(view.headers().firstValue("WWW-Authenticate")).isEmpty();
        var anonymous = new WebappSession(http.getRootUri()).get("/camunda/api/gongzu/cases/" + caseId);
        assertThat(anonymous.statusCode()).isIn(401, 403);

        // a forged cross-site 退回 or 转办 (the session cookie without the CSRF token) changes nothing
        Task policeTask = taskService.createTaskQuery().processInstanceBusinessKey(caseId).singleResult();
        var forged = police.postJsonWithoutCsrfToken("/camunda/api/gongzu/tasks/" + policeTask.getId() + "/hand-over",
                "{\"userId\":\"hdpolice\",\"reason\":\"伪造\"}");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(taskService.createTaskQuery().taskId(policeTask.getId()).singleResult().getAssignee()).isNull();
        var withToken = police.postJson("/camunda/api/gongzu/tasks/" + policeTask.getId() + "/hand-over",
                "{\"userId\":\"cypolice\",\"reason\":\"试图转给外区\"}");
        assertThat(withToken.statusCode()).isEqualTo(403);
        assertThat(withToken.body()).containsPattern("\\p{IsHan}");
    }

    @Test
    void doneTasksHandOverWithAReasonAndReturnToTheOwner() throws Exception {
        // the owner confirms a move-in over REST: it is in their 已办, newest first, with where the case is now
        var pi = fixture.startMoveIn(fixture.occupiedProject(MoveInFixture.SUB_DISTRICT));
        Task confirm = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        String owner = TestUsers.create(identityService, "owner", "demo", "owner-110108015");
        assertThat(http.withBasicAuth(owner, "demo").postForEntity("/engine-rest/task/" + confirm.getId() + "/complete",
                Map.of("variables", Map.of("moveInDate", Map.of("value", "2026-02-01"),
                        "keysHandedOver", Map.of("value", true))), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        // completing unclaimed makes the owner the assignee, which is no hand-over
        assertThat(jdbc.queryForObject("select count(*) from case_journal where case_id = ? and step = 'HANDOVER'",
                Integer.class, pi.getBusinessKey())).isZero();
        JsonNode done = JSON.readTree(http.withBasicAuth(owner, "demo").getForObject("/api/tasks/done", String.class));
        assertThat(done.path("total").asInt()).isEqualTo(1);
        assertThat(done.path("tasks").get(0).path("caseId").asText()).isEqualTo(pi.getBusinessKey());
        assertThat(done.path("tasks").get(0).path("caseWaitsAt").toString()).contains("登记家庭成员信息");

        // 转办 to a colleague of the same department, with a reason on the case
        Task registration = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        String rc1 = TestUsers.create(identityService, "rc", "demo", "rc-110108015");
        String rc2 = TestUsers.create(identityService, "rc", "demo", "rc-110108015");
        JsonNode actions = JSON.readTree(http.withBasicAuth(rc1, "demo").getForObject(
                "/api/tasks/" + registration.getId() + "/actions", String.class));
        assertThat(actions.path("returnTo").asText()).isEqualTo("退回产权单位");
        assertThat(actions.path("colleagues").toString()).contains(rc2).doesNotContain(rc1);
        ResponseEntity<String> noReason = http.withBasicAuth(rc1, "demo").postForEntity(
                "/api/tasks/" + registration.getId() + "/hand-over", Map.of("userId", rc2), String.class);
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noReason.getBody()).contains("转办理由");
        ResponseEntity<String> toSelf = http.withBasicAuth(rc1, "demo").postForEntity(
                "/api/tasks/" + registration.getId() + "/hand-over", Map.of("userId", rc1, "reason", "自己"), String.class);
        assertThat(toSelf.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(toSelf.getBody()).contains("不能是您本人");
        assertThat(http.withBasicAuth(rc1, "demo").postForEntity("/api/tasks/" + registration.getId() + "/hand-over",
                Map.of("userId", "hdpolice", "reason", "请协助"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth(rc1, "demo").postForEntity("/api/tasks/" + registration.getId() + "/hand-over",
                Map.of("userId", rc2, "reason", "本人休假"), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(taskService.createTaskQuery().taskId(registration.getId()).singleResult().getAssignee()).isEqualTo(rc2);
        assertThat(jdbc.queryForObject("select entry from case_journal where case_id = ? and step = 'HANDOVER_REASON'",
                String.class, pi.getBusinessKey())).contains(rc2, "本人休假");

        // 退回: only the one holding it; with a reason; the owner has the case again
        assertThat(http.withBasicAuth(rc1, "demo").postForEntity("/api/tasks/" + registration.getId() + "/return",
                Map.of("reason", "入住日期有误"), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth(rc2, "demo").postForEntity("/api/tasks/" + registration.getId() + "/return",
                Map.of("reason", ""), String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.withBasicAuth(rc2, "demo").postForEntity("/api/tasks/" + registration.getId() + "/return",
                Map.of("reason", "入住日期有误"), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        Task again = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(again.getTaskDefinitionKey()).isEqualTo("Task_ConfirmMoveIn");
        assertThat(jdbc.queryForObject("select entry from case_journal where case_id = ? and step = 'RETURNED'",
                String.class, pi.getBusinessKey())).contains("退回产权单位", "入住日期有误");
        // a step the model gives no return path cannot be returned
        assertThat(http.withBasicAuth(owner, "demo").postForEntity("/api/tasks/" + again.getId() + "/return",
                Map.of("reason", "试试"), String.class).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    private ResponseEntity<String> upload(String user, String caseId, String name, MediaType type, byte[] content,
            String kind) {
        HttpHeaders partHeaders = new HttpHeaders();
        partHeaders.setContentType(type);
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new HttpEntity<>(new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        }, partHeaders));
        body.add("kind", kind);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth(user, "demo").postForEntity("/api/cases/" + caseId + "/documents",
                new HttpEntity<>(body, headers), String.class);
    }

    private int count(String caseId) {
        return jdbc.queryForObject("select count(*) from case_document where case_id = ?", Integer.class, caseId);
    }
}
