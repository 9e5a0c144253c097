package org.gongzu.projectregistration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.gongzu.project.FacilityType;
import org.gongzu.projectregistration.ProjectRegistrationProcess.Elements;
import org.gongzu.support.CoverageOf;
import org.gongzu.support.GongzuTest;
import org.gongzu.support.ProjectFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * processes/ProjectRegistration.bpmn (clause 4): the district housing department registers a
 * project in Tasklist's form; the project's case opens and its facility handovers start.
 */
@GongzuTest
@CoverageOf(ProjectRegistrationProcess.KEY)
class ProjectRegistrationFlowTest {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired IdentityService identityService;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void initAssertions() {
        init(engine);
    }

    @Test
    void theHousingDepartmentRegistersAProjectAndEachPlannedFacilityGetsItsHandover() {
        String id = ProjectFixture.newProjectId();
        ProcessInstance pi = asHousing("110108", () -> runtimeService.startProcessInstanceByKey(
                ProjectRegistrationProcess.KEY, asTasklistSubmits(ProjectFixture.registration(id,
                        LocalDate.now().plusDays(90), FacilityType.KINDERGARTEN, FacilityType.POLICE_ROOM))));

        assertThat(pi).isEnded().hasPassed(Elements.START, Elements.END);
        assertThat(pi.getBusinessKey()).isEqualTo(id);
        assertThat(jdbc.queryForMap("select name, units, registered_by from housing_project where id = ?", id))
                .containsEntry("units", 300).containsEntry("registered_by", "hdhousing");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("FacilityHandover")
                .processInstanceBusinessKey(id).count()).isEqualTo(2);
    }

    @Test
    void aProjectInAnotherDistrictIsRefusedAndNothingIsStored() {
        String id = ProjectFixture.newProjectId();
        assertThatThrownBy(() -> asHousing("110105", () -> runtimeService.startProcessInstanceByKey(
                ProjectRegistrationProcess.KEY, asTasklistSubmits(ProjectFixture.registration(id,
                        LocalDate.now().plusDays(90), FacilityType.KINDERGARTEN)))))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("「所在街道（乡镇）代码」不在您所在区住建委的辖区内");
        assertThat(jdbc.queryForObject("select count(*) from housing_project where id = ?", Integer.class, id)).isZero();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(id).count()).isZero();
    }

    @Test
    void badInputIsRefusedWithEveryFieldNamed() {
        Map<String, Object> form = new HashMap<>();
        form.put("projectId", "hh-lower case");
        form.put("subDistrictCode", "999999001");
        form.put("subDistrictName", "某街道");
        form.put("units", "0");
        form.put("plannedMoveInOn", "2012-12-31");
        form.put("facilityTypes", "[\"KINDERGARTEN\", \"SWIMMING_POOL\"]");
        assertThatThrownBy(() -> asHousing("110108", () -> runtimeService.startProcessInstanceByKey(
                ProjectRegistrationProcess.KEY, form)))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("「项目编号」只能由大写字母、数字和连字符组成")
                .hasMessageContaining("「项目名称」为必填项")
                .hasMessageContaining("「所在街道（乡镇）代码」前6位不是本市的区代码")
                .hasMessageContaining("「产权单位」为必填项")
                .hasMessageContaining("「房屋套数」应为1至100000之间的整数")
                .hasMessageContaining("「计划首次入住日期」不能早于2013年1月1日")
                .hasMessageContaining("「规划配套设施」含无效选项");
        assertThatThrownBy(() -> asHousing("110108", () -> runtimeService.startProcessInstanceByKey(
                ProjectRegistrationProcess.KEY, Map.of("projectId", "X1", "unexpected", "1"))))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("unexpected");
    }

    @Test
    void aNewSubDistrictIsAddedWithItsDepartmentGroupsAndAKnownOneMustKeepItsName() {
        String code = "110108" + String.format("%03d", 500 + (int) (Math.random() * 400));
        String id = ProjectFixture.newProjectId();
        Map<String, Object> form = ProjectFixture.registration(id, LocalDate.now().plusDays(90), FacilityType.POLICE_ROOM);
        form.put("subDistrictCode", code);
        form.put("subDistrictName", "海淀区测试街道");
        asHousing("110108", () -> runtimeService.startProcessInstanceByKey(ProjectRegistrationProcess.KEY,
                asTasklistSubmits(form)));

        assertThat(jdbc.queryForObject("select name from place where code = ?", String.class, code)).isEqualTo("海淀区测试街道");
        assertThat(identityService.createGroupQuery().groupIdIn("owner-" + code, "rc-" + code, "sdo-" + code,
                "sso-" + code, "police-" + code).count()).isEqualTo(5);

        Map<String, Object> renamed = ProjectFixture.registration(ProjectFixture.newProjectId(), LocalDate.now(),
                FacilityType.POLICE_ROOM);
        renamed.put("subDistrictCode", code);
        renamed.put("subDistrictName", "别的名字");
        assertThatThrownBy(() -> asHousing("110108", () -> runtimeService.startProcessInstanceByKey(
                ProjectRegistrationProcess.KEY, asTasklistSubmits(renamed))))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("与已登记的名称「海淀区测试街道」不一致");
    }

    @Test
    void onlyTheHousingDepartmentMayStartARegistration() {
        identityService.setAuthentication("hdowner", List.of("owner-110108015"));
        try {
            assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(ProjectRegistrationProcess.KEY,
                    asTasklistSubmits(ProjectFixture.registration(ProjectFixture.newProjectId(), LocalDate.now(),
                            FacilityType.KINDERGARTEN)))).isInstanceOf(AuthorizationException.class);
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** The checklist arrives from Tasklist as a Json value. */
    private static Map<String, Object> asTasklistSubmits(Map<String, Object> form) {
        Map<String, Object> variables = Variables.createVariables();
        variables.putAll(form);
        variables.put("facilityTypes", SpinValues.jsonValue(toJson(form.get("facilityTypes"))).create());
        return variables;
    }

    private static String toJson(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T asHousing(String district, Supplier<T> call) {
        identityService.setAuthentication(district.equals("110108") ? "hdhousing" : "cyhousing",
                List.of("housing-" + district));
        try {
            return call.get();
        } finally {
            identityService.clearAuthentication();
        }
    }
}
