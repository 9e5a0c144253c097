package org.gongzu.casefile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.gongzu.webapp.Callers;
import org.springframework.stereotype.Component;

/**
 * Every process a case runs (all share the case's id as business key): what each is about, where it
 * waits, with which department and until when, and how it ended. A process tells what it is about
 * and how it ended through {@link CaseVariables#SUBJECT} and {@link CaseVariables#OUTCOME}; shared code
 * needs no knowledge of it. Callers decide access first and read as the system.
 */
@Component
public class CaseProcesses {

    static final int MAX_PROCESSES = 100;

    private final ProcessEngine engine;
    private final Callers callers;

    CaseProcesses(ProcessEngine engine, Callers callers) {
        this.engine = engine;
        this.callers = callers;
    }

    /**
     * A step a process waits in: its task (for 催办), its name, the departments it is routed to (Chinese
     * names, and their group ids, so a reader's page can tell its own department's steps), its dates.
     */
    public record Step(String taskId, String name, List<String> departments, List<String> groupIds, Date due,
            Date followUp) {
    }

    /** One process of the case. */
    public record State(String processKey, String name, String subject, boolean ended, Date started, Date endedAt,
            List<Step> waitingAt, String outcome) {
    }

    /** The case's processes, oldest first. */
    public List<State> of(String caseId) {
        List<HistoricProcessInstance> instances = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(caseId).orderByProcessInstanceStartTime().asc().listPage(0, MAX_PROCESSES);
        if (instances.isEmpty()) {
            return List.of();
        }
        String[] ids = instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
        Map<String, Map<String, Object>> labels = new HashMap<>();
        for (HistoricVariableInstance variable : engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceIdIn(ids).variableNameIn(CaseVariables.SUBJECT, CaseVariables.OUTCOME)
                .disableCustomObjectDeserialization().list()) {
            // process-wide only: a task-local variable of the same name is not the process's label
            if (Objects.equals(variable.getActivityInstanceId(), variable.getProcessInstanceId())) {
                labels.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
                        .put(variable.getName(), variable.getValue());
            }
        }
        Map<String, List<Step>> waiting = new HashMap<>();
        for (Task task : engine.getTaskService().createTaskQuery().processInstanceIdIn(ids).orderByTaskCreateTime().asc()
                .listPage(0, MAX_PROCESSES * 5)) {
            List<String> groupIds = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                    .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                    .map(IdentityLink::getGroupId).distinct().sorted().toList();
            List<String> departments = groupIds.stream().map(callers::groupName).sorted().toList();
            waiting.computeIfAbsent(task.getProcessInstanceId(), id -> new ArrayList<>())
                    .add(new Step(task.getId(), task.getName(), departments, groupIds, task.getDueDate(),
                            task.getFollowUpDate()));
        }
        Map<String, String> names = new HashMap<>();
        List<State> states = new ArrayList<>();
        for (HistoricProcessInstance instance : instances) {
            Map<String, Object> label = labels.getOrDefault(instance.getId(), Map.of());
            boolean ended = instance.getEndTime() != null;
            states.add(new State(instance.getProcessDefinitionKey(),
                    callers.processName(names, instance.getProcessDefinitionId()), text(label.get(CaseVariables.SUBJECT)),
                    ended, instance.getStartTime(), instance.getEndTime(),
                    ended ? List.of() : waiting.getOrDefault(instance.getId(), List.of()),
                    text(label.get(CaseVariables.OUTCOME))));
        }
        states.sort(Comparator.comparing(State::started));
        return states;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
