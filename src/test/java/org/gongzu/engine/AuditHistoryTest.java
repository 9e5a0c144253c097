package org.gongzu.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzu.support.MoveInFixture.SUB_DISTRICT;

import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.Task;
import org.gongzu.routing.TaskRoutingListener;
import org.gongzu.support.GongzuTest;
import org.gongzu.support.MoveInFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Gongzu's history level (docs/adr/0014) keeps who did what, when, on which case, and leaves out
 * form-field details and the routing decision's evaluations.
 */
@GongzuTest
class AuditHistoryTest {

    @Autowired MoveInFixture fixture;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @Autowired IdentityService identityService;
    @Autowired ProcessEngineConfiguration configuration;

    @Test
    void theEngineRunsOnGongzusLevel() {
        assertThat(configuration.getHistory()).isEqualTo(AuditHistoryLevel.NAME);
    }

    @Test
    void whoCompletedWhichStepOfWhichCaseAndWhichDepartmentHadIt() {
        Task task = fixture.registrationTaskIn(SUB_DISTRICT);
        identityService.setAuthentication("hdrc", List.of("rc-" + SUB_DISTRICT));
        try {
            taskService.complete(task.getId(), MoveInFixture.memberGroups(List.of(MoveInFixture.head())));
        } finally {
            identityService.clearAuthentication();
        }

        HistoricTaskInstance done = historyService.createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult();
        assertThat(done.getEndTime()).isNotNull();
        assertThat(done.getTaskDefinitionKey()).isEqualTo("Task_RegisterMembers");
        String caseId = historyService.createHistoricProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .singleResult().getBusinessKey();
        assertThat(caseId).startsWith("HH-");

        List<UserOperationLogEntry> operations = historyService.createUserOperationLogQuery().taskId(task.getId())
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list();
        assertThat(operations).extracting(UserOperationLogEntry::getUserId).containsExactly("hdrc");
        assertThat(operations.get(0).getTimestamp()).isNotNull();

        List<HistoricIdentityLinkLog> routed = historyService.createHistoricIdentityLinkLogQuery().taskId(task.getId()).list();
        assertThat(routed).extracting(HistoricIdentityLinkLog::getGroupId).filteredOn(java.util.Objects::nonNull)
                .containsExactly("rc-" + SUB_DISTRICT);
        // completed without a claim: the completer became the assignee, so 已办 and the history name them
        assertThat(routed).filteredOn(link -> link.getGroupId() == null).extracting(HistoricIdentityLinkLog::getUserId)
                .containsExactly("hdrc");
        assertThat(done.getAssignee()).isEqualTo("hdrc");
        assertThat(routed).extracting(HistoricIdentityLinkLog::getOperationType).containsOnly("add");
    }

    @Test
    void noFormFieldDetailsAndNoRoutingDecisionHistory() {
        Task task = fixture.registrationTaskIn(SUB_DISTRICT);
        assertThat(historyService.createHistoricDetailQuery().processInstanceId(task.getProcessInstanceId()).count()).isZero();
        assertThat(historyService.createHistoricDecisionInstanceQuery()
                .decisionDefinitionKey(TaskRoutingListener.DECISION_KEY).count()).isZero();
        // the routing still happened: the task has its department
        assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(l -> l.getGroupId())
                .containsExactly("rc-" + SUB_DISTRICT);
    }
}
