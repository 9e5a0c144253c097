package org.gongzu.deadline;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Puts the {@link DeadlineListener} on every user task of every process. Registered before the
 * monitoring listener, so that the step recorder stores the due date with the new task.
 */
@Component
public class DeadlineParseListener extends AbstractBpmnParseListener {

    private final DeadlineListener listener;

    DeadlineParseListener(DeadlineListener listener) {
        this.listener = listener;
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, listener);
    }
}
