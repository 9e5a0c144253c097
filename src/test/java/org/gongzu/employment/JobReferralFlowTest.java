package org.gongzu.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gongzu.casefile.CaseJournal;
import org.gongzu.employment.EmploymentFixture.Person;
import org.gongzu.employment.EmploymentFixture.Registered;
import org.gongzu.employment.JobReferralProcess.Elements;
import org.gongzu.employment.JobReferralProcess.RecommendationForm;
import org.gongzu.household.Member.Employment;
import org.gongzu.household.Member.Hukou;
import org.gongzu.support.CoverageOf;
import org.gongzu.support.GongzuTest;
import org.gongzu.support.MoveInFixture;
import org.gongzu.support.TaskGroups;
import org.gongzu.validation.IdNumber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * processes/JobReferral.bpmn (clause 7 paragraph 3): a job opening posted to /api/job-openings by
 * the sub-district's property owner or social security office; they recommend from the numbered
 * list of the sub-district's registered unemployed tenants, the earliest registered first.
 */
@GongzuTest
@CoverageOf(JobReferralProcess.KEY)
class JobReferralFlowTest {

    static final String SUB_DISTRICT = MoveInFixture.SUB_DISTRICT;
    static final LocalDate TODAY = LocalDate.now();

    @Autowired ProcessEngine engine;
    @Autowired TestRestTemplate http;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @Autowired EmploymentFixture fixture;
    @Autowired CaseJournal journal;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void initAssertions() {
        init(engine);
    }

    @Test
    void aJobOpeningListsTheCommunitysRegisteredUnemployedTenantsFirstAndRecordsTheRecommendationOnEach() {
        Registered earlier = fixture.registeredUnemployed(SUB_DISTRICT, "早登记", TODAY.minusDays(10));
        Registered later = fixture.registeredUnemployed(SUB_DISTRICT, "晚登记", TODAY.minusDays(5));
        Registered elsewhere = fixture.registeredUnemployed(MoveInFixture.OTHER_SUB_DISTRICT, "外街道", TODAY.minusDays(20));
        Registered employed = fixture.registeredUnemployed(SUB_DISTRICT, "已就业", TODAY.minusDays(30));
        fixture.correctMembers(employed.caseId(), employed.person().employed(Employment.EMPLOYED));
        Person waiting = EmploymentFixture.man("待登记", LocalDate.of(1990, 1, 1), Hukou.BEIJING, Employment.UNEMPLOYED);
        String waitingCase = fixture.household(SUB_DISTRICT, waiting);
        fixture.registerInCommunity(waitingCase);
        fixture.started(waitingCase, waiting);

        ResponseEntity<Map> posted = http.withBasicAuth("hdowner", "demo").postForEntity("/api/job-openings",
                json("{\"subDistrictCode\":\"" + SUB_DISTRICT + "\",\"employer\":\"学院路社区服务站\",\"title\":\"保洁员\","
                        + "\"positions\":2,\"requirements\":\"身体健康\"}"), Map.class);

        assertThat(posted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String jobOpeningId = (String) posted.getBody().get("jobOpeningId");
        assertThat(jobOpeningId).matches("JO-\\d{4}-\\d{6}");
        ProcessInstance pi = runtimeService.createProcessInstanceQuery()
                .processInstanceId((String) posted.getBody().get("processInstanceId")).singleResult();
        assertThat(pi.getBusinessKey()).isEqualTo(jobOpeningId);
        assertThat(pi).isWaitingAt(Elements.RECOMMEND).hasPassed(Elements.START);
        Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(TaskGroups.of(taskService, task)).containsExactly("owner-" + SUB_DISTRICT, "sso-" + SUB_DISTRICT);
        assertThat(task.getName()).isEqualTo("优先推荐在册失业人员：学院路社区服务站 保洁员 2人");
        assertThat(taskService.getVariableLocal(task.getId(), RecommendationForm.JOB_OPENING))
                .isEqualTo("招聘单位：学院路社区服务站；岗位：保洁员；人数：2；要求：身体健康");

        String list = (String) taskService.getVariableLocal(task.getId(), RecommendationForm.CANDIDATES);
        int first = numberOf(list, earlier.person());
        int second = numberOf(list, later.person());
        assertThat(first).isLessThan(second);
        assertThat(list).contains(IdNumber.mask(earlier.person().idNumber()), TODAY.minusDays(10) + " 失业登记")
                .doesNotContain(earlier.person().idNumber(), elsewhere.person().name(), employed.person().name(),
                        waiting.name());

        assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of("recommendedNumbers", "0")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("「推荐人员序号」应为1至");
        assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of("recommendedNumbers", " ")))
                .isInstanceOf(FormFieldValidationException.class).hasMessage("「备注」未推荐人员时须说明原因");
        taskService.complete(task.getId(), Map.of("recommendedNumbers", first + "，" + second, "note", "两人均有保洁经验"));

        assertThat(pi).isEnded().hasPassed(Elements.END);
        for (Registered recommended : List.of(earlier, later)) {
            assertThat(jdbc.queryForList("select job_opening_id from unemployment_service where registration_id = ?"
                    + " and service = 'JOB_REFERRAL'", String.class, recommended.registrationId())).containsExactly(jobOpeningId);
            assertThat(journal.entries(recommended.caseId())).extracting(e -> e.get("step")).contains("UNEMPLOYMENT_JOB_REFERRAL");
        }
        assertThat(jdbc.queryForList("select seq from job_referral_candidate where job_opening_id = ? and recommended",
                Integer.class, jobOpeningId)).containsExactlyInAnyOrder(first, second);
        assertThat(journal.entries(jobOpeningId)).extracting(e -> (String) e.get("entry")).anyMatch(entry -> entry.contains(
                "已优先推荐 2 名在册失业人员（名单第" + first + "、" + second + "位）"));
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName("caseOutcome").singleResult().getValue()).isEqualTo("已优先推荐 2 名在册失业人员（名单第"
                        + first + "、" + second + "位）");
        // the names never reach the history
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName(RecommendationForm.CANDIDATES).count()).isZero();
    }

    @Test
    void theApiRefusesBadInputNamingTheFieldAndAnyoneButTheSubDistrictsOwnerOrSocialSecurityOffice() {
        String valid = "{\"subDistrictCode\":\"" + SUB_DISTRICT + "\",\"employer\":\"便民超市\",\"title\":\"收银员\",\"positions\":1}";
        assertThat(http.postForEntity("/api/job-openings", json(valid), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        ResponseEntity<Map> bad = http.withBasicAuth("hdowner", "demo").postForEntity("/api/job-openings",
                json("{\"subDistrictCode\":\"" + SUB_DISTRICT + "\",\"title\":\"收银员\",\"positions\":0}"), Map.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, String>>) bad.getBody().get("fields")).containsExactly(
                Map.of("field", "employer", "message", "「招聘单位」为必填项"),
                Map.of("field", "positions", "message", "「招聘人数」应为1至999之间的整数"));
        ResponseEntity<Map> foreign = http.withBasicAuth("hdsso", "demo").postForEntity("/api/job-openings",
                json(valid.replace("}", ",\"salary\":\"5000\"}")), Map.class);
        assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, String>>) foreign.getBody().get("fields")).extracting(f -> f.get("field"))
                .containsExactly("salary");
        ResponseEntity<Map> unknownPlace = http.withBasicAuth("hdsso", "demo").postForEntity("/api/job-openings",
                json(valid.replace(SUB_DISTRICT, "110108999")), Map.class);
        assertThat(unknownPlace.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownPlace.getBody().get("message")).isEqualTo("「所在街道」不存在：110108999");

        ResponseEntity<Map> committee = http.withBasicAuth("hdrc", "demo").postForEntity("/api/job-openings", json(valid), Map.class);
        assertThat(committee.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(committee.getBody().get("message")).isEqualTo(JobOpeningController.NOT_ALLOWED);
        ResponseEntity<Map> otherOwner = http.withBasicAuth("cyowner", "demo").postForEntity("/api/job-openings", json(valid), Map.class);
        assertThat(otherOwner.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(otherOwner.getBody().get("message")).isEqualTo(JobOpeningController.OTHER_SUB_DISTRICT);

        ResponseEntity<Map> office = http.withBasicAuth("hdsso", "demo").postForEntity("/api/job-openings", json(valid), Map.class);
        assertThat(office.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String officeInstance = (String) office.getBody().get("processInstanceId");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(officeInstance).singleResult())
                .isWaitingAt(Elements.RECOMMEND);
    }

    /** The number of the candidate list's line that names this person. */
    static int numberOf(String list, Person person) {
        return list.lines().filter(line -> line.contains(person.name())).findFirst()
                .map(line -> Integer.parseInt(line.substring(0, line.indexOf('.'))))
                .orElseThrow(() -> new AssertionError(person.name() + " is not on the list:\n" + list));
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
