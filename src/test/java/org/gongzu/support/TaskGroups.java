package org.gongzu.support;

import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;

/** The candidate groups of a task, sorted: where the routing sent it. */
public final class TaskGroups {

    private TaskGroups() {
    }

    public static List<String> of(TaskService taskService, Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
                .filter(Objects::nonNull).sorted().toList();
    }
}
