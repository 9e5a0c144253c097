package org.gongzu.deployment;

import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/** The Camunda Forms a process names on its start events and user tasks: what must be deployed with it. */
public final class ProcessForms {

    private ProcessForms() {
    }

    public static Set<String> named(BpmnModelInstance bpmn) {
        Set<String> ids = new LinkedHashSet<>();
        bpmn.getModelElementsByType(StartEvent.class).forEach(e -> addIfSet(ids, e.getCamundaFormRef()));
        bpmn.getModelElementsByType(UserTask.class).forEach(t -> addIfSet(ids, t.getCamundaFormRef()));
        return ids;
    }

    private static void addIfSet(Set<String> ids, String id) {
        if (id != null && !id.isBlank()) {
            ids.add(id);
        }
    }
}
