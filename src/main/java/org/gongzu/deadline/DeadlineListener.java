package org.gongzu.deadline;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Gives a new user task its due date and follow-up date from the TaskDeadlines decision and the
 * working-day calendar. A due date the model sets itself (camunda:dueDate) is kept; the follow-up
 * is then counted back from it. A task without a rule keeps no dates (the model tests require one).
 */
@Component
class DeadlineListener implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(DeadlineListener.class);

    private final TaskDeadlines taskDeadlines;
    private final Deadlines deadlines;

    DeadlineListener(TaskDeadlines taskDeadlines, Deadlines deadlines) {
        this.taskDeadlines = taskDeadlines;
        this.deadlines = deadlines;
    }

    @Override
    public void notify(DelegateTask task) {
        TaskEntity entity = (TaskEntity) task;
        if (entity.getProcessDefinition() == null) {
            return; // a task outside any process
        }
        Instant created = task.getCreateTime().toInstant();
        Instant due;
        if (task.getDueDate() != null) {
            due = task.getDueDate().toInstant();
        } else {
            String processKey = entity.getProcessDefinition().getKey();
            Optional<Integer> days = taskDeadlines.workingDays(processKey, task.getTaskDefinitionKey(), task);
            if (days.isEmpty()) {
                log.warn("No rule in {} for task {} of process {}: no due date", TaskDeadlines.DECISION_KEY,
                        task.getTaskDefinitionKey(), processKey);
                return;
            }
            due = deadlines.dueAt(created, days.get());
            task.setDueDate(Date.from(due));
        }
        if (task.getFollowUpDate() == null) {
            task.setFollowUpDate(Date.from(deadlines.followUpAt(created, due)));
        }
    }
}
