package org.gongzu.monitoring;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Puts the {@link StepRecorder} on every user task of every process. Registered after the parse
 * listeners that route tasks, so a task's departments are known when it is recorded.
 * {@code gongzu.monitoring.record=false} leaves it off (no figures are kept): only for measuring what
 * the recording costs the engine (bench/run-monitoring).
 */
@Component
public class MonitoringParseListener extends AbstractBpmnParseListener {

    private final StepRecorder recorder;
    private final boolean record;

    MonitoringParseListener(StepRecorder recorder, @Value("${gongzu.monitoring.record:true}") boolean record) {
        this.recorder = recorder;
        this.record = record;
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (!record) {
            return;
        }
        TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        for (String event : new String[] {TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_UPDATE,
            TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE}) {
            definition.addBuiltInTaskListener(event, recorder);
        }
    }
}
