package org.gongzu.mail;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * Queues the arrival mails of a new task routed to departments, in the transaction that creates it:
 * a task whose creation is rolled back was never announced.
 */
@Component
class ArrivalListener implements TaskListener {

    private final TaskMails mails;

    ArrivalListener(TaskMails mails) {
        this.mails = mails;
    }

    @Override
    public void notify(DelegateTask task) {
        if (((TaskEntity) task).getProcessDefinition() == null || task.getExecution() == null) {
            return; // a task outside any process: no case to name
        }
        List<String> groups = task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).distinct().toList();
        if (!groups.isEmpty()) {
            mails.arrival(new TaskMails.TaskFacts(task.getId(), task.getName(),
                    task.getExecution().getProcessBusinessKey(), groups, task.getDueDate()));
        }
    }
}
