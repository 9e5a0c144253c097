package org.gongzu.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gongzu.support.MoveInFixture.SUB_DISTRICT;
import static org.gongzu.support.MoveInFixture.WRONG_CHECK_DIGIT;
import static org.gongzu.support.MoveInFixture.head;
import static org.gongzu.support.MoveInFixture.member;
import static org.gongzu.support.MoveInFixture.memberGroups;
import static org.gongzu.support.MoveInFixture.members;
import static org.gongzu.support.MoveInFixture.moveIn;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gongzu.support.GongzuTest;
import org.gongzu.support.MoveInFixture;
import org.gongzu.validation.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Input the engine refuses on every route, whatever the form: the rules of org.gongzu.engine and the ID rules. */
@GongzuTest
@ExtendWith(OutputCaptureExtension.class)
class RefusedInputTest {

    /** Born 2099-01-01, check character computed: valid in form, impossible in fact. */
    private static final String BORN_IN_THE_FUTURE = withCheckCharacter("11010820990101001");

    @Autowired TestRestTemplate http;
    @Autowired MoveInFixture fixture;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @Autowired JdbcTemplate jdbc;

    @Test
    void leaseWithAFutureBornHolderIsRefusedNamingHeadIdNumber() {
        String project = fixture.occupiedProject(SUB_DISTRICT);
        String leaseNo = "FUTURE-" + project;
        String lease = "{\"projectId\":\"" + project + "\",\"unitNo\":\"1-1-102\",\"leaseNo\":\"" + leaseNo
                + "\",\"leaseSignedOn\":\"2026-03-01\",\"headName\":\"赵六\",\"headIdNumber\":\"" + BORN_IN_THE_FUTURE + "\"}";

        ResponseEntity<String> response = http.withBasicAuth("hdowner", "demo").postForEntity("/api/leases", json(lease),
                String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("\"field\":\"headIdNumber\"").contains("晚于今天");
        assertThat(jdbc.queryForObject("select count(*) from household where lease_no = ?", Integer.class, leaseNo)).isZero();
    }

    @Test
    void leaseWithFieldsTheFormDoesNotHaveOrObjectsForTextIsRefusedNamingThem() {
        String project = fixture.occupiedProject(SUB_DISTRICT);
        String leaseNo = "EXTRA-" + project;
        String fields = "\"projectId\":\"" + project + "\",\"unitNo\":\"1-1-103\",\"leaseNo\":\"" + leaseNo
                + "\",\"leaseSignedOn\":\"2026-03-01\",\"headIdNumber\":\"" + MoveInFixture.HEAD_BEIJING + "\"";

        ResponseEntity<String> extra = http.withBasicAuth("hdowner", "demo").postForEntity("/api/leases",
                json("{" + fields + ",\"headName\":\"赵六\",\"firstHouseholdOfProject\":true,\"caseId\":\"HH-1\"}"),
                String.class);
        assertThat(extra.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(extra.getBody()).contains("\"field\":\"firstHouseholdOfProject\"", "\"field\":\"caseId\"");

        ResponseEntity<String> object = http.withBasicAuth("hdowner", "demo").postForEntity("/api/leases",
                json("{" + fields + ",\"headName\":{\"a\":[1]}}"), String.class);
        assertThat(object.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(object.getBody()).contains("\"field\":\"headName\"", "应为文本");
        assertThat(jdbc.queryForObject("select count(*) from household where lease_no = ?", Integer.class, leaseNo)).isZero();
    }

    @Test
    void aMemberBornBefore1900IsRefusedOnTheRegistrationForm() {
        ProcessInstance pi = fixture.startMoveIn(fixture.occupiedProject(SUB_DISTRICT));
        taskService.complete(task(pi).getId(), moveIn());
        String old = withCheckCharacter("11010818990101002");

        assertThatThrownBy(() -> taskService.complete(task(pi).getId(),
                memberGroups(List.of(head(), member("李四", old, "PARENT", "BEIJING", "1899-01-01")))))
                .isInstanceOfSatisfying(InputRefusedException.class, e -> assertThat(e.errors())
                        .contains(new FieldError("member2.idNumber", "第2位成员的「身份证号码」其中的出生日期（第7至14位）早于1900年")));
    }

    @Test
    void refusalsOfTheRegistrationFormNameTheFormsOwnFieldsAndRestListsKeepTheirPaths() {
        ProcessInstance pi = fixture.startMoveIn(fixture.occupiedProject(SUB_DISTRICT));
        taskService.complete(task(pi).getId(), moveIn());
        List<Map<String, Object>> household = List.of(head(), member("王五", WRONG_CHECK_DIGIT, "SPOUSE", "BEIJING", "1985-03-15"));

        assertThatThrownBy(() -> taskService.complete(task(pi).getId(), memberGroups(household)))
                .isInstanceOfSatisfying(InputRefusedException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("member2.idNumber"));
        assertThatThrownBy(() -> taskService.complete(task(pi).getId(), members(household)))
                .isInstanceOfSatisfying(InputRefusedException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("members[1].idNumber"));
    }

    @Test
    void unknownVariablesInATaskSubmissionAreRefusedNamingThemAndNothingIsKept() {
        ProcessInstance pi = fixture.startMoveIn(fixture.occupiedProject(SUB_DISTRICT));
        Task confirm = task(pi);
        String body = "{\"variables\":{\"moveInDate\":{\"value\":\"2026-02-01\"},\"keysHandedOver\":{\"value\":true},"
                + "\"smuggled\":{\"value\":\"x\"},\"assigneeOverride\":{\"value\":\"cyowner\"}}}";

        ResponseEntity<String> response = http.withBasicAuth("hdowner", "demo").postForEntity(
                "/engine-rest/task/" + confirm.getId() + "/submit-form", json(body), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("smuggled").contains("assigneeOverride").doesNotContain("Exception:");
        assertThat(taskService.createTaskQuery().taskId(confirm.getId()).count()).isEqualTo(1);
        assertThat(runtimeService.getVariables(pi.getId())).doesNotContainKeys("smuggled", "assigneeOverride", "moveInDate");
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableNameIn("smuggled", "assigneeOverride").count()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from act_hi_detail where name_ in ('smuggled', 'assigneeOverride')",
                Integer.class)).isZero();
    }

    @Test
    void unknownVariablesAtTheStartAreRefusedToo() {
        Map<String, Object> lease = new HashMap<>(fixture.lease(fixture.occupiedProject(SUB_DISTRICT), MoveInFixture.HEAD_BEIJING));
        lease.put("firstHouseholdOfProject", true);
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("TenantMoveIn").count();

        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("TenantMoveIn", lease))
                .isInstanceOfSatisfying(InputRefusedException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("firstHouseholdOfProject"));
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("TenantMoveIn").count()).isEqualTo(before);
    }

    @Test
    void anIdNumberTypedIntoANoteIsStoredMasked() {
        ProcessInstance pi = fixture.startMoveIn(fixture.occupiedProject(SUB_DISTRICT));
        taskService.complete(task(pi).getId(), moveIn());
        taskService.complete(task(pi).getId(), members(List.of(head())));

        taskService.complete(task(pi).getId(), Map.of("confirmed", true, "doneOn", "2026-02-03",
                "note", "已核对承租人 " + MoveInFixture.HEAD_BEIJING + " 的信息"));

        String entry = jdbc.queryForObject("select entry from case_journal where case_id = ? and step = 'ACTUAL_POPULATION'",
                String.class, pi.getBusinessKey());
        assertThat(entry).contains("已核对承租人 110108**********47 的信息").doesNotContain(MoveInFixture.HEAD_BEIJING);
    }

    @Test
    void refusedInputIsLoggedAsOneInfoLineWithoutPersonalData(CapturedOutput output) {
        ProcessInstance pi = fixture.startMoveIn(fixture.occupiedProject(SUB_DISTRICT));
        Task confirm = task(pi);
        int from = output.getAll().length();

        ResponseEntity<String> response = http.withBasicAuth("hdowner", "demo").postForEntity(
                "/engine-rest/task/" + confirm.getId() + "/complete",
                json("{\"variables\":{\"moveInDate\":{\"value\":\"2999-01-01\"},\"keysHandedOver\":{\"value\":true},"
                        + "\"note\":{\"value\":\"" + MoveInFixture.HEAD_BEIJING + "\"}}}"),
                String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        List<String> lines = output.getAll().substring(from).lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines).filteredOn(line -> line.contains("refused") || line.contains("Refused")).singleElement()
                .satisfies(line -> assertThat(line).contains(" INFO ", "refused with 400", "fields [note]"));
        assertThat(String.join("\n", lines)).doesNotContain(" ERROR ").doesNotContain("\tat ")
                .doesNotContain(MoveInFixture.HEAD_BEIJING).doesNotContain("2999-01-01").doesNotContain("ENGINE-16004");
    }

    private Task task(ProcessInstance pi) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    }

    private static String withCheckCharacter(String first17) {
        return first17 + org.gongzu.validation.IdNumber.checkCharacter(first17);
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
