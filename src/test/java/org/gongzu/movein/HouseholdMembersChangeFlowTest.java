package org.gongzu.movein;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gongzu.household.HouseholdEvents;
import org.gongzu.household.HouseholdRepository;
import org.gongzu.movein.HouseholdMembersChangeProcess.Elements;
import org.gongzu.support.BackingClass;
import org.gongzu.support.CoverageOf;
import org.gongzu.support.GongzuTest;
import org.gongzu.support.MoveInFixture;
import org.gongzu.support.TaskGroups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * processes/HouseholdMembersChange.bpmn: the residents' committee of the household's sub-district
 * corrects a registered household's members, from the members as registered; the services after
 * move-in are told (HouseholdEvents.MembersChanged).
 */
@GongzuTest
@CoverageOf(HouseholdMembersChangeProcess.KEY)
class HouseholdMembersChangeFlowTest {

    static final String SUB = MoveInFixture.SUB_DISTRICT;

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired HouseholdRepository households;
    @Autowired MoveInFixture moveIn;
    @Autowired JdbcTemplate jdbc;
    @Autowired org.springframework.context.ConfigurableApplicationContext context;

    /** The MembersChanged events published, as a service after move-in receives them (the shared context stays as it is). */
    private final List<HouseholdEvents.MembersChanged> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final org.springframework.context.ApplicationListener<org.springframework.context.PayloadApplicationEvent<HouseholdEvents.MembersChanged>> listener =
            event -> seen.add(event.getPayload());

    @BeforeEach
    void setUp() {
        init(engine);
        context.addApplicationListener(listener);
    }

    @AfterEach
    void signOut() {
        identityService.clearAuthentication();
        context.removeApplicationListener(listener);
    }

    private String registeredHousehold() {
        Task police = moveIn.policeStepIn(SUB);
        String caseId = moveIn.caseOf(police);
        taskService.complete(police.getId(), MoveInFixture.confirmation());
        return caseId;
    }

    private ProcessInstance requestAs(String user, String group, String caseId) {
        identityService.setAuthentication(user, List.of(group, "staff"));
        try {
            return runtimeService.startProcessInstanceByKey(HouseholdMembersChangeProcess.KEY,
                    Map.of("caseId", caseId, "changeReason", "新生子女"));
        } finally {
            identityService.clearAuthentication();
        }
    }

    @Test
    void theCommitteeCorrectsTheMembersFromTheRegisteredOnesAndTheServicesAreTold() {
        String caseId = registeredHousehold();
        ProcessInstance pi = requestAs("hdrc", "rc-" + SUB, caseId);
        assertThat(pi.getBusinessKey()).isEqualTo(caseId);
        assertThat(pi).isWaitingAt(Elements.UPDATE_MEMBERS);
        Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(TaskGroups.of(taskService, task)).containsExactly("rc-" + SUB);
        // the form opens with the members as registered
        assertThat(taskService.getVariableLocal(task.getId(), "memberCount")).isEqualTo(2);
        assertThat(taskService.getVariableLocal(task.getId(), "member2").toString()).contains("王五",
                MoveInFixture.SPOUSE_BEIJING);

        // a refused correction changes nothing
        assertThatThrownBy(() -> taskService.complete(task.getId(), MoveInFixture.members(List.of(
                MoveInFixture.member("王五", MoveInFixture.SPOUSE_BEIJING, "SPOUSE", "BEIJING", "1990-01-01")))))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("须包括承租人本人");
        assertThat(households.members(caseId)).hasSize(2);

        int before = seen.size();
        taskService.complete(task.getId(), MoveInFixture.members(List.of(MoveInFixture.head(),
                MoveInFixture.member("王五", MoveInFixture.SPOUSE_BEIJING, "SPOUSE", "BEIJING", "1990-01-01"),
                MoveInFixture.member("张小小", MoveInFixture.CHILD_BEIJING, "CHILD", "BEIJING", "2010-06-01"))));
        assertThat(pi).isEnded().hasPassed(Elements.END);
        assertThat(households.members(caseId)).hasSize(3);
        assertThat(seen.subList(before, seen.size())).singleElement()
                .satisfies(e -> assertThat(e.members()).hasSize(3));
        assertThat(jdbc.queryForList("select step from case_journal where case_id = ? order by id", String.class, caseId))
                .contains("MEMBERS_CHANGE_REQUESTED", "MEMBERS_CHANGED");
        // the members never reached the history
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableNameIn("member1", "member2", "members").count()).isZero();
    }

    @Test
    void anotherSubDistrictsCommitteeAnUnknownCaseAndAHouseholdNotYetRegisteredAreRefused() {
        String caseId = registeredHousehold();
        assertThatThrownBy(() -> requestAs("cyrc", "rc-" + MoveInFixture.OTHER_SUB_DISTRICT, caseId))
                .hasMessageContaining("「案卷号」不存在，或不属于本居委会");
        assertThatThrownBy(() -> requestAs("hdrc", "rc-" + SUB, "HH-2026-999999"))
                .hasMessageContaining("「案卷号」不存在，或不属于本居委会");
        String movingIn = moveIn.caseOf(moveIn.registrationTaskIn(SUB));
        assertThatThrownBy(() -> requestAs("hdrc", "rc-" + SUB, movingIn))
                .hasMessageContaining("尚未完成入住登记");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(HouseholdMembersChangeProcess.KEY)
                .processInstanceBusinessKey(caseId).count()).isZero();
    }

    @Test
    void backingClassListsEveryFlowNodeOfTheModel() throws Exception {
        BackingClass.listsEveryFlowNode(HouseholdMembersChangeProcess.KEY, Elements.class);
    }
}
